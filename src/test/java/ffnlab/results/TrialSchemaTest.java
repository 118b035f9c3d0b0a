package ffnlab.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.train.EpochRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrialSchemaTest {
    /** Five epochs; the test m.s.e. (or accuracy) and losses differ per epoch so the picked epoch is visible. */
    private static List<EpochRecord> epochs(boolean classification) {
        double[] test = classification ? new double[] {0.5, 0.8, 0.7, 0.9, 0.6} : new double[] {0.9, 0.3, 0.4, 0.2, 0.5};
        List<EpochRecord> records = new ArrayList<>();
        for (int e = 1; e <= 5; e++) {
            double t = test[e - 1];
            records.add(new EpochRecord(e, 10.0 / e, classification ? Double.NaN : 1.0 / e, classification ? Double.NaN : t,
                    classification ? 0.1 * e : Double.NaN, classification ? t : Double.NaN, 20.0 / e, 0.5, 4, 0.125));
        }
        return records;
    }

    @Test
    void everyFinalMetricIsOfTheFinalEpochNamedInTheSummary() {
        Map<String, Object> s = TrialSchema.summary(epochs(false), 2, 0, false, mse -> 4 * mse, 1.0, "ab");
        assertEquals(2, s.get("final_epoch"));
        assertEquals(5, s.get("epochs_run"));
        assertEquals(5.0, s.get("final_train_loss"));
        assertEquals(10.0, s.get("final_test_loss"));
        assertEquals(0.5, s.get("final_train_mse"));
        assertEquals(0.3, s.get("final_test_mse"));
        assertEquals(1.2, s.get("final_test_mse_orig"));
    }

    @Test
    void bestTestMetricsAreNamedByWhatTheyMeasure() {
        Map<String, Object> regression = TrialSchema.summary(epochs(false), 5, 0, false, mse -> mse, 1.0, "ab");
        assertEquals(0.2, regression.get("best_test_mse"), "lowest m.s.e.");
        assertEquals(4, regression.get("best_test_epoch"));
        assertTrue(Double.isNaN((Double) regression.get("best_test_accuracy")));
        Map<String, Object> classification = TrialSchema.summary(epochs(true), 5, 0, true, mse -> mse, 1.0, "ab");
        assertEquals(0.9, classification.get("best_test_accuracy"), "highest accuracy");
        assertEquals(4, classification.get("best_test_epoch"));
        assertTrue(Double.isNaN((Double) classification.get("best_test_mse")));
        assertTrue(!classification.containsKey("best_test_error") && !classification.containsKey("best_epoch"));
    }

    @Test
    void theFinalEpochMustBeOneThatRan() {
        assertThrows(IllegalArgumentException.class, () -> TrialSchema.summary(epochs(false), 6, 0, false, mse -> mse, 1.0, "ab"));
        assertTrue(Double.isNaN((Double) TrialSchema.summary(List.of(), 0, 0, false, mse -> mse, 1.0, "ab").get("final_train_loss")));
    }
}
