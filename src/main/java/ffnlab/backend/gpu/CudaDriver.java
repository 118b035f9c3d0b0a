package ffnlab.backend.gpu;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/**
 * FFM bindings to the CUDA driver API ({@code libcuda.so.1}): the few calls ffnlab needs. Device pointers
 * are {@code long}s (CUdeviceptr); contexts, streams, modules, functions and graphs are opaque addresses.
 * Every non-zero CUresult becomes a {@link CudaException} naming the call and the driver's error text.
 */
final class CudaDriver implements DeviceAllocator {
    static final int CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR = 75;
    static final int CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR = 76;
    static final int CU_STREAM_NON_BLOCKING = 1;
    static final int CU_STREAM_CAPTURE_MODE_RELAXED = 2;

    private final MethodHandle init;
    private final MethodHandle driverGetVersion;
    private final MethodHandle getErrorName;
    private final MethodHandle getErrorString;
    private final MethodHandle deviceGetCount;
    private final MethodHandle deviceGet;
    private final MethodHandle deviceGetName;
    private final MethodHandle deviceGetAttribute;
    private final MethodHandle primaryCtxRetain;
    private final MethodHandle ctxSetCurrent;
    private final MethodHandle memAlloc;
    private final MethodHandle memFree;
    private final MethodHandle memGetInfo;
    private final MethodHandle memcpyHtoDAsync;
    private final MethodHandle memcpyDtoHAsync;
    private final MethodHandle memsetD32Async;
    private final MethodHandle streamCreate;
    private final MethodHandle streamDestroy;
    private final MethodHandle streamSynchronize;
    private final MethodHandle moduleLoadData;
    private final MethodHandle moduleGetFunction;
    private final MethodHandle launchKernel;
    private final MethodHandle streamBeginCapture;
    private final MethodHandle streamEndCapture;
    private final MethodHandle graphInstantiate;
    private final MethodHandle graphLaunch;
    private final MethodHandle graphExecDestroy;
    private final MethodHandle graphDestroy;

    CudaDriver(SymbolLookup lib) {
        Linker linker = Linker.nativeLinker();
        Bind b = new Bind(linker, lib);
        init = b.h("cuInit", JAVA_INT);
        driverGetVersion = b.h("cuDriverGetVersion", ADDRESS);
        getErrorName = b.h("cuGetErrorName", JAVA_INT, ADDRESS);
        getErrorString = b.h("cuGetErrorString", JAVA_INT, ADDRESS);
        deviceGetCount = b.h("cuDeviceGetCount", ADDRESS);
        deviceGet = b.h("cuDeviceGet", ADDRESS, JAVA_INT);
        deviceGetName = b.h("cuDeviceGetName", ADDRESS, JAVA_INT, JAVA_INT);
        deviceGetAttribute = b.h("cuDeviceGetAttribute", ADDRESS, JAVA_INT, JAVA_INT);
        primaryCtxRetain = b.h("cuDevicePrimaryCtxRetain", ADDRESS, JAVA_INT);
        ctxSetCurrent = b.h("cuCtxSetCurrent", ADDRESS);
        memAlloc = b.h("cuMemAlloc_v2", ADDRESS, JAVA_LONG);
        memFree = b.h("cuMemFree_v2", JAVA_LONG);
        memGetInfo = b.h("cuMemGetInfo_v2", ADDRESS, ADDRESS);
        memcpyHtoDAsync = b.h("cuMemcpyHtoDAsync_v2", JAVA_LONG, ADDRESS, JAVA_LONG, ADDRESS);
        memcpyDtoHAsync = b.h("cuMemcpyDtoHAsync_v2", ADDRESS, JAVA_LONG, JAVA_LONG, ADDRESS);
        memsetD32Async = b.h("cuMemsetD32Async", JAVA_LONG, JAVA_INT, JAVA_LONG, ADDRESS);
        streamCreate = b.h("cuStreamCreate", ADDRESS, JAVA_INT);
        streamDestroy = b.h("cuStreamDestroy_v2", ADDRESS);
        streamSynchronize = b.h("cuStreamSynchronize", ADDRESS);
        moduleLoadData = b.h("cuModuleLoadData", ADDRESS, ADDRESS);
        moduleGetFunction = b.h("cuModuleGetFunction", ADDRESS, ADDRESS, ADDRESS);
        launchKernel = b.h("cuLaunchKernel", ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT,
                JAVA_INT, ADDRESS, ADDRESS, ADDRESS);
        streamBeginCapture = b.h("cuStreamBeginCapture_v2", ADDRESS, JAVA_INT);
        streamEndCapture = b.h("cuStreamEndCapture", ADDRESS, ADDRESS);
        graphInstantiate = b.h("cuGraphInstantiateWithFlags", ADDRESS, ADDRESS, JAVA_LONG);
        graphLaunch = b.h("cuGraphLaunch", ADDRESS, ADDRESS);
        graphExecDestroy = b.h("cuGraphExecDestroy", ADDRESS);
        graphDestroy = b.h("cuGraphDestroy", ADDRESS);
    }

    /** Binds int-returning C functions of one library. */
    private record Bind(Linker linker, SymbolLookup lib) {
        MethodHandle h(String name, java.lang.foreign.MemoryLayout... args) {
            MemorySegment symbol = lib.find(name).orElseThrow(() -> new CudaException(name, -1, "symbol not found in the library"));
            return linker.downcallHandle(symbol, FunctionDescriptor.of(JAVA_INT, args));
        }
    }

    /** Throws a {@link CudaException} naming {@code call} when {@code status} is not CUDA_SUCCESS. */
    void check(int status, String call) {
        if (status != 0) {
            throw new CudaException(call, status, errorText(status));
        }
    }

    /** "CUDA_ERROR_OUT_OF_MEMORY (out of memory)" for a CUresult. */
    String errorText(int status) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment name = arena.allocate(ADDRESS);
            MemorySegment text = arena.allocate(ADDRESS);
            int a = (int) getErrorName.invokeExact(status, name);
            int b = (int) getErrorString.invokeExact(status, text);
            String n = a == 0 ? cString(name.get(ADDRESS, 0)) : "CUresult " + status;
            String s = b == 0 ? cString(text.get(ADDRESS, 0)) : "unknown error";
            return n + " (" + s + ")";
        } catch (Throwable t) {
            return "CUresult " + status;
        }
    }

    static String cString(MemorySegment pointer) {
        return pointer.equals(MemorySegment.NULL) ? "" : pointer.reinterpret(4096).getString(0);
    }

    void init() {
        check(call(() -> (int) init.invokeExact(0)), "cuInit");
    }

    int driverVersion() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = arena.allocate(JAVA_INT);
            check(call(() -> (int) driverGetVersion.invokeExact(v)), "cuDriverGetVersion");
            return v.get(JAVA_INT, 0);
        }
    }

    int deviceCount() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = arena.allocate(JAVA_INT);
            check(call(() -> (int) deviceGetCount.invokeExact(v)), "cuDeviceGetCount");
            return v.get(JAVA_INT, 0);
        }
    }

    int device(int ordinal) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = arena.allocate(JAVA_INT);
            check(call(() -> (int) deviceGet.invokeExact(v, ordinal)), "cuDeviceGet");
            return v.get(JAVA_INT, 0);
        }
    }

    String deviceName(int device) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = arena.allocate(256);
            check(call(() -> (int) deviceGetName.invokeExact(v, 256, device)), "cuDeviceGetName");
            return v.getString(0);
        }
    }

    int attribute(int attribute, int device) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = arena.allocate(JAVA_INT);
            check(call(() -> (int) deviceGetAttribute.invokeExact(v, attribute, device)), "cuDeviceGetAttribute");
            return v.get(JAVA_INT, 0);
        }
    }

    MemorySegment retainPrimaryContext(int device) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = arena.allocate(ADDRESS);
            check(call(() -> (int) primaryCtxRetain.invokeExact(v, device)), "cuDevicePrimaryCtxRetain");
            return v.get(ADDRESS, 0);
        }
    }

    void setCurrent(MemorySegment context) {
        check(call(() -> (int) ctxSetCurrent.invokeExact(context)), "cuCtxSetCurrent");
    }

    @Override
    public long allocate(long bytes, String what) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = arena.allocate(JAVA_LONG);
            check(call(() -> (int) memAlloc.invokeExact(v, Math.max(bytes, 4L))),
                    "cuMemAlloc_v2 (" + what + ", " + Bytes.format(bytes) + ")");
            return v.get(JAVA_LONG, 0);
        }
    }

    @Override
    public void free(long pointer) {
        check(call(() -> (int) memFree.invokeExact(pointer)), "cuMemFree_v2");
    }

    /** {free, total} device memory in bytes. */
    long[] memoryInfo() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment free = arena.allocate(JAVA_LONG);
            MemorySegment total = arena.allocate(JAVA_LONG);
            check(call(() -> (int) memGetInfo.invokeExact(free, total)), "cuMemGetInfo_v2");
            return new long[] {free.get(JAVA_LONG, 0), total.get(JAVA_LONG, 0)};
        }
    }

    void copyToDevice(long target, MemorySegment source, long bytes, MemorySegment stream) {
        check(call(() -> (int) memcpyHtoDAsync.invokeExact(target, source, bytes, stream)), "cuMemcpyHtoDAsync_v2");
    }

    void copyToHost(MemorySegment target, long source, long bytes, MemorySegment stream) {
        check(call(() -> (int) memcpyDtoHAsync.invokeExact(target, source, bytes, stream)), "cuMemcpyDtoHAsync_v2");
    }

    void fill32(long target, int bits, long count, MemorySegment stream) {
        check(call(() -> (int) memsetD32Async.invokeExact(target, bits, count, stream)), "cuMemsetD32Async");
    }

    MemorySegment createStream() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = arena.allocate(ADDRESS);
            check(call(() -> (int) streamCreate.invokeExact(v, CU_STREAM_NON_BLOCKING)), "cuStreamCreate");
            return v.get(ADDRESS, 0);
        }
    }

    void destroyStream(MemorySegment stream) {
        check(call(() -> (int) streamDestroy.invokeExact(stream)), "cuStreamDestroy_v2");
    }

    /** Waits for the stream; asynchronous kernel errors surface here, named after {@code what}. */
    void synchronize(MemorySegment stream, String what) {
        int status = call(() -> (int) streamSynchronize.invokeExact(stream));
        if (status != 0) {
            check(status, "cuStreamSynchronize (" + what + ")");
        }
    }

    /** Loads a NUL-terminated PTX (or cubin) image. */
    MemorySegment loadModule(MemorySegment image) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = arena.allocate(ADDRESS);
            check(call(() -> (int) moduleLoadData.invokeExact(v, image)), "cuModuleLoadData");
            return v.get(ADDRESS, 0);
        }
    }

    MemorySegment function(MemorySegment module, String name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = arena.allocate(ADDRESS);
            MemorySegment n = arena.allocateFrom(name);
            check(call(() -> (int) moduleGetFunction.invokeExact(v, module, n)), "cuModuleGetFunction (" + name + ")");
            return v.get(ADDRESS, 0);
        }
    }

    int launch(MemorySegment function, int gridX, int blockX, MemorySegment stream, MemorySegment params) {
        return call(() -> (int) launchKernel.invokeExact(function, gridX, 1, 1, blockX, 1, 1, 0, stream, params,
                MemorySegment.NULL));
    }

    void beginCapture(MemorySegment stream) {
        check(call(() -> (int) streamBeginCapture.invokeExact(stream, CU_STREAM_CAPTURE_MODE_RELAXED)),
                "cuStreamBeginCapture_v2");
    }

    /** Ends a capture; returns the CUgraph, or throws when the capture was invalidated. */
    MemorySegment endCapture(MemorySegment stream) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = arena.allocate(ADDRESS);
            check(call(() -> (int) streamEndCapture.invokeExact(stream, v)), "cuStreamEndCapture");
            return v.get(ADDRESS, 0);
        }
    }

    MemorySegment instantiate(MemorySegment graph) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = arena.allocate(ADDRESS);
            check(call(() -> (int) graphInstantiate.invokeExact(v, graph, 0L)), "cuGraphInstantiateWithFlags");
            return v.get(ADDRESS, 0);
        }
    }

    void launchGraph(MemorySegment exec, MemorySegment stream) {
        check(call(() -> (int) graphLaunch.invokeExact(exec, stream)), "cuGraphLaunch");
    }

    void destroyGraph(MemorySegment exec, MemorySegment graph) {
        if (exec != null) {
            check(call(() -> (int) graphExecDestroy.invokeExact(exec)), "cuGraphExecDestroy");
        }
        if (graph != null) {
            check(call(() -> (int) graphDestroy.invokeExact(graph)), "cuGraphDestroy");
        }
    }

    /** A native call that returns a status code. */
    @FunctionalInterface
    interface NativeCall {
        int invoke() throws Throwable;
    }

    /** Runs a downcall, turning the checked {@code Throwable} of invokeExact into an unchecked one. */
    static int call(NativeCall c) {
        try {
            return c.invoke();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
