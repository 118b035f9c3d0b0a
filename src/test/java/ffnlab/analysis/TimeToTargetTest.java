package ffnlab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.results.TrialSchema.Metric;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class TimeToTargetTest {
    private static final int[] EPOCHS = {1, 2, 3, 4, 5};
    private static final long[] UPDATES = {94, 94, 94, 94, 94};

    @Test
    void theFirstEpochWhoseTestAccuracyReachesTheTargetCountsItsUpdatesAndTheirSteadyTime() {
        // reaches 0.70 at epoch 3 (exactly), dips below it at epoch 4: the first epoch counts
        double[] accuracy = {0.55, 0.66, 0.70, 0.69, 0.74};
        TimeToTarget t = TimeToTarget.of(EPOCHS, UPDATES, accuracy, 2500, 0.70).orElseThrow();
        assertEquals(3, t.epoch());
        assertEquals(3 * 94, t.updates());
        assertEquals(3 * 94 * 2500e-6, t.seconds(), 1e-12);
        assertEquals(2 * 94 * 2500e-6, t.secondsBefore(), 1e-12, "reached after epoch 2's updates, at most epoch 3's");
    }

    @Test
    void reachedInTheFirstEpochCountsOneEpochsUpdates() {
        TimeToTarget t = TimeToTarget.of(EPOCHS, UPDATES, new double[] {0.9, 0.9, 0.9, 0.9, 0.9}, 100, 0.70).orElseThrow();
        assertEquals(1, t.epoch());
        assertEquals(94, t.updates());
        assertEquals(0, t.secondsBefore(), "within the first epoch: anything from no update on");
    }

    @Test
    void neverReachedHasNoTimeRatherThanZeroOrInfinity() {
        Optional<TimeToTarget> t = TimeToTarget.of(EPOCHS, UPDATES, new double[] {0.5, 0.6, 0.65, 0.69, 0.699}, 2500, 0.70);
        assertTrue(t.isEmpty());
    }

    @Test
    void aNaNAccuracyNeverReachesTheTarget() {
        assertTrue(TimeToTarget.of(new int[] {1}, new long[] {10}, new double[] {Double.NaN}, 1, 0.1).isEmpty());
    }

    @Test
    void aConfigurationHasAMeanOnlyWhenEverySeedReachedTheTarget(@TempDir Path root) {
        // the fixture's test accuracy is 0.88 - 0.3 exp(-e B / 200) - 0.02 ln(B / 16) + [0, 0.005): with target 0.80,
        // B = 16 never reaches it (at most 0.70 by epoch 6), B = 64 first at epoch 6 (0.792.. at 5, 0.808.. at 6),
        // B = 256 at epoch 2 (0.741.. at 1, 0.801.. at 2); an epoch makes 60000 / B updates
        ExperimentResults results = ExperimentResults.load(ResultsFixture.batchSweep(root));
        Table aggregate = Aggregation.perConfiguration(results);
        TimeToTarget.Sweep sweep = TimeToTarget.Sweep.of(results, aggregate, 0.80);
        Table t = sweep.perConfiguration();
        assertEquals(3, t.rowCount());
        assertEquals("0 of 2", sweep.reachedOf(0));
        assertTrue(Double.isNaN(t.doubleColumn(TimeToTarget.UPDATES_TO_TARGET + Aggregation.MEAN).getDouble(0)));
        assertTrue(Double.isNaN(t.doubleColumn(TimeToTarget.TIME_TO_TARGET_S + Aggregation.MEAN).getDouble(0)));
        assertEquals("2 of 2", sweep.reachedOf(1));
        assertEquals(6 * (60000 / 64), t.doubleColumn(TimeToTarget.UPDATES_TO_TARGET + Aggregation.MEAN).getDouble(1), 1e-9);
        assertEquals(0, t.doubleColumn(TimeToTarget.UPDATES_TO_TARGET + Aggregation.CI95).getDouble(1), 1e-9);
        assertEquals(2 * (60000 / 256), t.doubleColumn(TimeToTarget.UPDATES_TO_TARGET + Aggregation.MEAN).getDouble(2), 1e-9);
        double seconds = results.trials().stream().filter(x -> x.configuration().equals(t.stringColumn(TrialTable.CONFIGURATION).get(2)))
                .mapToDouble(x -> 2 * (60000 / 256) * x.summaryValue(Metric.MEAN_UPDATE_TIME_US) * 1e-6).average().orElseThrow();
        assertEquals(seconds, t.doubleColumn(TimeToTarget.TIME_TO_TARGET_S + Aggregation.MEAN).getDouble(2), 1e-12);
        assertTrue(aggregate.columnCount() < t.columnCount(), "the aggregate given is copied, not changed");
    }
}
