package ffnlab.backend.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.nn.Activation;
import ffnlab.nn.Architecture;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Growing the row buffers through an allocator that fails: all or nothing, the buffers in use never freed. */
class RowBuffersTest {
    private final Architecture arch = Architecture.of(Activation.RELU, Activation.SOFTMAX, 4, 8, 8, 3);

    @Test
    void aFailedAllocationFreesWhatItAllocatedAndLeavesTheBuffersInUseLive() {
        FailingAllocator device = new FailingAllocator();
        DeviceArena arena = new DeviceArena(device);
        RowBuffers inUse = RowBuffers.allocate(arena, arch, true, 16);
        Map<Long, String> before = Map.copyOf(device.live);
        long bytesBefore = arena.bytes();
        int perSet = device.allocations();
        assertEquals(3 * 3 + 2, perSet, "U, H, grad U per layer, then X and labels");

        for (int failing = 1; failing <= perSet; failing++) {
            device.failAt = device.allocations() + failing;
            CudaException e = assertThrows(CudaException.class, () -> RowBuffers.allocate(arena, arch, true, 64));
            assertTrue(e.getMessage().contains("CUDA_ERROR_OUT_OF_MEMORY"), e.getMessage());
            assertEquals(before, device.live, "allocation " + failing + " failed: exactly the buffers in use are live");
            assertEquals(bytesBefore, arena.bytes());
        }

        device.failAt = Integer.MAX_VALUE;
        RowBuffers grown = RowBuffers.allocate(arena, arch, true, 64);
        assertTrue(device.live.keySet().containsAll(before.keySet()), "the old set stays live until it is freed");
        inUse.free();
        assertEquals(perSet, device.live.size());
        assertTrue(device.live.containsKey(grown.x) && device.live.containsKey(grown.u[3]) && device.live.containsKey(grown.labels));
        grown.free();
        assertEquals(Map.of(), device.live);
        assertEquals(0, arena.bytes());
    }

    @Test
    void regressionBuffersHoldTargetsAndNoLabels() {
        FailingAllocator device = new FailingAllocator();
        RowBuffers b = RowBuffers.allocate(new DeviceArena(device), Architecture.of(Activation.TANH, Activation.LINEAR, 2, 5, 2), false, 10);
        assertEquals(0, b.labels);
        assertEquals("batch D", device.live.get(b.targets));
        assertEquals(10, b.capacity);
    }

    @Test
    void aFailedFreeIsReportedAfterEveryOtherBufferWasFreed() {
        FailingAllocator device = new FailingAllocator();
        DeviceArena arena = new DeviceArena(device);
        RowBuffers b = RowBuffers.allocate(arena, arch, true, 16);
        device.failFreeOf = b.h[1];

        CudaException e = assertThrows(CudaException.class, b::free);

        assertEquals("cuMemFree_v2", e.call());
        assertEquals(Map.of(b.h[1], "H^1"), device.live, "only the buffer whose free failed is left");
        assertEquals(0, arena.bytes(), "the arena forgets it, so closing does not free it twice");
        arena.close();
    }
}
