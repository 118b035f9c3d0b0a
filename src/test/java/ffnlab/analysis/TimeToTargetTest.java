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
    void measurementsBetweenBatchesNarrowTheRangeToTheProbeBeforeTheReachingOne() {
        // probes every 30 updates (epoch 1: 30, 60, 90; epoch 2: 120, 150, 180); epoch ends at 94 and 188
        int[] epochs = {1, 1, 1, 2, 2, 2};
        long[] updates = {30, 60, 90, 120, 150, 180};
        double[] accuracy = {0.40, 0.62, 0.68, 0.69, 0.71, 0.75};
        double[] atEpochEnd = {0.69, 0.76, 0.8, 0.8, 0.8};
        TimeToTarget t = TimeToTarget.of(EPOCHS, UPDATES, atEpochEnd, epochs, updates, accuracy, 1000, 0.70).orElseThrow();
        assertEquals(2, t.epoch());
        assertEquals(150, t.updates(), "the probe at 150 updates is the first measurement at or above 0.70");
        assertEquals(0.150, t.seconds(), 1e-12);
        assertEquals(0.120, t.secondsBefore(), 1e-12, "the measurement before it: the probe at 120 updates");
    }

    @Test
    void anEpochEndBetweenProbesIsAMeasurementToo() {
        // epoch 1 ends at 94 updates with 0.71: reached there; the probe before it was at 90
        TimeToTarget t = TimeToTarget.of(EPOCHS, UPDATES, new double[] {0.71, 0.8, 0.8, 0.8, 0.8},
                new int[] {1, 1, 1, 2}, new long[] {30, 60, 90, 120}, new double[] {0.3, 0.5, 0.69, 0.9}, 1000, 0.70).orElseThrow();
        assertEquals(1, t.epoch());
        assertEquals(94, t.updates());
        assertEquals(0.090, t.secondsBefore(), 1e-12);
        TimeToTarget first = TimeToTarget.of(EPOCHS, UPDATES, new double[] {0.71, 0.8, 0.8, 0.8, 0.8},
                new int[] {1}, new long[] {30}, new double[] {0.75}, 1000, 0.70).orElseThrow();
        assertEquals(30, first.updates(), "the first probe reached it");
        assertEquals(0, first.secondsBefore(), "nothing measured before the first probe");
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
