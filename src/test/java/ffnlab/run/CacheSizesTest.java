package ffnlab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CacheSizesTest {
    @Test
    void sysfsSizesReadInBytes() {
        assertEquals(48 * 1024, CacheSizes.bytes("48K"));
        assertEquals(32L * 1024 * 1024, CacheSizes.bytes("32M"));
        assertEquals(512, CacheSizes.bytes("512"));
        assertEquals(-1, CacheSizes.bytes("big"));
    }

    @Test
    void whateverTheMachineSaysIsAPositiveSizePerLevel() {
        CacheSizes.read().forEach((level, size) -> assertTrue(level.matches("l1d|l2|l3") && size > 0, level + " " + size));
    }
}
