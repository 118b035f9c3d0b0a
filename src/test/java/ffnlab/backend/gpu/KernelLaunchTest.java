package ffnlab.backend.gpu;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.backend.gpu.KernelSource.Kernel;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

/** The packing of kernel parameters for cuLaunchKernel, without a device. */
class KernelLaunchTest {

    @Test
    void eachParameterSitsInItsOwnSlotPointedToByTheArray() {
        try (Arena arena = Arena.ofConfined()) {
            KernelLaunch l = new KernelLaunch(Kernel.ADAM_STEP, null, MemorySegment.NULL, arena);
            l.pointer(0, 0x7f00_0000_1000L).int64(4, 123_456_789_012L).float64(5, 0.001).float32(8, 1e-8f).int32(9, 42);
            assertEquals(0x7f00_0000_1000L, l.slot(0).get(JAVA_LONG, 0));
            assertEquals(123_456_789_012L, l.slot(4).get(JAVA_LONG, 0));
            assertEquals(0.001, l.slot(5).get(JAVA_DOUBLE, 0));
            assertEquals(1e-8f, l.slot(8).get(JAVA_FLOAT, 0));
            assertEquals(42, l.slot(9).get(JAVA_INT, 0));
            assertEquals(8, l.slot(1).address() - l.slot(0).address());
        }
    }

    @Test
    void refusesToLaunchWithAnUnsetParameterOrOutOfRangeIndex() {
        try (Arena arena = Arena.ofConfined()) {
            KernelLaunch l = new KernelLaunch(Kernel.ADVANCE, null, MemorySegment.NULL, arena);
            assertThrows(IndexOutOfBoundsException.class, () -> l.int32(3, 1));
            l.pointer(0, 16).int32(1, 64).threads(1, 1);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> l.launch(MemorySegment.NULL));
            assertTrue(e.getMessage().contains("advance: parameter 2"), e.getMessage());
        }
    }

    @Test
    void gridCoversEveryItem() {
        try (Arena arena = Arena.ofConfined()) {
            KernelLaunch l = new KernelLaunch(Kernel.SGD_STEP, null, MemorySegment.NULL, arena);
            assertThrows(IllegalArgumentException.class, () -> l.threads(Long.MAX_VALUE / 2, 256));
        }
    }
}
