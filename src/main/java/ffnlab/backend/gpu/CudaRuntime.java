package ffnlab.backend.gpu;

import ffnlab.backend.gpu.KernelSource.Kernel;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The process's one connection to the GPU: the loaded libraries, device 0's primary context and the
 * compiled kernel module. Created on first use; if anything is missing (no libcuda, no device, no cuBLAS
 * or NVRTC, a compile error) the reason is kept and reported by {@link #unavailableReason()} instead.
 * Engines and backends share it; each brings its own stream, cuBLAS handle and device memory.
 *
 * <p>Concurrent trials ({@code backend.gpu_trials} above 1: several engines, each on its own thread). Invariant:
 * everything shared here is immutable once published, and published in one step: {@link #resolve} builds the whole
 * runtime (libraries loaded into the global arena, the primary context retained, the PTX compiled or read from
 * {@link PtxCache} and the module loaded, the kernel table filled) under the class lock and only then writes the
 * volatile {@code state}, so no thread sees a half-made runtime and the kernels are compiled once per process. After
 * that the shared parts are only read: the driver, cuBLAS and NVRTC bindings hold method handles and no mutable
 * field, the kernel table is never written again. What a trial changes is its own: its stream (created
 * non-blocking, so it never waits on another's work through the legacy stream), its cuBLAS handle bound to that
 * stream with its own workspace (as graph capture needs), its device and staging memory and its kernels' parameter
 * blocks. Every copy and memset is the asynchronous form on the engine's stream, and capture runs in relaxed mode,
 * so one trial's allocations or frees never invalidate another's graph capture. Each thread makes the primary
 * context current ({@link #makeCurrent}) before its first call.
 */
final class CudaRuntime {
    private static final Logger LOG = LogManager.getLogger();
    private static volatile Object state;   // a CudaRuntime, or the String reason it is unavailable

    final CudaDriver driver;
    final Cublas cublas;
    final Nvrtc nvrtc;
    final int device;
    final String deviceName;
    final int computeMajor;
    final int computeMinor;
    final String driverVersion;
    final String cublasVersion;
    final String nvrtcVersion;
    private final MemorySegment context;
    private final Map<Kernel, MemorySegment> functions;

    private CudaRuntime(CudaDriver driver, Cublas cublas, Nvrtc nvrtc, int device, MemorySegment context,
                        Map<Kernel, MemorySegment> functions) {
        this.driver = driver;
        this.cublas = cublas;
        this.nvrtc = nvrtc;
        this.device = device;
        this.context = context;
        this.functions = functions;
        this.deviceName = driver.deviceName(device);
        this.computeMajor = driver.attribute(CudaDriver.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR, device);
        this.computeMinor = driver.attribute(CudaDriver.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR, device);
        int v = driver.driverVersion();
        this.driverVersion = v / 1000 + "." + (v % 1000) / 10;
        this.cublasVersion = cublas.libraryVersion();
        this.nvrtcVersion = nvrtc.version();
    }

    /** Empty when the GPU backend can run here; else the one-line reason. Never throws. */
    static Optional<String> unavailableReason() {
        Object s = resolve();
        return s instanceof String reason ? Optional.of(reason) : Optional.empty();
    }

    /** The runtime, or a {@link GpuUnavailableException} with the reason. */
    static CudaRuntime get() {
        Object s = resolve();
        if (s instanceof CudaRuntime r) {
            r.makeCurrent();
            return r;
        }
        throw new GpuUnavailableException((String) s);
    }

    private static Object resolve() {
        Object s = state;
        if (s == null) {
            synchronized (CudaRuntime.class) {
                s = state;
                if (s == null) {
                    s = open();
                    state = s;
                }
            }
        }
        return s;
    }

    private static Object open() {
        try {
            SymbolLookup cuda;
            try {
                cuda = SymbolLookup.libraryLookup("libcuda.so.1", Arena.global());
            } catch (IllegalArgumentException e) {
                return "libcuda.so.1 not found: no NVIDIA driver on this machine";
            }
            CudaDriver driver = new CudaDriver(cuda);
            driver.init();
            int count = driver.deviceCount();
            if (count == 0) {
                return "the NVIDIA driver reports no CUDA device";
            }
            List<Path> dirs = NativeLibraries.searchPath(System.getenv(), Path.of("/"));
            SymbolLookup cublasLib = library(NativeLibraries.CUBLAS, dirs);
            if (cublasLib == null) {
                return NativeLibraries.notFound(NativeLibraries.CUBLAS, dirs);
            }
            SymbolLookup nvrtcLib = library(NativeLibraries.NVRTC, dirs);
            if (nvrtcLib == null) {
                return NativeLibraries.notFound(NativeLibraries.NVRTC, dirs);
            }
            Cublas cublas = new Cublas(cublasLib);
            Nvrtc nvrtc = new Nvrtc(nvrtcLib);
            int device = driver.device(0);
            MemorySegment context = driver.retainPrimaryContext(device);
            driver.setCurrent(context);
            Map<Kernel, MemorySegment> functions = compile(driver, nvrtc, device);
            CudaRuntime runtime = new CudaRuntime(driver, cublas, nvrtc, device, context, functions);
            LOG.info("GPU ready: {} (compute capability {}.{}), CUDA driver {}, cuBLAS {}, NVRTC {}", runtime.deviceName,
                    runtime.computeMajor, runtime.computeMinor, runtime.driverVersion, runtime.cublasVersion,
                    runtime.nvrtcVersion);
            return runtime;
        } catch (CudaException | GpuUnavailableException e) {
            return e.getMessage();
        } catch (RuntimeException | LinkageError e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /** The library at the first of {@code names} found in {@code dirs}, else by name through the system loader. */
    private static SymbolLookup library(List<String> names, List<Path> dirs) {
        Optional<Path> file = NativeLibraries.locate(names, dirs);
        if (file.isPresent()) {
            LOG.debug("loading {}", file.get());
            return SymbolLookup.libraryLookup(file.get(), Arena.global());
        }
        for (String name : names) {
            try {
                return SymbolLookup.libraryLookup(name, Arena.global());
            } catch (IllegalArgumentException e) {
                LOG.debug("{} not loadable by name: {}", name, e.getMessage());
            }
        }
        return null;
    }

    private static Map<Kernel, MemorySegment> compile(CudaDriver driver, Nvrtc nvrtc, int device) {
        int major = driver.attribute(CudaDriver.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR, device);
        int minor = driver.attribute(CudaDriver.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR, device);
        KernelSource source = KernelSource.load();
        List<String> options = KernelSource.options(major, minor);
        String key = source.cacheKey(options, nvrtc.version());
        PtxCache cache = PtxCache.standard();
        long start = System.nanoTime();
        byte[] ptx = cache.get(key, () -> nvrtc.compile(source.text(), KernelSource.RESOURCE, options));
        LOG.debug("kernels ready in {} ms (PTX {} bytes, cache {})", (System.nanoTime() - start) / 1_000_000, ptx.length,
                cache.folder());
        MemorySegment image = Arena.global().allocate(ptx.length + 1L);
        MemorySegment.copy(ptx, 0, image, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, ptx.length);
        MemorySegment module = driver.loadModule(image);
        Map<Kernel, MemorySegment> functions = new EnumMap<>(Kernel.class);
        for (Kernel k : Kernel.values()) {
            functions.put(k, driver.function(module, k.symbol));
        }
        return functions;
    }

    /** Makes the primary context current on the calling thread (cheap; needed before any call on a new thread). */
    void makeCurrent() {
        driver.setCurrent(context);
    }

    MemorySegment function(Kernel k) {
        return functions.get(k);
    }

    /** "NVIDIA H200 (cc 9.0)". */
    String describe() {
        return deviceName + " (cc " + computeMajor + "." + computeMinor + ")";
    }
}
