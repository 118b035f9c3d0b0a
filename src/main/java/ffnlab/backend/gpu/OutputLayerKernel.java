package ffnlab.backend.gpu;

import ffnlab.backend.gpu.KernelSource.Kernel;
import ffnlab.nn.Activation;
import ffnlab.nn.Loss;

/**
 * The output layer on the device as named calls over the one {@code output_layer} kernel of {@code kernels.cu}.
 * Every call works on P = {@code rows} rows of K = {@code cols} outputs (row-major): U^L += B^L and
 * Y = f^L(U^L) where the call applies the layer, then the loss part. Each call sets every parameter of the one
 * launch and returns it, for the caller to enqueue on its stream.
 */
final class OutputLayerKernel {
    private static final int THREADS = 128;

    private final KernelLaunch launch;

    /** Over a launch of {@link Kernel#OUTPUT_LAYER}. */
    OutputLayerKernel(KernelLaunch launch) {
        this.launch = launch;
    }

    /**
     * Training: applies the layer, writes grad_{U^L} J = scale (Y - D) (or scale (f(U) - K)) to {@code gradU}
     * and each row's raw loss to {@code lossRows[*cursor + p]}.
     */
    KernelLaunch training(long u, long b, long y, int rows, int cols, Activation f, Loss loss, long d, long labels,
                          float scale, long gradU, long lossRows, long cursor) {
        return prepare(u, b, y, rows, cols, f, true, KernelSource.lossCode(loss), d, labels, scale, gradU, lossRows, 0, cursor,
                0);
    }

    /**
     * Evaluation: applies the layer, writes each row's raw loss to {@code lossRows[offset + p]} and, when
     * {@code correctRows} is not 0, whether its arg-max hits the label to {@code correctRows[offset + p]}.
     */
    KernelLaunch evaluation(long u, long b, long y, int rows, int cols, Activation f, Loss loss, long d, long labels,
                            long lossRows, long correctRows, int offset) {
        return prepare(u, b, y, rows, cols, f, true, KernelSource.lossCode(loss), d, labels, 0f, 0, lossRows, correctRows, 0,
                offset);
    }

    /** Prediction: applies the layer only, Y = f^L(U^L + B^L). */
    KernelLaunch prediction(long u, long b, long y, int rows, int cols, Activation f) {
        return prepare(u, b, y, rows, cols, f, true, -1, 0, 0, 0f, 0, 0, 0, 0, 0);
    }

    /**
     * The gradient alone, on U and Y = f(U) already computed: grad_{U^L} J to {@code gradU} and each row's raw
     * loss to {@code lossRows[p]}.
     */
    KernelLaunch gradient(long u, long y, int rows, int cols, Activation f, Loss loss, long d, long labels, float scale,
                          long gradU, long lossRows) {
        return prepare(u, 0, y, rows, cols, f, false, KernelSource.lossCode(loss), d, labels, scale, gradU, lossRows, 0, 0, 0);
    }

    private KernelLaunch prepare(long u, long b, long y, int rows, int cols, Activation f, boolean applied, int loss,
                                 long d, long labels, float scale, long gradU, long lossRows, long correctRows, long cursor, int offset) {
        return launch.pointer(0, u).pointer(1, b).pointer(2, y).int32(3, rows).int32(4, cols)
                .int32(5, KernelSource.activationCode(f)).int32(6, applied ? 1 : 0).int32(7, loss).pointer(8, d)
                .pointer(9, labels).float32(10, scale).pointer(11, gradU).pointer(12, lossRows)
                .pointer(13, correctRows).pointer(14, cursor).int32(15, offset)
                .threads(rows, THREADS);
    }
}
