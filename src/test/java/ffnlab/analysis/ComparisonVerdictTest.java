package ffnlab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ffnlab.analysis.Comparison.Verdict;
import org.junit.jupiter.api.Test;

class ComparisonVerdictTest {
    private static final double[] LOW = {1.0, 1.1, 0.9};
    private static final double[] HIGH = {2.0, 2.1, 1.9};

    @Test
    void aLowerErrorIsBetterAndAHigherAccuracyIsBetter() {
        assertEquals(Verdict.BETTER, Comparison.verdict(WelchInterval.of(HIGH, LOW), ErrorMeasure.REGRESSION));
        assertEquals(Verdict.WORSE, Comparison.verdict(WelchInterval.of(LOW, HIGH), ErrorMeasure.REGRESSION));
        assertEquals(Verdict.BETTER, Comparison.verdict(WelchInterval.of(LOW, HIGH), ErrorMeasure.CLASSIFICATION));
        assertEquals(Verdict.WORSE, Comparison.verdict(WelchInterval.of(HIGH, LOW), ErrorMeasure.CLASSIFICATION));
    }

    @Test
    void anIntervalContainingZeroIsIndistinguishableAndOneSeedIsNotAssessed() {
        assertEquals(Verdict.INDISTINGUISHABLE, Comparison.verdict(WelchInterval.of(new double[] {1, 2, 3, 4}, new double[] {2, 4, 6}),
                ErrorMeasure.REGRESSION));
        assertEquals(Verdict.NOT_ASSESSED, Comparison.verdict(WelchInterval.of(new double[] {1}, HIGH), ErrorMeasure.REGRESSION));
        assertEquals("not assessed", Verdict.NOT_ASSESSED.word());
    }
}
