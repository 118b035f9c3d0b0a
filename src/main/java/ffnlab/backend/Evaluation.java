package ffnlab.backend;

import ffnlab.data.Examples;
import ffnlab.nn.Loss;

/**
 * The result of a forward pass over a set of patterns (no update).
 *
 * @param rows      P
 * @param outputs   K
 * @param rawLoss   sum (d - y)^2 (squared error), -sum log y_k (cross-entropy) or -sum log f(y)_k (the double
 *                  softmax, the loss it trains on) over all P patterns
 * @param correct   patterns whose arg-max output equals the label (classification; 0 for regression)
 */
public record Evaluation(int rows, int outputs, double rawLoss, long correct) {

    /** The chapter's m.s.e. = (1/P) sum_p ||d_p - y_p||^2 (squared error only). */
    public double meanSquaredError() {
        return rawLoss / rows;
    }

    /** Mean cross-entropy per pattern. */
    public double meanCrossEntropy() {
        return rawLoss / rows;
    }

    /** Fraction of patterns classified correctly. */
    public double accuracy() {
        return (double) correct / rows;
    }

    /**
     * Sums a forward pass chunk by chunk: for each pattern, the raw loss (squared error from Y, or the
     * cross-entropy, {@link OutputLayer#patternLoss}) and, for classification, whether arg-max U equals the label
     * (the first maximum wins ties). Host engines share it, so every backend counts the same way.
     */
    public static final class Sum {
        private final Examples data;
        private final Loss loss;
        private double raw;
        private long correct;

        /** A sum over {@code data} of the raw loss the engine trains with. */
        public Sum(Examples data, Loss loss) {
            this.data = data;
            this.loss = loss;
        }

        /**
         * Adds patterns {@code start .. start + rows - 1} of the data, whose output-layer U^L and Y = f(U^L)
         * (row-major, rows x K) are given.
         */
        public void add(float[] u, float[] y, int start, int rows) {
            int k = data.outputs();
            for (int p = 0; p < rows; p++) {
                int row = p * k;
                if (data.isClassification()) {
                    int label = data.labels()[start + p];
                    int best = 0;
                    float max = u[row];
                    for (int j = 1; j < k; j++) {
                        if (u[row + j] > max) {
                            max = u[row + j];
                            best = j;
                        }
                    }
                    if (best == label) {
                        correct++;
                    }
                    raw += OutputLayer.patternLoss(loss, u, y, row, k, label);
                } else {
                    for (int j = 0; j < k; j++) {
                        double e = data.targets()[(start + p) * k + j] - y[row + j];
                        raw += e * e;
                    }
                }
            }
        }

        public Evaluation total() {
            return new Evaluation(data.rows(), data.outputs(), raw, correct);
        }
    }
}
