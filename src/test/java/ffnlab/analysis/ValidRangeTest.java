package ffnlab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.results.TrialSchema.Column;
import ffnlab.results.TrialSchema.Metric;
import org.junit.jupiter.api.Test;

class ValidRangeTest {
    @Test
    void accuraciesAreFractionsAndErrorsAndTimesAreNeverNegative() {
        assertEquals(ValidRange.FRACTION, ValidRange.of(Metric.FINAL_TEST_ACCURACY));
        assertEquals(ValidRange.FRACTION, ValidRange.of(Column.TEST_ACCURACY));
        assertEquals(ValidRange.NON_NEGATIVE, ValidRange.of(Metric.FINAL_TEST_MSE));
        assertEquals(ValidRange.NON_NEGATIVE, ValidRange.of(Metric.MEAN_UPDATE_TIME_US));
        assertEquals(ValidRange.NON_NEGATIVE, ValidRange.of(Column.TRAIN_LOSS));
    }

    @Test
    void anIntervalIsClippedAtEachEndOnItsOwn() {
        // depth 5 with one collapsed seed: 0.5 +- 1.05 must not reach a negative m.s.e.
        ValidRange mse = ValidRange.of(Metric.FINAL_TEST_MSE);
        assertEquals(0, mse.lower(0.5, 1.05));
        assertEquals(1.55, mse.upper(0.5, 1.05), 1e-12, "clipping the lower end leaves the upper end where it is");
        ValidRange accuracy = ValidRange.of(Metric.FINAL_TEST_ACCURACY);
        assertEquals(0, accuracy.lower(0.75, 2.75));
        assertEquals(1, accuracy.upper(0.75, 2.75));
        assertEquals(0.7, accuracy.lower(0.75, 0.05), 1e-12);
    }

    @Test
    void oneSeedHasNoIntervalOnlyItsValue() {
        ValidRange mse = ValidRange.NON_NEGATIVE;
        assertEquals(0.3, mse.lower(0.3, Double.NaN));
        assertEquals(0.3, mse.upper(0.3, Double.NaN));
        assertTrue(Double.isNaN(mse.clip(Double.NaN)));
    }
}
