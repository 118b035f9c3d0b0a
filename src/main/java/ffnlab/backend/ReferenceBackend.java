package ffnlab.backend;

import ffnlab.nn.Activation;
import ffnlab.nn.Loss;

/**
 * Naive, readable implementations of every {@link Backend} operation: triple loops, one thread, float
 * storage with double accumulation. Slow on purpose; it is the oracle the fast backends are tested against.
 */
public final class ReferenceBackend implements Backend {

    @Override
    public String name() {
        return "reference";
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, float[] b, float beta, float[] c) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int t = 0; t < k; t++) {
                    float aik = transA ? a[t * m + i] : a[i * k + t];
                    float btj = transB ? b[j * k + t] : b[t * n + j];
                    sum += (double) aik * btj;
                }
                float previous = beta == 0f ? 0f : beta * c[i * n + j];
                c[i * n + j] = (float) (alpha * sum) + previous;
            }
        }
    }

    @Override
    public void biasActivation(Activation f, float[] u, float[] bias, float[] h, int rows, int cols) {
        if (f == Activation.SOFTMAX) {
            OutputLayer.softmax(u, bias, h, rows, cols);
            return;
        }
        for (int p = 0; p < rows; p++) {
            int row = p * cols;
            for (int j = 0; j < cols; j++) {
                u[row + j] += bias[j];
            }
            for (int j = 0; j < cols; j++) {
                h[row + j] = (float) f.apply(u[row + j]);
            }
        }
    }

    @Override
    public double outputGradient(Loss loss, Activation output, float[] u, float[] y, float[] d, int[] labels,
                                 int rows, int cols, float scale, float[] gradU) {
        return OutputLayer.gradient(loss, output, u, y, d, labels, rows, cols, scale, gradU);
    }

    @Override
    public void activationBackward(Activation f, float[] h, float[] g, int rows, int cols) {
        for (int i = 0; i < rows * cols; i++) {
            g[i] = (float) (g[i] * f.derivativeFromOutput(h[i]));
        }
    }

    @Override
    public void columnSums(float[] g, int rows, int cols, float[] out) {
        for (int j = 0; j < cols; j++) {
            double sum = 0;
            for (int p = 0; p < rows; p++) {
                sum += g[p * cols + j];
            }
            out[j] = (float) sum;
        }
    }
}
