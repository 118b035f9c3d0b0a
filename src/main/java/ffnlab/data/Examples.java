package ffnlab.data;

/**
 * A set of P patterns as dense row-major float arrays: inputs X (P x n) and either regression targets
 * D (P x K) or class labels (P entries in 0..K-1). This is what a backend trains on; loaders and
 * preprocessing produce it.
 *
 * @param rows     P
 * @param features n
 * @param x        X, row-major P x n
 * @param outputs  K: target columns for regression, classes for classification
 * @param targets  D, row-major P x K, or null for classification
 * @param labels   class indices, or null for regression
 */
public record Examples(int rows, int features, float[] x, int outputs, float[] targets, int[] labels) {

    public Examples {
        if (rows < 0 || features <= 0 || outputs <= 0) {
            throw new IllegalArgumentException("bad shape: rows " + rows + ", features " + features + ", outputs " + outputs);
        }
        if (x.length != (long) rows * features) {
            throw new IllegalArgumentException("X has " + x.length + " values, expected " + rows + " x " + features);
        }
        if ((targets == null) == (labels == null)) {
            throw new IllegalArgumentException("exactly one of targets (regression) and labels (classification) must be given");
        }
        if (targets != null && targets.length != (long) rows * outputs) {
            throw new IllegalArgumentException("D has " + targets.length + " values, expected " + rows + " x " + outputs);
        }
        if (labels != null) {
            if (labels.length != rows) {
                throw new IllegalArgumentException(labels.length + " labels for " + rows + " rows");
            }
            for (int i = 0; i < rows; i++) {
                if (labels[i] < 0 || labels[i] >= outputs) {
                    throw new IllegalArgumentException("label " + labels[i] + " at row " + i + " is outside 0.." + (outputs - 1));
                }
            }
        }
    }

    public static Examples regression(int rows, int features, float[] x, int outputs, float[] targets) {
        return new Examples(rows, features, x, outputs, targets, null);
    }

    public static Examples classification(int rows, int features, float[] x, int classes, int[] labels) {
        return new Examples(rows, features, x, classes, null, labels);
    }

    public boolean isClassification() {
        return labels != null;
    }

    /** The rows {@code [from, to)} as new arrays. */
    public Examples slice(int from, int to) {
        return select(java.util.stream.IntStream.range(from, to).toArray());
    }

    /** The given rows, in the given order, as new arrays. */
    public Examples select(int[] indices) {
        float[] xs = new float[indices.length * features];
        float[] ds = targets == null ? null : new float[indices.length * outputs];
        int[] ls = labels == null ? null : new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            int r = indices[i];
            System.arraycopy(x, r * features, xs, i * features, features);
            if (ds != null) {
                System.arraycopy(targets, r * outputs, ds, i * outputs, outputs);
            } else {
                ls[i] = labels[r];
            }
        }
        return new Examples(indices.length, features, xs, outputs, ds, ls);
    }
}
