package ffnlab.backend.gpu;

/**
 * Where device memory comes from: {@link CudaDriver} ({@code cuMemAlloc}/{@code cuMemFree}); tests use an allocator
 * that fails on demand, to drive the failure paths of the code above it without a GPU.
 */
interface DeviceAllocator {
    /**
     * A fresh allocation of {@code bytes} bytes; {@code what} names it in an out-of-memory message.
     *
     * @throws CudaException when the device cannot provide it
     */
    long allocate(long bytes, String what);

    /** Gives back an allocation made by {@link #allocate}. */
    void free(long pointer);
}
