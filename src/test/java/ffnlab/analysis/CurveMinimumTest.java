package ffnlab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CurveMinimumTest {
    private static final double[] B = {1, 4, 16, 64, 256, 1024};
    private static final double NAN = Double.NaN;

    @Test
    void anInteriorMinimumWhoseIntervalLiesBelowBothEndsIsAShownU() {
        double[] seconds = {11.2, 4.0, 1.8, 1.5, 1.47, 1.64};
        double[] half = {0.3, 0.1, 0.05, 0.04, 0.03, 0.05};
        CurveMinimum m = CurveMinimum.of(B, seconds, half).orElseThrow();
        assertEquals(4, m.row());
        assertEquals(256, m.x());
        assertEquals(1.47, m.mean());
        assertTrue(m.interior());
        assertTrue(m.separated());
        assertTrue(m.uShown());
    }

    @Test
    void aRangedValueLiesAboveTheMinimumOnlyWhenItsLowerBoundDoes() {
        double[] top = {6.6, 2.1, 2.3, 5.9, 19.5, 123};
        double[] half = {0.3, 0.1, 0.1, 0.5, 1.0, 5.0};
        double[] exact = CurveMinimum.of(B, top, half).orElseThrow().separated() ? top : null;
        assertTrue(exact != null, "measured exactly, both ends lie above the minimum at B = 4");
        double[] lowerFromTheFirstEpoch = {0, 0, 1.5, 5.2, 19.0, 122};
        CurveMinimum m = CurveMinimum.of(B, top, half, lowerFromTheFirstEpoch, new double[6]).orElseThrow();
        assertEquals(4, m.x(), "the minimum is still placed by the ranges' tops");
        assertFalse(m.separated(), "B = 1 could have taken no time at all");
        double[] lowerAbove = {3.0, 0, 1.5, 5.2, 19.0, 122};
        assertTrue(CurveMinimum.of(B, top, half, lowerAbove, new double[6]).orElseThrow().uShown(), "3.0 > 2.1 + 0.1");
    }

    @Test
    void anInteriorMinimumThatAnEndsIntervalOverlapsIsNotShown() {
        double[] seconds = {11.2, 4.0, 1.8, 1.5, 1.47, 1.52};
        double[] half = {0.3, 0.1, 0.05, 0.04, 0.03, 0.05};
        CurveMinimum m = CurveMinimum.of(B, seconds, half).orElseThrow();
        assertTrue(m.interior());
        assertFalse(m.separated(), "1.52 - 0.05 < 1.47 + 0.03");
        assertFalse(m.uShown());
    }

    @Test
    void aMinimumAtTheLargestBatchIsNoU() {
        double[] seconds = {11.2, 4.0, 1.8, 1.6, 1.5, 1.3};
        double[] half = {0.3, 0.1, 0.05, 0.04, 0.03, 0.05};
        CurveMinimum m = CurveMinimum.of(B, seconds, half).orElseThrow();
        assertEquals(5, m.row());
        assertFalse(m.interior());
        assertTrue(m.separated(), "every other interval lies above it: the curve falls over the whole sweep");
        assertFalse(m.uShown());
    }

    @Test
    void pointsWithoutAMeanTakeNoPartAndTheirNeighbourBecomesTheEnd() {
        // the target was not reached at 256 and 1024: 64 is the largest x with a mean, so its minimum is an end
        double[] seconds = {3.0, 2.0, 1.0, 0.9, NAN, NAN};
        double[] half = {0.1, 0.1, 0.05, 0.05, NAN, NAN};
        CurveMinimum m = CurveMinimum.of(B, seconds, half).orElseThrow();
        assertEquals(3, m.row());
        assertEquals(3, m.last());
        assertFalse(m.interior());
    }

    @Test
    void oneSeedGivesNoIntervalsAndSeparatesNothing() {
        double[] seconds = {11.2, 4.0, 1.8, 1.5, 1.47, 1.64};
        double[] half = {NAN, NAN, NAN, NAN, NAN, NAN};
        CurveMinimum m = CurveMinimum.of(B, seconds, half).orElseThrow();
        assertTrue(m.interior());
        assertFalse(m.intervals());
        assertFalse(m.separated());
    }

    @Test
    void noMeanAtAllHasNoMinimum() {
        assertTrue(CurveMinimum.of(B, new double[] {NAN, NAN, NAN, NAN, NAN, NAN}, new double[6]).isEmpty());
    }
}
