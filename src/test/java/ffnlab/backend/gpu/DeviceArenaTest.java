package ffnlab.backend.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Closing an arena through an allocator whose frees fail. */
class DeviceArenaTest {
    @Test
    void closeTriesEveryFreeAndThrowsTheFirstFailureWithTheOthersSuppressed() {
        FailingAllocator device = new FailingAllocator();
        DeviceArena arena = new DeviceArena(device);
        arena.floats(10, "a");
        long b = arena.floats(10, "b");
        arena.ints(10, "c");
        device.failFreeOf = b;

        CudaException e = assertThrows(CudaException.class, arena::close);

        assertEquals("cuMemFree_v2", e.call());
        assertEquals(3, device.frees, "every pointer was freed once");
        assertEquals(Map.of(b, "b"), device.live);
        assertEquals(0, arena.bytes());
        arena.close();
        assertEquals(3, device.frees, "a second close frees nothing again");
    }
}
