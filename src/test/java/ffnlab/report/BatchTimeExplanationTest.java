package ffnlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BatchTimeExplanationTest {
    @Test
    void anUpdatesGemmFlopsAreForwardWeightGradientAndBackPropagatedGradient() {
        // [784, 512, 512, 10]: forward 2 (784*512 + 512*512 + 512*10) = 1,337,344; weight gradients the same;
        // back-propagated gradients into layers 1 and 2 only: 2 (512*512 + 512*10) = 534,528
        assertEquals(1_337_344 + 1_337_344 + 534_528, BatchTimeExplanation.flopsPerPattern(new int[] {784, 512, 512, 10}));
        assertEquals(2 * 2 * 3 * 2, BatchTimeExplanation.flopsPerPattern(new int[] {3, 2}), "one layer: nothing to back-propagate into");
    }

    @Test
    void theRateIsPatternsTimesFlopsOverTheEpochsSeconds() {
        assertEquals(6000.0 * 3_209_216 / 0.5 / 1e9, BatchTimeExplanation.gflops(6000, 3_209_216, 0.5), 1e-12);
    }

    @Test
    void sizesReadInBinaryUnits() {
        assertEquals("48 KiB", BatchTimeExplanation.size(49152));
        assertEquals("2.6 MiB", BatchTimeExplanation.size(4 * 668672));
    }
}
