package ffnlab.backend;

import ffnlab.data.Examples;
import ffnlab.nn.Activation;
import ffnlab.nn.Loss;

/**
 * The operations of one training step on row-major float32 matrices, and a factory for the engine that
 * trains on them. {@link ReferenceBackend} is the naive, readable oracle; faster backends must give the
 * same numbers (to rounding) on every shape. Every engine runs the one loop of {@link MiniBatchEngine}.
 *
 * <p>Shapes use the chapter's names: P patterns in a batch, n_{l-1} inputs and n_l units in layer l.
 *
 * <p>The chain of checks, each link held by the tests named:
 * <ol>
 *   <li>The double-precision math, {@link ffnlab.nn.Backpropagation}, is the specification: its gradients
 *       equal central differences of J ({@code GradientCheckTest}, with {@code NumericJacobian}, itself checked
 *       in {@code ChainRuleTest}), and it reproduces the chapter's Example 2 numbers ({@code Example2Test}).</li>
 *   <li>The reference engine ({@link ReferenceBackend} through {@link MiniBatchEngine}) takes the same step as
 *       that math to float rounding ({@code ReferenceBackendTest}, {@code Example2Test}); its output layer is
 *       {@link OutputLayer} ({@code OutputLayerTest}); the loop itself is checked with a recording engine
 *       ({@code MiniBatchEngineTest}).</li>
 *   <li>The cpu backend's operations and whole training runs equal the reference's ({@code CpuOperationsTest},
 *       {@code CpuTrainingTest}), bitwise equal on any thread count ({@code ThreadCountDeterminismStressTest}).
 *       The gpu backend's kernels equal the reference's ({@code GpuKernelsTest}) and its training runs follow
 *       the cpu's ({@code GpuTrainingTest}), both on a device only; its output-layer calls are checked without
 *       one ({@code OutputLayerKernelTest}).</li>
 * </ol>
 */
public interface Backend {

    /** Short name for logs and provenance ("reference", "cpu", "gpu"). */
    String name();

    /**
     * C = alpha op(A) op(B) + beta C, where op(A) is m x k and op(B) is k x n, all row-major. A is stored
     * m x k (k x m when {@code transA}), B is stored k x n (n x k when {@code transB}). With beta = 0, C's
     * previous contents are ignored (NaN included).
     */
    void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, float[] b, float beta, float[] c);

    /**
     * U &lt;- U + 1_P b^T, then H = f(U) (row-wise for softmax, max-shifted). U and H are P x n; b has n entries.
     */
    void biasActivation(Activation f, float[] u, float[] bias, float[] h, int rows, int cols);

    /**
     * grad_{U^L} J = scale * (Y - D) (times Y (1 - Y) for a sigmoid output) for squared error, or
     * scale * (f(U) - K) for softmax with cross-entropy, K one-hot from {@code labels}.
     *
     * @return the raw loss sum of the batch: sum (d - y)^2 for squared error (no 1/2), or
     *         -sum log f(u)_k for cross-entropy, computed from U with log-sum-exp
     */
    double outputGradient(Loss loss, Activation output, float[] u, float[] y, float[] d, int[] labels,
                          int rows, int cols, float scale, float[] gradU);

    /** G &lt;- G . f'(U), with f' taken from H = f(U); G and H are P x n. Equation (D)'s Hadamard product. */
    void activationBackward(Activation f, float[] h, float[] g, int rows, int cols);

    /** out = (G^T 1_P): the column sums of the P x n matrix G, i.e. grad_b J = (grad_U J)^T 1_P. */
    void columnSums(float[] g, int rows, int cols, float[] out);

    /**
     * An engine that trains a network on this backend. The default runs the loop on the host, one operation of
     * this interface at a time; a backend may return its own (fused, or on a device).
     */
    default TrainingEngine open(EngineSpec spec, Examples train) {
        return new OperationsEngine(this, spec, train);
    }

    /** Releases threads or device resources held by the backend itself (not by its engines). */
    default void close() {
    }
}
