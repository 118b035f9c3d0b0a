package ffnlab.backend.gpu;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link DeviceAllocator} without a device, for tests: hands out made-up pointers, keeps which are live, and
 * fails the allocation numbered {@link #failAt} (1-based, counted from construction) with CUDA's out-of-memory error,
 * or a free of the pointer set with {@link #failFreeOf}. Confined to the test's thread.
 */
final class FailingAllocator implements DeviceAllocator {
    final Map<Long, String> live = new LinkedHashMap<>();
    private long next = 0x1000;
    private int allocations;
    int failAt = Integer.MAX_VALUE;
    long failFreeOf;
    int frees;

    @Override
    public long allocate(long bytes, String what) {
        if (++allocations == failAt) {
            throw new CudaException("cuMemAlloc_v2 (" + what + ", " + Bytes.format(bytes) + ")", 2, "CUDA_ERROR_OUT_OF_MEMORY (out of memory)");
        }
        long p = next;
        next += Math.max(bytes, 4) + 256;
        live.put(p, what);
        return p;
    }

    @Override
    public void free(long pointer) {
        frees++;
        if (pointer == failFreeOf) {
            throw new CudaException("cuMemFree_v2", 700, "CUDA_ERROR_ILLEGAL_ADDRESS (an illegal memory access was encountered)");
        }
        if (live.remove(pointer) == null) {
            throw new AssertionError("freed " + pointer + ", which is not live (double free)");
        }
    }

    int allocations() {
        return allocations;
    }
}
