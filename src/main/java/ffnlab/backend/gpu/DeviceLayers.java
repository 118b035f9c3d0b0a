package ffnlab.backend.gpu;

import ffnlab.backend.gpu.KernelSource.Kernel;
import ffnlab.nn.Architecture;
import ffnlab.nn.Loss;

/**
 * The network's forward and backward passes as device work on one stream, for batches of up to
 * {@code capacity} rows, over the per-layer buffers of one {@link RowBuffers} (P x n_l, row-major) and the
 * parameter and gradient vectors in {@link ParameterLayout}. Each method only enqueues; nothing waits for the device.
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
    private final KernelLaunch output;

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
        for (int l = 1; l <= depth; l++) {
            if (l < depth) {
                biasActivation[l] = s.kernel(Kernel.BIAS_ACTIVATION);
                activationBackward[l] = s.kernel(Kernel.ACTIVATION_BACKWARD);
            }
        }
        output = s.kernel(Kernel.OUTPUT_LAYER);
    }

    long weights(long vector, int l) {
        return vector + layout.weights(l) * Float.BYTES;
    }

    long biases(long vector, int l) {
        return vector + layout.biases(l) * Float.BYTES;
    }

    /**
     * Hidden layers, l = 1..L-1: U^l = H^{l-1} W^l + B^l, H^l = f(U^l), with H^0 = X (rows x n_0 at {@code x});
     * then the output layer's U^L = H^{L-1} W^L (its bias and f^L are applied by {@link #output}).
     */
    void forward(long x, int rows) {
        int depth = arch.depth();
        h[0] = x;
        for (int l = 1; l <= depth; l++) {
            int in = arch.width(l - 1);
            int out = arch.width(l);
            s.gemm(false, false, rows, out, in, h[l - 1], weights(theta, l), u[l]);
            if (l < depth) {
                biasActivation[l].pointer(0, u[l]).pointer(1, biases(theta, l)).pointer(2, h[l]).int32(3, rows)
                        .int32(4, out).int32(5, KernelSource.activationCode(arch.hidden()))
                        .threads((long) rows * out, BLOCK).launch(s.stream);
            }
        }
    }

    /**
     * The output layer after {@link #forward}: U^L += B^L, Y = f^L(U^L), and, when {@code loss} is given, each
     * row's raw loss into {@code lossRows[(*cursor or 0) + offset + p]}, grad_{U^L} J = scale (Y - D) (or
     * scale (f(U) - K)) when {@code withGradient}, and arg-max hits into {@code correctRows} when non-zero.
     *
     * @param d      targets D (rows x K) or 0
     * @param labels class labels (rows) or 0
     */
    void output(int rows, Loss loss, long d, long labels, float scale, boolean withGradient, long lossRows,
                long correctRows, long cursor, int offset) {
        int depth = arch.depth();
        output.pointer(0, u[depth]).pointer(1, biases(theta, depth)).pointer(2, h[depth]).int32(3, rows)
                .int32(4, arch.outputs()).int32(5, KernelSource.activationCode(arch.output())).int32(6, 1)
                .int32(7, loss == null ? -1 : KernelSource.lossCode(loss)).pointer(8, d).pointer(9, labels)
                .float32(10, scale).pointer(11, withGradient ? g[depth] : 0).pointer(12, lossRows)
                .pointer(13, correctRows).pointer(14, cursor).int32(15, offset)
                .threads(rows, 128).launch(s.stream);
    }

    /**
     * Backpropagation from grad_{U^L} J (left in g[L] by {@link #output}): for l = L..1,
     * grad_{W^l} J = (H^{l-1})^T grad_{U^l} J (n_{l-1} x n_l), grad_{b^l} J = (grad_{U^l} J)^T 1_P, and for
     * l &gt; 1 grad_{U^{l-1}} J = (grad_{U^l} J) (W^l)^T . f'(U^{l-1}) (equation (D)).
     */
    void backward(int rows) {
        for (int l = arch.depth(); l >= 1; l--) {
            int in = arch.width(l - 1);
            int out = arch.width(l);
            s.gemm(true, false, in, out, rows, h[l - 1], g[l], weights(grad, l));
            s.columnSums(g[l], rows, out, biases(grad, l));
            if (l > 1) {
                s.gemm(false, true, rows, in, out, g[l], weights(theta, l), g[l - 1]);
                activationBackward[l - 1].pointer(0, g[l - 1]).pointer(1, h[l - 1]).int64(2, (long) rows * in)
                        .int32(3, KernelSource.activationCode(arch.hidden()))
                        .threads((long) rows * in, BLOCK).launch(s.stream);
            }
        }
    }
}
