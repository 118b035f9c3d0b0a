package ffnlab.backend.cpu;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * OpenBLAS's {@code cblas_sgemm}, called through the FFM API on the Java arrays themselves: the downcall is
 * linked {@link Linker.Option#critical(boolean) critical} with heap access, so no array is copied or pinned
 * by JNI. The native library comes from bytedeco's {@code openblas} jar (JavaCPP extracts it into its cache);
 * OpenBLAS's own threading is switched off ({@code openblas_set_num_threads(1)}): ffnlab partitions the
 * work itself so that results do not depend on the thread count.
 */
final class OpenBlasGemm implements GemmKernel {
    private static final Logger LOG = LogManager.getLogger();
    private static final int ROW_MAJOR = 101;
    private static final int NO_TRANS = 111;
    private static final int TRANS = 112;

    /** cblas_sgemm(order, transA, transB, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc). */
    private static final MethodHandle SGEMM;
    /** openblas_set_num_threads(n). */
    private static final MethodHandle SET_THREADS;
    private static final String VERSION;
    private static final OpenBlasGemm INSTANCE;

    static {
        MethodHandle sgemm = null;
        MethodHandle setThreads = null;
        String version = null;
        try {
            String loaded = org.bytedeco.javacpp.Loader.load(org.bytedeco.openblas.global.openblas_nolapack.class);
            Path dir = Path.of(loaded).getParent();
            Path library = Files.exists(dir.resolve("libopenblas_nolapack.so.0"))
                    ? dir.resolve("libopenblas_nolapack.so.0") : dir.resolve("libopenblas.so.0");
            SymbolLookup lookup = SymbolLookup.libraryLookup(library, Arena.global());
            Linker linker = Linker.nativeLinker();
            ValueLayout i32 = ValueLayout.JAVA_INT;
            ValueLayout f32 = ValueLayout.JAVA_FLOAT;
            ValueLayout ptr = ValueLayout.ADDRESS;
            sgemm = linker.downcallHandle(lookup.findOrThrow("cblas_sgemm"),
                    FunctionDescriptor.ofVoid(i32, i32, i32, i32, i32, i32, f32, ptr, i32, ptr, i32, f32, ptr, i32),
                    Linker.Option.critical(true));
            setThreads = linker.downcallHandle(lookup.findOrThrow("openblas_set_num_threads"),
                    FunctionDescriptor.ofVoid(i32));
            setThreads.invokeExact(1);
            MethodHandle config = linker.downcallHandle(lookup.findOrThrow("openblas_get_config"),
                    FunctionDescriptor.of(ptr));
            MemorySegment text = ((MemorySegment) config.invokeExact()).reinterpret(256);
            version = text.getString(0);
            LOG.debug("OpenBLAS loaded from {}: {}", library, version);
        } catch (Throwable e) {
            LOG.warn("OpenBLAS is not available ({}); the cpu backend uses Java loops for every product", e.toString());
            sgemm = null;
        }
        SGEMM = sgemm;
        SET_THREADS = setThreads;
        VERSION = version;
        INSTANCE = sgemm == null ? null : new OpenBlasGemm();
    }

    private OpenBlasGemm() {
    }

    /** The kernel, or empty when the native library could not be loaded on this platform. */
    static Optional<OpenBlasGemm> instance() {
        return Optional.ofNullable(INSTANCE);
    }

    /**
     * Sets OpenBLAS's own thread count (process-wide). ffnlab keeps it at 1; only the benchmark's ceiling
     * measurement raises it, for the time of the measurement.
     */
    static void nativeThreads(int threads) {
        try {
            SET_THREADS.invokeExact(threads);
        } catch (Throwable e) {
            throw new IllegalStateException("openblas_set_num_threads failed", e);
        }
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                     float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                     float beta, float[] c, int cOffset, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        try {
            SGEMM.invokeExact(ROW_MAJOR, transA ? TRANS : NO_TRANS, transB ? TRANS : NO_TRANS, m, n, k, alpha,
                    MemorySegment.ofArray(a).asSlice((long) aOffset * Float.BYTES), Math.max(lda, 1),
                    MemorySegment.ofArray(b).asSlice((long) bOffset * Float.BYTES), Math.max(ldb, 1),
                    beta, MemorySegment.ofArray(c).asSlice((long) cOffset * Float.BYTES), Math.max(ldc, 1));
        } catch (Throwable e) {
            throw new IllegalStateException("cblas_sgemm failed", e);
        }
    }

    @Override
    public String name() {
        return "openblas " + VERSION;
    }
}
