package ffnlab.backend.cpu;

import ffnlab.nn.Activation;

/**
 * The element-wise parts of a layer on a block of columns [j0, j1) of row-major P x n matrices (row stride
 * n), written as simple loops the JIT vectorises. They run right after the GEMM that produced the block,
 * while it is still in cache (bias + activation fused with U = H W; f' fused with grad_U W^T).
 */
final class LayerKernels {
    private LayerKernels() {
    }

    /** U[:, j0:j1] += 1_P b[j0:j1]^T; H[:, j0:j1] = f(U[:, j0:j1]) for an element-wise f (not softmax). */
    static void biasActivation(Activation f, float[] u, float[] bias, float[] h, int rows, int n, int j0, int j1) {
        if (f == Activation.SOFTMAX) {
            throw new IllegalArgumentException("softmax needs whole rows: use OutputLayer.softmax");
        }
        for (int p = 0; p < rows; p++) {
            int row = p * n;
            for (int j = j0; j < j1; j++) {
                u[row + j] += bias[j];
            }
            switch (f) {
                case RELU -> relu(u, h, row + j0, row + j1);
                case LINEAR -> System.arraycopy(u, row + j0, h, row + j0, j1 - j0);
                case SIGMOID -> {
                    for (int i = row + j0; i < row + j1; i++) {
                        h[i] = (float) (1.0 / (1.0 + Math.exp(-u[i])));
                    }
                }
                case TANH -> {
                    for (int i = row + j0; i < row + j1; i++) {
                        h[i] = (float) Math.tanh(u[i]);
                    }
                }
                case SOFTMAX -> throw new AssertionError();
            }
        }
    }

    /** h = max(u, 0) on [from, to). */
    private static void relu(float[] u, float[] h, int from, int to) {
        for (int i = from; i < to; i++) {
            h[i] = Math.max(u[i], 0f);
        }
    }

    /** G[:, j0:j1] = G[:, j0:j1] . f'(U), f' from H = f(U): relu 1[h &gt; 0], sigmoid h (1 - h), tanh 1 - h^2. */
    static void activationBackward(Activation f, float[] h, float[] g, int rows, int n, int j0, int j1) {
        for (int p = 0; p < rows; p++) {
            int row = p * n;
            switch (f) {
                case RELU -> reluBackward(h, g, row + j0, row + j1);
                case SIGMOID -> {
                    for (int j = j0; j < j1; j++) {
                        float y = h[row + j];
                        g[row + j] *= y * (1f - y);
                    }
                }
                case TANH -> {
                    for (int j = j0; j < j1; j++) {
                        float y = h[row + j];
                        g[row + j] *= 1f - y * y;
                    }
                }
                case LINEAR -> {
                }
                case SOFTMAX -> throw new IllegalArgumentException("softmax is only used fused with cross-entropy");
            }
        }
    }

    /**
     * g = g . 1[h &gt; 0] on [from, to), branch-free so that it vectorises: the mask is all ones exactly when
     * h's bits are a positive int (h &gt; 0 or a positive NaN), from ((0 - bits) &amp; ~bits) &gt;&gt; 31.
     */
    private static void reluBackward(float[] h, float[] g, int from, int to) {
        for (int i = from; i < to; i++) {
            int bits = Float.floatToRawIntBits(h[i]);
            int mask = ((0 - bits) & ~bits) >> 31;
            g[i] = Float.intBitsToFloat(Float.floatToRawIntBits(g[i]) & mask);
        }
    }

    /** out[j0:j1] = (G[:, j0:j1])^T 1_P, summed row by row in float (a fixed order). */
    static void columnSums(float[] g, int rows, int n, int j0, int j1, float[] out) {
        for (int j = j0; j < j1; j++) {
            out[j] = 0f;
        }
        for (int p = 0; p < rows; p++) {
            int row = p * n;
            for (int j = j0; j < j1; j++) {
                out[j] += g[row + j];
            }
        }
    }
}
