package ffnlab.nn;

import java.util.Locale;

/** Formatting and conversion of row-major matrices, for logs, tests and the toy example's printout. */
public final class Matrices {
    private Matrices() {
    }

    /** Rows in brackets with two decimals, as the chapter prints them. */
    public static String format(float[] m, int rows, int cols) {
        StringBuilder sb = new StringBuilder("[");
        for (int r = 0; r < rows; r++) {
            sb.append(r == 0 ? "[" : ", [");
            for (int c = 0; c < cols; c++) {
                sb.append(c == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", m[r * cols + c]));
            }
            sb.append(']');
        }
        return sb.append(']').toString();
    }

    /** Flattens a rectangular double[][] into a row-major float[]. */
    public static float[] flatten(double[][] m) {
        int cols = m[0].length;
        float[] out = new float[m.length * cols];
        for (int r = 0; r < m.length; r++) {
            if (m[r].length != cols) {
                throw new IllegalArgumentException("ragged matrix: row " + r + " has " + m[r].length + " columns, expected " + cols);
            }
            for (int c = 0; c < cols; c++) {
                out[r * cols + c] = (float) m[r][c];
            }
        }
        return out;
    }

    /** Row-major float[] to double[rows][cols]. */
    public static double[][] toDouble(float[] m, int rows, int cols) {
        double[][] out = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[r][c] = m[r * cols + c];
            }
        }
        return out;
    }
}
