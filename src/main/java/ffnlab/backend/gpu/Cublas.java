package ffnlab.backend.gpu;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/**
 * FFM bindings to cuBLAS (v2 API): handle management, SGEMM and SGEMV in column-major form. Scalars are
 * passed by host pointer (the default pointer mode), so a captured graph keeps their values.
 * {@link ColumnMajorGemm} maps ffnlab's row-major products onto these calls.
 */
final class Cublas {
    static final int OP_N = 0;
    static final int OP_T = 1;

    private final MethodHandle create;
    private final MethodHandle destroy;
    private final MethodHandle setStream;
    private final MethodHandle setWorkspace;
    private final MethodHandle sgemm;
    private final MethodHandle sgemv;
    private final MethodHandle statusString;
    private final MethodHandle getVersion;
    private final MethodHandle getProperty;

    Cublas(SymbolLookup lib) {
        Linker linker = Linker.nativeLinker();
        create = h(linker, lib, "cublasCreate_v2", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        destroy = h(linker, lib, "cublasDestroy_v2", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        setStream = h(linker, lib, "cublasSetStream_v2", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        setWorkspace = optional(linker, lib, "cublasSetWorkspace_v2", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG));
        MemoryLayout[] gemmArgs = {ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT,
            JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT};
        sgemm = h(linker, lib, "cublasSgemm_v2", FunctionDescriptor.of(JAVA_INT, gemmArgs));
        MemoryLayout[] gemvArgs = {ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_INT,
            ADDRESS, JAVA_LONG, JAVA_INT};
        sgemv = h(linker, lib, "cublasSgemv_v2", FunctionDescriptor.of(JAVA_INT, gemvArgs));
        statusString = optional(linker, lib, "cublasGetStatusString", FunctionDescriptor.of(ADDRESS, JAVA_INT));
        getVersion = optional(linker, lib, "cublasGetVersion_v2", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        getProperty = optional(linker, lib, "cublasGetProperty", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));
    }

    private static MethodHandle h(Linker linker, SymbolLookup lib, String name, FunctionDescriptor fd) {
        MemorySegment symbol = lib.find(name).orElseThrow(() -> new CudaException(name, -1, "symbol not found in cuBLAS"));
        return linker.downcallHandle(symbol, fd);
    }

    /** A function that older or newer cuBLAS versions may lack: null when absent. */
    private static MethodHandle optional(Linker linker, SymbolLookup lib, String name, FunctionDescriptor fd) {
        return lib.find(name).map(symbol -> linker.downcallHandle(symbol, fd)).orElse(null);
    }

    void check(int status, String call) {
        if (status != 0) {
            String text;
            try {
                text = statusString == null ? "cublasStatus_t " + status
                        : CudaDriver.cString((MemorySegment) statusString.invokeExact(status));
            } catch (Throwable t) {
                text = "cublasStatus_t " + status;
            }
            throw new CudaException(call, status, text);
        }
    }

    MemorySegment createHandle() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = arena.allocate(ADDRESS);
            check(CudaDriver.call(() -> (int) create.invokeExact(v)), "cublasCreate_v2");
            return v.get(ADDRESS, 0);
        }
    }

    void destroyHandle(MemorySegment handle) {
        check(CudaDriver.call(() -> (int) destroy.invokeExact(handle)), "cublasDestroy_v2");
    }

    void bind(MemorySegment handle, MemorySegment stream, long workspace, long workspaceBytes) {
        check(CudaDriver.call(() -> (int) setStream.invokeExact(handle, stream)), "cublasSetStream_v2");
        if (setWorkspace != null) {
            check(CudaDriver.call(() -> (int) setWorkspace.invokeExact(handle, workspace, workspaceBytes)), "cublasSetWorkspace_v2");
        }
    }

    /** cuBLAS's version number (e.g. 130000), or -1 when the library cannot say. */
    int version(MemorySegment handle) {
        if (getVersion == null) {
            return -1;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = arena.allocate(JAVA_INT);
            check(CudaDriver.call(() -> (int) getVersion.invokeExact(handle, v)), "cublasGetVersion_v2");
            return v.get(JAVA_INT, 0);
        }
    }

    /** "13.1.0" from cublasGetProperty (major, minor, patch level), or "unknown". Needs no handle. */
    String libraryVersion() {
        if (getProperty == null) {
            return "unknown";
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = arena.allocate(JAVA_INT);
            StringBuilder sb = new StringBuilder();
            for (int property = 0; property <= 2; property++) {
                int type = property;
                if (CudaDriver.call(() -> (int) getProperty.invokeExact(type, v)) != 0) {
                    return "unknown";
                }
                sb.append(property == 0 ? "" : ".").append(v.get(JAVA_INT, 0));
            }
            return sb.toString();
        }
    }

    /** Column-major C = alpha op(A) op(B) + beta C; alpha and beta point to host floats. */
    void sgemm(MemorySegment handle, ColumnMajorGemm g, MemorySegment alpha, long a, long b, MemorySegment beta, long c) {
        int status = CudaDriver.call(() -> (int) sgemm.invokeExact(handle, g.opA(), g.opB(), g.m(), g.n(), g.k(), alpha,
                a, g.lda(), b, g.ldb(), beta, c, g.ldc()));
        if (status != 0) {
            check(status, "cublasSgemm_v2 (" + g + ")");
        }
    }

    /** Column-major y = alpha op(A) x + beta y, A m x n with leading dimension lda. */
    void sgemv(MemorySegment handle, int op, int m, int n, MemorySegment alpha, long a, int lda, long x,
               MemorySegment beta, long y) {
        int status = CudaDriver.call(() -> (int) sgemv.invokeExact(handle, op, m, n, alpha, a, lda, x, 1, beta, y, 1));
        if (status != 0) {
            check(status, "cublasSgemv_v2 (" + m + " x " + n + ")");
        }
    }
}
