package ffnlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.analysis.Aggregation;
import ffnlab.analysis.TimeToTarget;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class BatchSizeClaimTest {
    private static final String B = "training.batch_size";

    /** Per-configuration times at B = 1, 16, 256, 1024: update times always grow with B, epoch times as given. */
    private static Table times(double[] epochMean, double[] epochHalf) {
        return Table.create("agg", StringColumn.create("configuration", "B=1", "B=16", "B=256", "B=1024"),
                DoubleColumn.create(B, 1, 16, 256, 1024),
                DoubleColumn.create("mean_epoch_time_s_mean", epochMean),
                DoubleColumn.create("mean_epoch_time_s_ci95", epochHalf),
                DoubleColumn.create("mean_update_time_us_mean", 180, 480, 6300, 27000),
                DoubleColumn.create("mean_update_time_us_ci95", 5, 10, 100, 400));
    }

    @Test
    void anInteriorEpochTimeMinimumClearOfBothEndsIsShown() {
        Verdict v = BatchSizeClaim.verdict(times(new double[] {11.2, 1.8, 1.47, 1.64}, new double[] {0.3, 0.05, 0.03, 0.04}), B, Optional.empty());
        assertEquals(Verdict.Outcome.AGREES, v.outcome(), v.sentence());
        assertTrue(v.sentence().startsWith("Shown: the time per epoch is lowest at training.batch_size = 256"), v.sentence());
        assertTrue(v.sentence().contains("Not shown by the other curve: the time per weight update is lowest at "
                + "training.batch_size = 1"), v.sentence());
    }

    @Test
    void anEpochTimeStillFallingAtTheLargestBatchIsNotShownAndSaysWhere() {
        Verdict v = BatchSizeClaim.verdict(times(new double[] {11.2, 1.8, 1.47, 1.30}, new double[] {0.3, 0.05, 0.03, 0.04}), B, Optional.empty());
        assertEquals(Verdict.Outcome.DIFFERS, v.outcome(), v.sentence());
        assertTrue(v.sentence().startsWith("Not shown in this sweep: the time per epoch is lowest at training.batch_size = 1024"),
                v.sentence());
        assertTrue(v.sentence().contains("the largest batch size swept"), v.sentence());
    }

    @Test
    void anInteriorMinimumThatAnEndOverlapsIsInconclusive() {
        Verdict v = BatchSizeClaim.verdict(times(new double[] {11.2, 1.8, 1.47, 1.52}, new double[] {0.3, 0.05, 0.03, 0.04}), B, Optional.empty());
        assertEquals(Verdict.Outcome.INCONCLUSIVE, v.outcome(), v.sentence());
        assertTrue(v.sentence().contains("the seeds do not establish the U"), v.sentence());
    }

    @Test
    void aTimeToTargetWithAnInteriorMinimumShowsTheUWhereTheEpochTimeKeepsFalling() {
        Table agg = times(new double[] {11.2, 1.8, 1.47, 1.30}, new double[] {0.3, 0.05, 0.03, 0.04});
        Table withTarget = agg.copy().addColumns(
                DoubleColumn.create("time_to_target_s_mean", 4.1, 1.2, 8.0, 31.0),
                DoubleColumn.create("time_to_target_s_ci95", 0.4, 0.2, 1.0, 3.0),
                DoubleColumn.create("time_before_target_s_mean", 3.2, 0.9, 7.5, 30.0),
                DoubleColumn.create("time_before_target_s_ci95", 0.3, 0.1, 0.8, 2.0));
        Verdict v = BatchSizeClaim.verdict(agg, B, Optional.of(new TimeToTarget.Sweep(0.7, Table.create("trials"), withTarget)));
        assertEquals(Verdict.Outcome.AGREES, v.outcome(), v.sentence());
        assertTrue(v.sentence().startsWith("Shown: the time to test accuracy 0.7 is lowest at training.batch_size = 16"), v.sentence());
        assertTrue(v.sentence().contains("the 95% CIs at 1 and 1024 (of the least time each could have taken) lie wholly above it"),
                v.sentence());
        assertTrue(v.sentence().contains("Not shown by the other curves: the time per epoch is lowest at training.batch_size = 1024"),
                v.sentence());
    }

    @Test
    void anEndThatReachedTheTargetInItsFirstEpochCannotEstablishTheU() {
        Table agg = times(new double[] {11.2, 1.8, 1.47, 1.30}, new double[] {0.3, 0.05, 0.03, 0.04});
        Table withTarget = agg.copy().addColumns(
                DoubleColumn.create("time_to_target_s_mean", 4.1, 1.2, 8.0, 31.0),
                DoubleColumn.create("time_to_target_s_ci95", 0.4, 0.2, 1.0, 3.0),
                DoubleColumn.create("time_before_target_s_mean", 0.0, 0.9, 7.5, 30.0),
                DoubleColumn.create("time_before_target_s_ci95", 0.0, 0.1, 0.8, 2.0),
                DoubleColumn.create("updates_to_target_mean", 6000, 1500, 1000, 840),
                DoubleColumn.create("updates_to_target_ci95", 0, 0, 50, 30),
                IntColumn.create("n_reached", 3, 3, 3, 3), IntColumn.create(Aggregation.N, 3, 3, 3, 3));
        TimeToTarget.Sweep sweep = new TimeToTarget.Sweep(0.7, Table.create("trials"), withTarget);
        Verdict v = BatchSizeClaim.verdict(agg, B, Optional.of(sweep));
        assertEquals(Verdict.Outcome.INCONCLUSIVE, v.outcome(), v.sentence());
        assertTrue(v.sentence().contains("the time to test accuracy 0.7 is lowest at training.batch_size = 16"), v.sentence());
        assertTrue(BatchSizeClaim.timeToTarget(sweep, B, true).contains("Test accuracy is measured after each epoch (and every "
                + "training.eval_every updates when set), so each time to target is the top of a range that starts at the "
                + "measurement before the one that reached it; training.batch_size = 1 reached it at its first measurement, so its time could be anything up to its value and cannot lie above the "
                + "minimum."), BatchSizeClaim.timeToTarget(sweep, B, true).toString());
    }

    @Test
    void aTimeToTargetMinimumAtTheLargestReachedBatchSizeSaysMeasuredNotSwept() {
        Table agg = times(new double[] {11.2, 1.8, 1.47, 1.30}, new double[] {0.3, 0.05, 0.03, 0.04});
        double nan = Double.NaN;
        Table withTarget = agg.copy().addColumns(
                DoubleColumn.create("time_to_target_s_mean", 4.1, 1.2, 0.7, nan),
                DoubleColumn.create("time_to_target_s_ci95", 0.4, 0.2, 0.1, nan),
                DoubleColumn.create("time_before_target_s_mean", 3.0, 1.0, 0.6, nan),
                DoubleColumn.create("time_before_target_s_ci95", 0.3, 0.1, 0.1, nan));
        Verdict v = BatchSizeClaim.verdict(agg, B, Optional.of(new TimeToTarget.Sweep(0.7, Table.create("trials"), withTarget)));
        assertEquals(Verdict.Outcome.DIFFERS, v.outcome(), v.sentence());
        assertTrue(v.sentence().contains("the time to test accuracy 0.7 is lowest at training.batch_size = 256 (0.70 ± 0.10 s)"), v.sentence());
        assertTrue(v.sentence().contains("the largest batch size measured: no interior minimum between 1 and 256"), v.sentence());
    }

    @Test
    void oneSeedPerBatchSizeIsNotAssessed() {
        double nan = Double.NaN;
        Table t = times(new double[] {11.2, 1.8, 1.47, 1.64}, new double[] {nan, nan, nan, nan});
        t.replaceColumn("mean_update_time_us_ci95", DoubleColumn.create("mean_update_time_us_ci95", nan, nan, nan, nan));
        Verdict v = BatchSizeClaim.verdict(t, B, Optional.empty());
        assertEquals(Verdict.Outcome.NOT_ASSESSED, v.outcome(), v.sentence());
    }
}
