package ffnlab.backend.gpu;

/**
 * A CUDA driver, cuBLAS or NVRTC call that returned an error. The message names the call, the error's
 * symbolic name and its description, e.g. {@code cuMemAlloc_v2 (W^1, 1.5 MiB): CUDA_ERROR_OUT_OF_MEMORY (out of memory)},
 * so a failed trial says what failed without a native crash.
 */
public final class CudaException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String call;
    private final int code;

    CudaException(String call, int code, String error) {
        super(call + ": " + error);
        this.call = call;
        this.code = code;
    }

    /** The native function that failed, with what it was doing. */
    public String call() {
        return call;
    }

    /** The library's status code (CUresult, cublasStatus_t or nvrtcResult). */
    public int code() {
        return code;
    }
}
