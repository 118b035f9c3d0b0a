package ffnlab.backend.gpu;

/** Thrown when the GPU backend is asked for on a machine where it cannot run; the message says why. */
public final class GpuUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    GpuUnavailableException(String reason) {
        super("GPU backend unavailable: " + reason);
    }
}
