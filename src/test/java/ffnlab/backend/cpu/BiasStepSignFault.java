package ffnlab.backend.cpu;

import ffnlab.backend.Backend;
import ffnlab.backend.EngineSpec;
import ffnlab.backend.TrainingEngine;
import ffnlab.data.Examples;
import ffnlab.nn.Activation;
import ffnlab.nn.Loss;

/**
 * A test-only cpu backend with a deliberate bug in the engine that production trials run: after each step of
 * the real {@link CpuTrainingEngine}, the biases of the layer whose width is {@code width} are reflected about
 * their value before the step, b &lt;- 2 b_before - b_after, which is the step taken with grad_b J of the wrong
 * sign, so gradient descent pushes those biases uphill. With {@code active = false} it is the same engine
 * subclass without the bug, so a test comparing the two isolates the bug from the seam.
 */
public final class BiasStepSignFault implements Backend {
    private final CpuBackend delegate;
    private final int width;
    private final boolean active;

    public BiasStepSignFault(int threads, int width, boolean active) {
        this.delegate = new CpuBackend(threads);
        this.width = width;
        this.active = active;
    }

    @Override
    public String name() {
        return delegate.name() + (active ? "+bias-sign-fault" : "+fault-seam");
    }

    @Override
    public TrainingEngine open(EngineSpec spec, Examples train) {
        return new CpuTrainingEngine(spec, train) {
            private final float[][] before = new float[arch.depth() + 1][];

            @Override
            protected double trainBatch(int start, int rows, int batchSize) {
                for (int l = 1; l <= arch.depth(); l++) {
                    if (arch.width(l) == width) {
                        before[l] = theta.biases(l).clone();
                    }
                }
                double raw = super.trainBatch(start, rows, batchSize);
                for (int l = 1; l <= arch.depth(); l++) {
                    if (active && before[l] != null) {
                        float[] b = theta.biases(l);
                        for (int j = 0; j < b.length; j++) {
                            b[j] = 2 * before[l][j] - b[j];
                        }
                    }
                }
                return raw;
            }
        };
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
    }

    @Override
    public void close() {
        delegate.close();
    }
}
