package ffnlab.backend.gpu;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import ffnlab.backend.gpu.KernelSource.Kernel;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * One CUDA stream with its own cuBLAS handle and workspace, device memory ({@link DeviceArena}) and host
 * staging memory: everything an engine enqueues runs in order on it. Copies to the device go through a
 * reusable off-heap staging buffer; reading results back synchronises the stream.
 */
final class DeviceStream implements AutoCloseable, GraphRecording.Capture<CapturedGraph> {
    private static final long CUBLAS_WORKSPACE = 32L << 20;

    final CudaRuntime runtime;
    final CudaDriver driver;
    final DeviceArena memory;
    final MemorySegment stream;
    private final Arena host = Arena.ofShared();
    private final MemorySegment handle;
    private final MemorySegment one;
    private final MemorySegment zero;
    private MemorySegment staging;
    private long ones;
    private long onesCount;
    private boolean closed;

    DeviceStream(CudaRuntime runtime) {
        this.runtime = runtime;
        this.driver = runtime.driver;
        this.memory = new DeviceArena(driver);
        this.stream = driver.createStream();
        MemorySegment h = null;
        try {
            h = runtime.cublas.createHandle();
            long workspace = memory.allocate(CUBLAS_WORKSPACE, "cuBLAS workspace");
            runtime.cublas.bind(h, stream, workspace, CUBLAS_WORKSPACE);
        } catch (RuntimeException e) {
            if (h != null) {
                runtime.cublas.destroyHandle(h);
            }
            memory.close();
            driver.destroyStream(stream);
            host.close();
            throw e;
        }
        this.handle = h;
        this.one = host.allocateFrom(JAVA_FLOAT, 1f);
        this.zero = host.allocateFrom(JAVA_FLOAT, 0f);
        this.staging = host.allocate(1 << 16, 16);
    }

    /** A prepared launch of {@code k}, its parameter block living as long as this stream. */
    KernelLaunch kernel(Kernel k) {
        return new KernelLaunch(k, driver, runtime.function(k), host);
    }

    private MemorySegment staging(long bytes) {
        if (staging.byteSize() < bytes) {
            staging = host.allocate(Math.max(bytes, staging.byteSize() * 2), 16);
        }
        return staging;
    }

    void upload(float[] source, int from, int count, long target) {
        MemorySegment s = staging((long) count * Float.BYTES);
        MemorySegment.copy(source, from, s, JAVA_FLOAT, 0, count);
        driver.copyToDevice(target, s, (long) count * Float.BYTES, stream);
    }

    void upload(int[] source, int from, int count, long target) {
        MemorySegment s = staging((long) count * Integer.BYTES);
        MemorySegment.copy(source, from, s, JAVA_INT, 0, count);
        driver.copyToDevice(target, s, (long) count * Integer.BYTES, stream);
    }

    void download(long source, float[] target, int from, int count, String what) {
        MemorySegment s = staging((long) count * Float.BYTES);
        driver.copyToHost(s, source, (long) count * Float.BYTES, stream);
        driver.synchronize(stream, what);
        MemorySegment.copy(s, JAVA_FLOAT, 0, target, from, count);
    }

    double[] downloadDoubles(long source, int count, String what) {
        MemorySegment s = staging((long) count * Double.BYTES);
        driver.copyToHost(s, source, (long) count * Double.BYTES, stream);
        driver.synchronize(stream, what);
        return s.asSlice(0, (long) count * Double.BYTES).toArray(JAVA_DOUBLE);
    }

    /** Sets {@code count} 32-bit words at {@code target} to {@code bits}. */
    void fill32(long target, int bits, long count) {
        driver.fill32(target, bits, count, stream);
    }

    /** Row-major C = op(A) op(B) (m x n), with beta = 0: C's old contents are ignored. */
    void gemm(boolean transA, boolean transB, int m, int n, int k, long a, long b, long c) {
        ColumnMajorGemm g = ColumnMajorGemm.ofRowMajor(transA, transB, m, n, k);
        // cuBLAS's first operand is the row-major B, its second the row-major A.
        runtime.cublas.sgemm(handle, g, one, b, a, zero, c);
    }

    /** Row-major C = alpha op(A) op(B) + beta C with host scalars. */
    void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, long a, long b, float beta, long c) {
        ColumnMajorGemm g = ColumnMajorGemm.ofRowMajor(transA, transB, m, n, k);
        try (Arena scalars = Arena.ofConfined()) {
            runtime.cublas.sgemm(handle, g, scalars.allocateFrom(JAVA_FLOAT, alpha), b, a,
                    scalars.allocateFrom(JAVA_FLOAT, beta), c);
        }
    }

    /**
     * out = G^T 1_P: the column sums of the row-major P x n matrix G. Read column-major, G is n x P with
     * leading dimension n, so this is SGEMV(N) with a vector of P ones.
     */
    void columnSums(long g, int rows, int cols, long out) {
        runtime.cublas.sgemv(handle, Cublas.OP_N, cols, rows, one, g, cols, ones(rows), zero, out);
    }

    /**
     * A device vector of at least {@code count} ones. A longer vector is allocated and filled before the old one
     * is given up; when that fails, the old vector stays in place.
     */
    long ones(int count) {
        if (onesCount < count) {
            long n = Math.max(count, 1024);
            long fresh = memory.floats(n, "vector of ones");
            try {
                fill32(fresh, Float.floatToRawIntBits(1f), n);
            } catch (RuntimeException e) {
                memory.free(fresh, n * Float.BYTES);
                throw e;
            }
            long old = ones;
            long oldCount = onesCount;
            ones = fresh;
            onesCount = n;
            if (old != 0) {
                memory.free(old, oldCount * Float.BYTES);
            }
        }
        return ones;
    }

    void synchronize(String what) {
        driver.synchronize(stream, what);
    }

    /** Starts recording this stream's work into a graph instead of running it. */
    @Override
    public void begin() {
        driver.beginCapture(stream);
    }

    /** Ends the recording: an instantiated graph to replay, or an exception when the capture failed. */
    @Override
    public CapturedGraph end() {
        MemorySegment graph = driver.endCapture(stream);
        try {
            return new CapturedGraph(driver, graph, driver.instantiate(graph));
        } catch (CudaException e) {
            driver.destroyGraph(null, graph);
            throw e;
        }
    }

    /**
     * Frees the cuBLAS handle, the device memory, the stream and the host memory, each even when an earlier one
     * fails; the first failure is thrown. Safe to call twice.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            driver.synchronize(stream, "closing");
        } catch (CudaException e) {
            // the error was already reported by the call that caused it; free what can be freed
        }
        Cleanup.all(() -> runtime.cublas.destroyHandle(handle), memory::close, () -> driver.destroyStream(stream), host::close);
    }
}
