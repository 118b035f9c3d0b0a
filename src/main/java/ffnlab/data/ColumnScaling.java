package ffnlab.data;

/**
 * A per-column affine map fitted on the training split: x' = (x - offset_j) / scale_j for column j, and back:
 * x = offset_j + scale_j x'. Min-max takes offset = min, scale = max - min; standardisation takes
 * offset = mean, scale = sigma = sqrt((1/P) sum_p (x_pj - mean_j)^2) (the population sigma, as scikit-learn's
 * StandardScaler). A constant column keeps scale 1. Statistics accumulate in double.
 *
 * @param offset per column, the value mapped to 0
 * @param scale  per column, the divisor (never 0)
 */
public record ColumnScaling(double[] offset, double[] scale) {

    /** What to fit. */
    public enum Kind { NONE, MIN_MAX, STANDARDISE }

    public ColumnScaling {
        if (offset.length != scale.length) {
            throw new IllegalArgumentException(offset.length + " offsets for " + scale.length + " scales");
        }
        offset = offset.clone();
        scale = scale.clone();
    }

    /** The identity on {@code cols} columns. */
    public static ColumnScaling identity(int cols) {
        double[] ones = new double[cols];
        java.util.Arrays.fill(ones, 1.0);
        return new ColumnScaling(new double[cols], ones);
    }

    /**
     * Fits the statistics of the row-major P x n matrix {@code values}.
     *
     * @param values P x n, row-major
     * @param rows   P
     * @param cols   n
     */
    public static ColumnScaling fit(Kind kind, float[] values, int rows, int cols) {
        if (kind == Kind.NONE || rows == 0) {
            return identity(cols);
        }
        double[] offset = new double[cols];
        double[] scale = new double[cols];
        if (kind == Kind.MIN_MAX) {
            double[] max = new double[cols];
            java.util.Arrays.fill(offset, Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
            for (int p = 0; p < rows; p++) {
                int base = p * cols;
                for (int j = 0; j < cols; j++) {
                    double v = values[base + j];
                    offset[j] = Math.min(offset[j], v);
                    max[j] = Math.max(max[j], v);
                }
            }
            for (int j = 0; j < cols; j++) {
                double range = max[j] - offset[j];
                scale[j] = range > 0 ? range : 1.0;
            }
        } else {
            for (int p = 0; p < rows; p++) {
                int base = p * cols;
                for (int j = 0; j < cols; j++) {
                    offset[j] += values[base + j];
                }
            }
            for (int j = 0; j < cols; j++) {
                offset[j] /= rows;
            }
            double[] squares = new double[cols];
            for (int p = 0; p < rows; p++) {
                int base = p * cols;
                for (int j = 0; j < cols; j++) {
                    double d = values[base + j] - offset[j];
                    squares[j] += d * d;
                }
            }
            for (int j = 0; j < cols; j++) {
                double sigma = Math.sqrt(squares[j] / rows);
                scale[j] = sigma > 0 ? sigma : 1.0;
            }
        }
        return new ColumnScaling(offset, scale);
    }

    public int columns() {
        return offset.length;
    }

    /** Whether this map changes nothing. */
    public boolean isIdentity() {
        for (int j = 0; j < offset.length; j++) {
            if (offset[j] != 0 || scale[j] != 1) {
                return false;
            }
        }
        return true;
    }

    /** x' = (x - offset) / scale in place, for a row-major P x n matrix. */
    public void applyInPlace(float[] values, int rows) {
        if (isIdentity()) {
            return;
        }
        int cols = offset.length;
        float[] o = new float[cols];
        float[] inv = new float[cols];
        for (int j = 0; j < cols; j++) {
            o[j] = (float) offset[j];
            inv[j] = (float) (1.0 / scale[j]);
        }
        for (int p = 0; p < rows; p++) {
            int base = p * cols;
            for (int j = 0; j < cols; j++) {
                values[base + j] = (values[base + j] - o[j]) * inv[j];
            }
        }
    }

    /** x = offset_j + scale_j x': a scaled value of column j back in original units. */
    public double original(int column, double scaled) {
        return offset[column] + scale[column] * scaled;
    }

    @Override
    public double[] offset() {
        return offset.clone();
    }

    @Override
    public double[] scale() {
        return scale.clone();
    }
}
