package ffnlab.backend.cpu;

import ffnlab.backend.Backend;
import ffnlab.backend.EngineSpec;
import ffnlab.backend.OutputLayer;
import ffnlab.backend.TrainingEngine;
import ffnlab.data.Examples;
import ffnlab.nn.Activation;
import ffnlab.nn.Loss;

/**
 * The fast multithreaded CPU backend: float32 row-major buffers, GEMM by OpenBLAS (single-threaded calls
 * through FFM) for all but tiny products, which use Java loops ({@link GemmKernel#forShape}); work split in
 * fixed column blocks so results are bitwise equal for any thread count. {@link #open} returns a
 * {@link CpuTrainingEngine} (fused bias + activation, fused softmax + cross-entropy gradient, SGD fused into
 * the weight-gradient GEMM) on {@code spec.threads()} threads; the single operations below, used by tests
 * and the host loop, run on the backend's own {@code threads}.
 */
public final class CpuBackend implements Backend {
    private final int threads;
    private WorkerTeam team;
    private PartitionedGemm gemm;

    public CpuBackend(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
    }

    @Override
    public String name() {
        return "cpu";
    }

    /** Which GEMM serves large products: "openblas ..." or "java loops" when the native library did not load. */
    public static String gemmKernel() {
        return GemmKernel.forShape(Integer.MAX_VALUE, 1, 1).name();
    }

    private synchronized PartitionedGemm partitionedGemm() {
        if (gemm == null) {
            team = new WorkerTeam(threads, "ffnlab-cpu-ops");
            gemm = new PartitionedGemm(team);
        }
        return gemm;
    }

    @Override
    public synchronized void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, float[] b,
                                  float beta, float[] c) {
        partitionedGemm().gemm(transA, transB, m, n, k, alpha, a, b, beta, c);
    }

    @Override
    public void biasActivation(Activation f, float[] u, float[] bias, float[] h, int rows, int cols) {
        if (f == Activation.SOFTMAX) {
            OutputLayer.softmax(u, bias, h, rows, cols);
        } else {
            LayerKernels.biasActivation(f, u, bias, h, rows, cols, 0, cols);
        }
    }

    @Override
    public double outputGradient(Loss loss, Activation output, float[] u, float[] y, float[] d, int[] labels,
                                 int rows, int cols, float scale, float[] gradU) {
        return OutputLayer.gradient(loss, output, u, y, d, labels, rows, cols, scale, gradU);
    }

    @Override
    public void activationBackward(Activation f, float[] h, float[] g, int rows, int cols) {
        LayerKernels.activationBackward(f, h, g, rows, cols, 0, cols);
    }

    @Override
    public void columnSums(float[] g, int rows, int cols, float[] out) {
        LayerKernels.columnSums(g, rows, cols, 0, cols, out);
    }

    @Override
    public TrainingEngine open(EngineSpec spec, Examples train) {
        return new CpuTrainingEngine(spec, train);
    }

    @Override
    public synchronized void close() {
        if (team != null) {
            team.close();
            team = null;
            gemm = null;
        }
    }
}
