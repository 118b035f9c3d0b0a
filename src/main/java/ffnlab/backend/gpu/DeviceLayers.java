package ffnlab.backend.gpu;

import ffnlab.backend.gpu.KernelSource.Kernel;
import ffnlab.nn.Architecture;
import ffnlab.nn.Loss;

/**
 * The layer operations of {@link ffnlab.backend.MiniBatchEngine} as device work on one stream, for batches of up
 * to {@code capacity} rows, over the per-layer buffers of one {@link RowBuffers} (P x n_l, row-major) and the
 * parameter and gradient vectors in {@link ParameterLayout}. The output layer's bias and f^L are applied by its
 * named calls ({@link OutputLayerKernel}). Each method only enqueues; nothing waits for the device.
 */
final class DeviceLayers {
    static final int BLOCK = 256;

    private final DeviceStream s;
    private final Architecture arch;
    private final ParameterLayout layout;
    final int capacity;
    final long theta;
    final long grad;
    final long[] u;
    final long[] h;
    final long[] g;
    private final KernelLaunch[] biasActivation;
    private final KernelLaunch[] activationBackward;
    private final OutputLayerKernel output;

    /** Passes over {@code buffers}; they, theta and grad are owned by the caller. */
    DeviceLayers(DeviceStream s, Architecture arch, ParameterLayout layout, long theta, long grad, RowBuffers buffers) {
        this.s = s;
        this.arch = arch;
        this.layout = layout;
        this.theta = theta;
        this.grad = grad;
        this.capacity = buffers.capacity;
        int depth = arch.depth();
        u = buffers.u;
        h = buffers.h;
        g = buffers.g;
        biasActivation = new KernelLaunch[depth + 1];
        activationBackward = new KernelLaunch[depth + 1];
        for (int l = 1; l < depth; l++) {
            biasActivation[l] = s.kernel(Kernel.BIAS_ACTIVATION);
            activationBackward[l] = s.kernel(Kernel.ACTIVATION_BACKWARD);
        }
        output = new OutputLayerKernel(s.kernel(Kernel.OUTPUT_LAYER));
    }

    long weights(long vector, int l) {
        return vector + layout.weights(l) * Float.BYTES;
    }

    long biases(long vector, int l) {
        return vector + layout.biases(l) * Float.BYTES;
    }

    /** Sets H^0 = X, rows x n_0 at {@code x}. */
    void input(long x) {
        h[0] = x;
    }

    /**
     * U^l = H^{l-1} W^l, then for a hidden layer (l &lt; L) U^l += B^l, H^l = f(U^l); the output layer's bias
     * and f^L are applied by the output calls.
     */
    void forwardLayer(int l, int rows) {
        int in = arch.width(l - 1);
        int out = arch.width(l);
        s.gemm(false, false, rows, out, in, h[l - 1], weights(theta, l), u[l]);
        if (l < arch.depth()) {
            biasActivation[l].pointer(0, u[l]).pointer(1, biases(theta, l)).pointer(2, h[l]).int32(3, rows)
                    .int32(4, out).int32(5, KernelSource.activationCode(arch.hidden()))
                    .threads((long) rows * out, BLOCK).launch(s.stream);
        }
    }

    /** Training: Y = f^L(U^L + B^L), grad_{U^L} J into g[L], each row's raw loss into lossRows[*cursor + p]. */
    void trainingOutput(int rows, Loss loss, long d, long labels, float scale, long lossRows, long cursor) {
        int depth = arch.depth();
        output.training(u[depth], biases(theta, depth), h[depth], rows, arch.outputs(), arch.output(), loss, d, labels,
                scale, g[depth], lossRows, cursor).launch(s.stream);
    }

    /** Evaluation: Y = f^L(U^L + B^L), each row's raw loss and arg-max hit at index offset + p. */
    void evaluationOutput(int rows, Loss loss, long d, long labels, long lossRows, long correctRows, int offset) {
        int depth = arch.depth();
        output.evaluation(u[depth], biases(theta, depth), h[depth], rows, arch.outputs(), arch.output(), loss, d, labels,
                lossRows, correctRows, offset).launch(s.stream);
    }

    /** Prediction: Y = f^L(U^L + B^L) into h[L]. */
    void predictionOutput(int rows) {
        int depth = arch.depth();
        output.prediction(u[depth], biases(theta, depth), h[depth], rows, arch.outputs(), arch.output()).launch(s.stream);
    }

    /** Equation (D): grad_{U^{l-1}} J = (grad_{U^l} J) (W^l)^T . f'(U^{l-1}), for l &gt; 1. */
    void propagate(int l, int rows) {
        int in = arch.width(l - 1);
        int out = arch.width(l);
        s.gemm(false, true, rows, in, out, g[l], weights(theta, l), g[l - 1]);
        activationBackward[l - 1].pointer(0, g[l - 1]).pointer(1, h[l - 1]).int64(2, (long) rows * in)
                .int32(3, KernelSource.activationCode(arch.hidden()))
                .threads((long) rows * in, BLOCK).launch(s.stream);
    }

    /** grad_{W^l} J = (H^{l-1})^T grad_{U^l} J (n_{l-1} x n_l) and grad_{b^l} J = (grad_{U^l} J)^T 1_P. */
    void layerGradients(int l, int rows) {
        int in = arch.width(l - 1);
        int out = arch.width(l);
        s.gemm(true, false, in, out, rows, h[l - 1], g[l], weights(grad, l));
        s.columnSums(g[l], rows, out, biases(grad, l));
    }
}
