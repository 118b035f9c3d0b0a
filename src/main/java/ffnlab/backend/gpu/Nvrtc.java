package ffnlab.backend.gpu;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.List;

/**
 * FFM bindings to NVRTC: compiles CUDA C source to PTX at run time. A failed compilation throws a
 * {@link CudaException} carrying the compiler's log.
 */
final class Nvrtc {
    private final MethodHandle version;
    private final MethodHandle createProgram;
    private final MethodHandle compileProgram;
    private final MethodHandle logSize;
    private final MethodHandle log;
    private final MethodHandle ptxSize;
    private final MethodHandle ptx;
    private final MethodHandle destroyProgram;
    private final MethodHandle errorString;

    Nvrtc(SymbolLookup lib) {
        Linker linker = Linker.nativeLinker();
        version = h(linker, lib, "nvrtcVersion", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        createProgram = h(linker, lib, "nvrtcCreateProgram",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, ADDRESS));
        compileProgram = h(linker, lib, "nvrtcCompileProgram", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS));
        logSize = h(linker, lib, "nvrtcGetProgramLogSize", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        log = h(linker, lib, "nvrtcGetProgramLog", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        ptxSize = h(linker, lib, "nvrtcGetPTXSize", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        ptx = h(linker, lib, "nvrtcGetPTX", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        destroyProgram = h(linker, lib, "nvrtcDestroyProgram", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        errorString = h(linker, lib, "nvrtcGetErrorString", FunctionDescriptor.of(ADDRESS, JAVA_INT));
    }

    private static MethodHandle h(Linker linker, SymbolLookup lib, String name, FunctionDescriptor fd) {
        MemorySegment symbol = lib.find(name).orElseThrow(() -> new CudaException(name, -1, "symbol not found in NVRTC"));
        return linker.downcallHandle(symbol, fd);
    }

    private void check(int status, String call, String detail) {
        if (status != 0) {
            String text;
            try {
                text = CudaDriver.cString((MemorySegment) errorString.invokeExact(status));
            } catch (Throwable t) {
                text = "nvrtcResult " + status;
            }
            throw new CudaException(call, status, detail.isEmpty() ? text : text + ": " + detail);
        }
    }

    /** "13.0". */
    String version() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment major = arena.allocate(JAVA_INT);
            MemorySegment minor = arena.allocate(JAVA_INT);
            check(CudaDriver.call(() -> (int) version.invokeExact(major, minor)), "nvrtcVersion", "");
            return major.get(JAVA_INT, 0) + "." + minor.get(JAVA_INT, 0);
        }
    }

    /** Compiles {@code source} with {@code options}; returns the PTX, NUL-terminated. */
    byte[] compile(String source, String name, List<String> options) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment programOut = arena.allocate(ADDRESS);
            MemorySegment src = arena.allocateFrom(source);
            MemorySegment file = arena.allocateFrom(name);
            check(CudaDriver.call(() -> (int) createProgram.invokeExact(programOut, src, file, 0, MemorySegment.NULL,
                    MemorySegment.NULL)), "nvrtcCreateProgram", "");
            MemorySegment program = programOut.get(ADDRESS, 0);
            try {
                MemorySegment opts = arena.allocate(ADDRESS, Math.max(options.size(), 1));
                for (int i = 0; i < options.size(); i++) {
                    opts.setAtIndex(ADDRESS, i, arena.allocateFrom(options.get(i)));
                }
                int status = CudaDriver.call(() -> (int) compileProgram.invokeExact(program, options.size(), opts));
                if (status != 0) {
                    check(status, "nvrtcCompileProgram (" + name + ")", compilerLog(arena, program));
                }
                MemorySegment size = arena.allocate(JAVA_LONG);
                check(CudaDriver.call(() -> (int) ptxSize.invokeExact(program, size)), "nvrtcGetPTXSize", "");
                MemorySegment image = arena.allocate(size.get(JAVA_LONG, 0));
                check(CudaDriver.call(() -> (int) ptx.invokeExact(program, image)), "nvrtcGetPTX", "");
                return image.toArray(JAVA_BYTE);
            } finally {
                CudaDriver.call(() -> (int) destroyProgram.invokeExact(programOut));
            }
        }
    }

    private String compilerLog(Arena arena, MemorySegment program) {
        MemorySegment size = arena.allocate(JAVA_LONG);
        if (CudaDriver.call(() -> (int) logSize.invokeExact(program, size)) != 0) {
            return "";
        }
        MemorySegment text = arena.allocate(Math.max(size.get(JAVA_LONG, 0), 1));
        if (CudaDriver.call(() -> (int) log.invokeExact(program, text)) != 0) {
            return "";
        }
        return text.getString(0).strip().replace('\n', ' ');
    }
}
