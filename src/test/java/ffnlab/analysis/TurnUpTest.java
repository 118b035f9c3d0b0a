package ffnlab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TurnUpTest {
    private static final double[] WIDTHS = {1, 4, 16, 64, 256};

    /** Five seeds around {@code mean}: mean - 2s, mean - s, mean, mean + s, mean + 2s (sample deviation s sqrt(2.5)). */
    private static double[] seeds(double mean, double s) {
        return new double[] {mean - 2 * s, mean - s, mean, mean + s, mean + 2 * s};
    }

    @Test
    void aRiseWhoseIntervalLiesAboveZeroIsShown() {
        double[][] errors = {seeds(0.40, 0.002), seeds(0.32, 0.002), seeds(0.28, 0.002), seeds(0.29, 0.002), seeds(0.31, 0.002)};
        TurnUp t = TurnUp.of(WIDTHS, errors);
        assertEquals(TurnUp.Outcome.RISES, t.outcome());
        assertEquals(2, t.optimumRow());
        assertEquals(4, t.endRow());
        assertEquals(0.03, t.difference().difference(), 1e-12);
        // equal spreads of 5 seeds: se = sqrt(2 * 2.5 * 0.002^2 / 5) = 0.002, df = 8, t_{0.975, 8} = 2.306004
        assertEquals(0.03 - 2.306004 * 0.002, t.difference().low(), 1e-6);
        assertEquals(0.03 + 2.306004 * 0.002, t.difference().high(), 1e-6);
    }

    @Test
    void aMinimumAtTheLargestSweptValueIsNoRise() {
        double[][] errors = {seeds(0.40, 0.002), seeds(0.32, 0.002), seeds(0.30, 0.002), seeds(0.29, 0.002), seeds(0.288, 0.002)};
        TurnUp t = TurnUp.of(WIDTHS, errors);
        assertEquals(TurnUp.Outcome.NO_RISE, t.outcome());
        assertEquals(4, t.optimumRow());
        assertFalse(t.difference().assessed());
    }

    @Test
    void aRiseWithinTheSeedsNoiseIsInconclusive() {
        // 0.285 vs 0.28 with a deviation of 0.02 each: the interval of the difference straddles 0
        double[][] errors = {seeds(0.40, 0.02), seeds(0.32, 0.02), seeds(0.28, 0.02), seeds(0.283, 0.02), seeds(0.285, 0.02)};
        TurnUp t = TurnUp.of(WIDTHS, errors);
        assertEquals(TurnUp.Outcome.INCONCLUSIVE, t.outcome());
        assertTrue(t.difference().low() < 0 && t.difference().high() > 0);
    }

    @Test
    void theEndIsTheLargestSweptValueWhateverTheRowOrder() {
        double[] x = {256, 1, 64, 16};
        double[][] errors = {seeds(0.35, 0.002), seeds(0.40, 0.002), seeds(0.28, 0.002), seeds(0.30, 0.002)};
        TurnUp t = TurnUp.of(x, errors);
        assertEquals(TurnUp.Outcome.RISES, t.outcome());
        assertEquals(2, t.optimumRow());
        assertEquals(0, t.endRow());
    }

    @Test
    void oneSeedOrOneSweptValueIsNotAssessed() {
        double[][] oneSeed = {{0.40}, {0.32}, {0.28}, {0.29}, {0.31}};
        assertEquals(TurnUp.Outcome.NOT_ASSESSED, TurnUp.of(WIDTHS, oneSeed).outcome());
        double[][] oneValue = {{}, {}, seeds(0.28, 0.002), {}, {}};
        assertEquals(TurnUp.Outcome.NOT_ASSESSED, TurnUp.of(WIDTHS, oneValue).outcome());
    }

    @Test
    void sweptValuesWithoutResultsAreLeftOut() {
        // every seed of 256 diverged: the end is 64, where the error is lowest
        double[][] errors = {seeds(0.40, 0.002), seeds(0.32, 0.002), seeds(0.30, 0.002), seeds(0.28, 0.002), {}};
        TurnUp t = TurnUp.of(WIDTHS, errors);
        assertEquals(TurnUp.Outcome.NO_RISE, t.outcome());
        assertEquals(3, t.endRow());
    }

    @Test
    void mismatchedLengthsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> TurnUp.of(new double[] {1, 2}, new double[][] {{0.1}}));
    }
}
