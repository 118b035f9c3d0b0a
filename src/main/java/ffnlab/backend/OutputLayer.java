package ffnlab.backend;

import ffnlab.nn.Activation;
import ffnlab.nn.Loss;

/**
 * The output layer's softmax, loss and gradient on the host, written once for every host engine and backend:
 * float storage, double accumulation, in a fixed order. {@link ffnlab.nn.Backpropagation} states the same math in
 * double precision.
 */
public final class OutputLayer {
    private OutputLayer() {
    }

    /**
     * grad_{U^L} J and the raw batch loss, shapes P x K: squared error gives scale (Y - D) (times Y (1 - Y)
     * for a sigmoid output) and sum (d - y)^2; softmax with cross-entropy gives scale (f(U) - K), K one-hot
     * from {@code labels}, and -sum log f(u)_k ({@link #crossEntropy}); the double softmax gives
     * scale y . (z - k - (y^T (z - k)) 1) with z = f(y), and -sum log f(y)_k (see {@link Loss}).
     *
     * @param d      the targets D (squared error; null for the cross-entropies)
     * @param labels the class labels (the cross-entropies; null for squared error)
     */
    public static double gradient(Loss loss, Activation output, float[] u, float[] y, float[] d, int[] labels,
                                  int rows, int k, float scale, float[] gradU) {
        double raw = 0;
        if (loss == Loss.SQUARED_ERROR) {
            boolean sigmoid = output == Activation.SIGMOID;
            for (int i = 0; i < rows * k; i++) {
                float e = d[i] - y[i];
                raw += (double) e * e;
                float g = -e;
                if (sigmoid) {
                    g *= y[i] * (1 - y[i]);
                }
                gradU[i] = scale * g;
            }
            return raw;
        }
        for (int p = 0; p < rows; p++) {
            int row = p * k;
            int label = labels[p];
            raw += patternLoss(loss, u, y, row, k, label);
            if (loss == Loss.DOUBLE_SOFTMAX_CROSS_ENTROPY) {
                doubleSoftmaxGradient(y, row, k, label, scale, gradU);
            } else {
                for (int j = 0; j < k; j++) {
                    gradU[row + j] = scale * (j == label ? y[row + j] - 1f : y[row + j]);
                }
            }
        }
        return raw;
    }

    /**
     * The raw loss of one classified pattern: -log f(u)_label for cross-entropy, -log f(y)_label (the softmax of
     * the probabilities y) for the double softmax.
     */
    public static double patternLoss(Loss loss, float[] u, float[] y, int row, int k, int label) {
        return crossEntropy(loss == Loss.DOUBLE_SOFTMAX_CROSS_ENTROPY ? y : u, row, k, label);
    }

    /** scale y . (z - k - (y^T (z - k)) 1), z = f(y), of one pattern, in double, rounded once. */
    private static void doubleSoftmaxGradient(float[] y, int row, int k, int label, float scale, float[] gradU) {
        float max = max(y, row, k);
        double sum = sumExp(y, row, k, max);
        double yDotGradY = 0;
        for (int j = 0; j < k; j++) {
            double gradY = Math.exp(y[row + j] - max) / sum - (j == label ? 1 : 0);
            yDotGradY += y[row + j] * gradY;
        }
        for (int j = 0; j < k; j++) {
            double gradY = Math.exp(y[row + j] - max) / sum - (j == label ? 1 : 0);
            gradU[row + j] = (float) ((double) scale * y[row + j] * (gradY - yDotGradY));
        }
    }

    /** U += 1_P b^T; Y = softmax(U) row by row, max-shifted: y_j = exp(u_j - max) / sum_i exp(u_i - max). */
    public static void softmax(float[] u, float[] bias, float[] y, int rows, int k) {
        for (int p = 0; p < rows; p++) {
            int row = p * k;
            for (int j = 0; j < k; j++) {
                u[row + j] += bias[j];
            }
            float max = max(u, row, k);
            double sum = sumExp(u, row, k, max);
            for (int j = 0; j < k; j++) {
                y[row + j] = (float) (Math.exp(u[row + j] - max) / sum);
            }
        }
    }

    /**
     * -log f(u)_label for the softmax f of the K values u[row .. row + K - 1] (logits), by log-sum-exp:
     * log sum_j exp(u_j) = max + log sum_j exp(u_j - max).
     */
    public static double crossEntropy(float[] u, int row, int k, int label) {
        float max = max(u, row, k);
        return -(u[row + label] - max - Math.log(sumExp(u, row, k, max)));
    }

    private static float max(float[] u, int row, int k) {
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            max = Math.max(max, u[row + j]);
        }
        return max;
    }

    /** sum_j exp(u_j - max), in double. */
    private static double sumExp(float[] u, int row, int k, float max) {
        double sum = 0;
        for (int j = 0; j < k; j++) {
            sum += Math.exp(u[row + j] - max);
        }
        return sum;
    }
}
