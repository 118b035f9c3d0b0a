package ffnlab.backend.gpu;

import ffnlab.backend.Backend;
import ffnlab.backend.EngineSpec;
import ffnlab.backend.TrainingEngine;
import ffnlab.backend.gpu.KernelSource.Kernel;
import ffnlab.data.Examples;
import ffnlab.nn.Activation;
import ffnlab.nn.Loss;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The CUDA backend: Java FFM over the CUDA driver, cuBLAS and NVRTC (no JNI, nothing native to build).
 * {@link #open} returns an engine that keeps the whole epoch on the device ({@link GpuTrainingEngine}).
 * The single operations of {@link Backend} run on the device too, each copying its operands up and its
 * result back: slow, but they let every kernel be checked against the reference backend on any shape.
 *
 * <p>Optional in the true sense: {@link #unavailableReason()} says, without throwing, why it cannot run
 * (no libcuda, no device, no cuBLAS or NVRTC); constructing it there throws {@link GpuUnavailableException}.
 */
public final class GpuBackend implements Backend {
    private final CudaRuntime runtime;
    private DeviceStream scratch;
    private KernelLaunch biasActivation;
    private OutputLayerKernel outputLayer;
    private KernelLaunch activationBackward;
    private KernelLaunch sumRows;

    /** @throws GpuUnavailableException when no usable GPU is present, with the reason */
    public GpuBackend() {
        this.runtime = CudaRuntime.get();
    }

    /** Empty when the GPU backend can run on this machine, else the one-line reason. Never throws. */
    public static Optional<String> unavailableReason() {
        return CudaRuntime.unavailableReason();
    }

    /** The device's name and compute capability, e.g. "NVIDIA H200 (cc 9.0)". */
    public String deviceName() {
        return runtime.describe();
    }

    /** For provenance: {cuda_driver, cublas, nvrtc} versions, e.g. {13.0, 13.1.0, 13.0}. */
    public Map<String, String> libraryVersions() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("cuda_driver", runtime.driverVersion);
        v.put("cublas", runtime.cublasVersion);
        v.put("nvrtc", runtime.nvrtcVersion);
        return v;
    }

    @Override
    public String name() {
        return "gpu";
    }

    @Override
    public TrainingEngine open(EngineSpec spec, Examples train) {
        runtime.makeCurrent();
        return new GpuTrainingEngine(runtime, spec, train);
    }

    private DeviceStream scratch() {
        runtime.makeCurrent();
        if (scratch == null) {
            scratch = new DeviceStream(runtime);
            biasActivation = scratch.kernel(Kernel.BIAS_ACTIVATION);
            outputLayer = new OutputLayerKernel(scratch.kernel(Kernel.OUTPUT_LAYER));
            activationBackward = scratch.kernel(Kernel.ACTIVATION_BACKWARD);
            sumRows = scratch.kernel(Kernel.SUM_ROWS).threads(1024, 1024);
        }
        return scratch;
    }

    /** Device copies of host arrays for one operation, freed when it ends. */
    private final class Operands implements AutoCloseable {
        private final DeviceStream s = scratch();
        private final DeviceArena memory = new DeviceArena(s.driver);

        long floats(float[] host, int count) {
            long p = memory.floats(Math.max(count, 1), "operand");
            if (host != null && count > 0) {
                s.upload(host, 0, count, p);
            }
            return p;
        }

        long ints(int[] host, int count) {
            long p = memory.ints(Math.max(count, 1), "operand");
            if (host != null && count > 0) {
                s.upload(host, 0, count, p);
            }
            return p;
        }

        long doubles(int count) {
            return memory.doubles(Math.max(count, 1), "operand");
        }

        @Override
        public void close() {
            try {
                s.synchronize("operation");
            } finally {
                memory.close();
            }
        }
    }

    @Override
    public synchronized void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, float[] b,
                                  float beta, float[] c) {
        try (Operands o = new Operands()) {
            long da = o.floats(a, m * k);
            long db = o.floats(b, k * n);
            long dc = o.floats(beta == 0f ? null : c, m * n);
            o.s.gemm(transA, transB, m, n, k, alpha, da, db, beta, dc);
            o.s.download(dc, c, 0, m * n, "gemm");
        }
    }

    @Override
    public synchronized void biasActivation(Activation f, float[] u, float[] bias, float[] h, int rows, int cols) {
        try (Operands o = new Operands()) {
            long du = o.floats(u, rows * cols);
            long db = o.floats(bias, cols);
            long dh = o.floats(null, rows * cols);
            if (f == Activation.SOFTMAX) {
                outputLayer.prediction(du, db, dh, rows, cols, f).launch(o.s.stream);
            } else {
                biasActivation.pointer(0, du).pointer(1, db).pointer(2, dh).int32(3, rows).int32(4, cols)
                        .int32(5, KernelSource.activationCode(f)).threads((long) rows * cols, DeviceLayers.BLOCK)
                        .launch(o.s.stream);
            }
            o.s.download(du, u, 0, rows * cols, "bias and activation");
            o.s.download(dh, h, 0, rows * cols, "bias and activation");
        }
    }

    @Override
    public synchronized double outputGradient(Loss loss, Activation output, float[] u, float[] y, float[] d, int[] labels,
                                              int rows, int cols, float scale, float[] gradU) {
        try (Operands o = new Operands()) {
            long du = o.floats(u, rows * cols);
            long dy = o.floats(y, rows * cols);
            long dd = d == null ? 0 : o.floats(d, rows * cols);
            long dl = labels == null ? 0 : o.ints(labels, rows);
            long dg = o.floats(null, rows * cols);
            long lossRows = o.doubles(rows);
            long sums = o.doubles(2);
            outputLayer.gradient(du, dy, rows, cols, output, loss, dd, dl, scale, dg, lossRows).launch(o.s.stream);
            sumRows.pointer(0, lossRows).pointer(1, 0).int64(2, rows).pointer(3, sums).launch(o.s.stream);
            o.s.download(dg, gradU, 0, rows * cols, "output gradient");
            return o.s.downloadDoubles(sums, 1, "output gradient")[0];
        }
    }

    @Override
    public synchronized void activationBackward(Activation f, float[] h, float[] g, int rows, int cols) {
        try (Operands o = new Operands()) {
            long dh = o.floats(h, rows * cols);
            long dg = o.floats(g, rows * cols);
            activationBackward.pointer(0, dg).pointer(1, dh).int64(2, (long) rows * cols)
                    .int32(3, KernelSource.activationCode(f)).threads((long) rows * cols, DeviceLayers.BLOCK)
                    .launch(o.s.stream);
            o.s.download(dg, g, 0, rows * cols, "activation backward");
        }
    }

    @Override
    public synchronized void columnSums(float[] g, int rows, int cols, float[] out) {
        try (Operands o = new Operands()) {
            long dg = o.floats(g, rows * cols);
            long dout = o.floats(null, cols);
            o.s.columnSums(dg, rows, cols, dout);
            o.s.download(dout, out, 0, cols, "column sums");
        }
    }

    /**
     * Frees the scratch stream of the single operations, even when the context cannot be made current (the first
     * failure is thrown); engines are closed by their owners.
     */
    @Override
    public synchronized void close() {
        if (scratch != null) {
            DeviceStream s = scratch;
            scratch = null;
            Cleanup.all(runtime::makeCurrent, s::close);
        }
    }
}
