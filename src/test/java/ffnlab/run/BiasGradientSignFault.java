package ffnlab.run;

import ffnlab.nn.Activation;
import ffnlab.backend.Backend;
import ffnlab.nn.Loss;

/**
 * A test-only backend with a deliberate bug: grad_b J = (grad_U J)^T 1_P comes out with the wrong sign for
 * the layer whose width is {@code width} (e.g. 10, the hidden layer of housing-ffn's [8, 10, 1]), so gradient
 * descent pushes those biases uphill. With {@code active = false} it is the same decorator without the bug.
 * Training runs through the host engine ({@link Backend#open}'s default), one operation of this backend at a time.
 */
final class BiasGradientSignFault implements Backend {
    private final Backend delegate;
    private final int width;
    private final boolean active;

    BiasGradientSignFault(Backend delegate, int width, boolean active) {
        this.delegate = delegate;
        this.width = width;
        this.active = active;
    }

    @Override
    public String name() {
        return delegate.name() + (active ? "+bias-sign-fault" : "+decorator");
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, float[] b, float beta, float[] c) {
        delegate.gemm(transA, transB, m, n, k, alpha, a, b, beta, c);
    }

    @Override
    public void biasActivation(Activation f, float[] u, float[] bias, float[] h, int rows, int cols) {
        delegate.biasActivation(f, u, bias, h, rows, cols);
    }

    @Override
    public double outputGradient(Loss loss, Activation output, float[] u, float[] y, float[] d, int[] labels, int rows, int cols,
                                 float scale, float[] gradU) {
        return delegate.outputGradient(loss, output, u, y, d, labels, rows, cols, scale, gradU);
    }

    @Override
    public void activationBackward(Activation f, float[] h, float[] g, int rows, int cols) {
        delegate.activationBackward(f, h, g, rows, cols);
    }

    @Override
    public void columnSums(float[] g, int rows, int cols, float[] out) {
        delegate.columnSums(g, rows, cols, out);
        if (active && cols == width) {
            for (int j = 0; j < cols; j++) {
                out[j] = -out[j];   // the bug: grad_b J with the wrong sign
            }
        }
    }

    @Override
    public void close() {
        delegate.close();
    }
}
