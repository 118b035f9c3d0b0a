package ffnlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepStyleTest {
    private static double luminance(Color c) {
        return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
    }

    @Test
    void orderedValuesGetColoursOfRisingLightnessSoTheEndsDiffer() {
        int n = 18;
        for (int i = 1; i < n; i++) {
            assertTrue(luminance(SweepStyle.sequential(i, n)) > luminance(SweepStyle.sequential(i - 1, n)),
                    "value " + i + " is lighter than value " + (i - 1));
        }
        assertEquals(new Color(68, 1, 84), SweepStyle.sequential(0, 9));
        assertEquals(new Color(189, 223, 38), SweepStyle.sequential(8, 9));
        assertEquals(new Color(68, 1, 84), SweepStyle.sequential(0, 1));
        assertThrows(IllegalArgumentException.class, () -> SweepStyle.sequential(3, 3));
    }

    @Test
    void theSecondKeyGetsDistinctMarkersAndDashes() {
        assertNotEquals(SweepStyle.marker(0), SweepStyle.marker(1));
        assertNull(SweepStyle.line(0, 2f).getDashArray(), "the first value is solid");
        assertNotEquals(null, SweepStyle.line(1, 2f).getDashArray());
        assertEquals("training.lr=0.05, model.hidden=64", SweepStyle.legend(List.of("training.lr", "model.hidden"), List.of("0.05", "64")));
    }
}
