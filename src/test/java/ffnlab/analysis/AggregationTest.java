package ffnlab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.results.TrialSchema.Column;
import ffnlab.results.TrialSchema.Metric;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class AggregationTest {

    /** Hand-built: width 4 has test m.s.e. 1, 2, 3 (and one diverged seed); width 16 has 10, 12; width 64 one seed. */
    static Table trials() {
        Table t = Table.create("hand-built",
                StringColumn.create(TrialTable.TRIAL_ID, "a", "b", "c", "d", "e", "f", "g"),
                StringColumn.create(TrialTable.CONFIGURATION, "model.hidden=4", "model.hidden=4", "model.hidden=4",
                        "model.hidden=4", "model.hidden=16", "model.hidden=16", "model.hidden=64"),
                IntColumn.create(TrialTable.CONFIG_INDEX, 0, 0, 0, 0, 1, 1, 2),
                LongColumn.create(TrialTable.SEED, 1, 2, 3, 4, 1, 2, 1),
                StringColumn.create(TrialTable.STATUS, "finished", "finished", "finished", "diverged", "finished",
                        "finished", "finished"),
                DoubleColumn.create("model.hidden", 4, 4, 4, 4, 16, 16, 64));
        for (Metric m : Metric.values()) {
            double[] v = switch (m) {
                case FINAL_TEST_MSE -> new double[] {1, 2, 3, Double.NaN, 10, 12, 0.5};
                case FINAL_TRAIN_MSE -> new double[] {1, 1, 1, Double.NaN, 2, Double.NaN, 3};
                case BEST_TEST_EPOCH -> new double[] {5, 6, 7, 1, 8, 8, 9};
                default -> new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
            };
            t.addColumns(DoubleColumn.create(m.key(), v));
        }
        return t;
    }

    @Test
    void meanStdAndStudentTIntervalPerConfiguration() {
        Table agg = Aggregation.perConfiguration(trials(), List.of("model.hidden"));
        assertEquals(List.of("model.hidden=4", "model.hidden=16", "model.hidden=64"),
                agg.stringColumn(TrialTable.CONFIGURATION).asList());
        assertEquals(List.of(3, 2, 1), agg.intColumn(Aggregation.N).asList());
        assertEquals(List.of(1, 0, 0), agg.intColumn(Aggregation.N_DIVERGED).asList());
        DoubleColumn mean = agg.doubleColumn("final_test_mse_mean");
        DoubleColumn std = agg.doubleColumn("final_test_mse_std");
        DoubleColumn ci = agg.doubleColumn("final_test_mse_ci95");
        assertEquals(2.0, mean.getDouble(0), 1e-12);
        assertEquals(1.0, std.getDouble(0), 1e-12);
        assertEquals(4.302652729911 / Math.sqrt(3), ci.getDouble(0), 1e-9);   // t_{0.975,2} = 4.3027
        assertEquals(11.0, mean.getDouble(1), 1e-12);
        assertEquals(Math.sqrt(2), std.getDouble(1), 1e-12);
        assertEquals(12.706204736 * Math.sqrt(2) / Math.sqrt(2), ci.getDouble(1), 1e-8); // t_{0.975,1} = 12.706
        assertEquals(0.5, mean.getDouble(2), 1e-12);
        assertTrue(Double.isNaN(std.getDouble(2)), "one seed has no standard deviation");
        assertTrue(Double.isNaN(ci.getDouble(2)), "one seed has no interval");
        // a NaN (missing) value is left out of n for that metric: width 16 has one train m.s.e.
        assertEquals(2.0, agg.doubleColumn("final_train_mse_mean").getDouble(1), 1e-12);
        assertTrue(Double.isNaN(agg.doubleColumn("final_train_mse_ci95").getDouble(1)));
        // metrics nobody measured are not columns; names are snake_case, never Tablesaw's "Mean [x]"
        assertFalse(agg.containsColumn("final_test_accuracy_mean"));
        assertTrue(Aggregation.names(agg).stream().allMatch(n -> n.matches("[a-z0-9_.]+")), Aggregation.names(agg).toString());
    }

    @Test
    void optimumAndOverlappingIntervals() {
        Table agg = Aggregation.perConfiguration(trials(), List.of("model.hidden"));
        Optimum o = Optimum.find(agg, ErrorMeasure.REGRESSION).orElseThrow();
        assertEquals("model.hidden=64", o.configuration());
        // width 4: [2 - 2.48, 2 + 2.48] contains 0.5; width 16: [11 - 12.7, ...] too
        assertEquals(List.of("model.hidden=4", "model.hidden=16"), o.indistinguishable());
        o.mark(agg);
        assertEquals(List.of("overlaps", "overlaps", "optimum"), agg.stringColumn(Optimum.VS_OPTIMUM).asList());
    }

    @Test
    void higherAccuracyIsTheOptimumForClassification() {
        Table t = Table.create("acc", StringColumn.create(TrialTable.CONFIGURATION, "b=16", "b=64"),
                DoubleColumn.create("final_test_accuracy_mean", 0.80, 0.85),
                DoubleColumn.create("final_test_accuracy_ci95", 0.01, 0.01));
        Optimum o = Optimum.find(t, ErrorMeasure.CLASSIFICATION).orElseThrow();
        assertEquals("b=64", o.configuration());
        assertTrue(o.indistinguishable().isEmpty());
    }

    @Test
    void curvesAverageOverSeedsPerEpoch() {
        Table epochs = Table.create("e",
                StringColumn.create(TrialTable.CONFIGURATION, "x", "x", "x", "x", "y", "y"),
                IntColumn.create(TrialTable.CONFIG_INDEX, 0, 0, 0, 0, 1, 1),
                IntColumn.create(Column.EPOCH.key(), 1, 2, 1, 2, 1, 2),
                DoubleColumn.create(Column.TEST_MSE.key(), 4, 2, 6, 4, 1, 1));
        Table c = Aggregation.curves(epochs, List.of(Column.TEST_MSE.key()));
        assertEquals(List.of("x", "x", "y", "y"), c.stringColumn(TrialTable.CONFIGURATION).asList());
        assertEquals(List.of(1, 2, 1, 2), c.intColumn(Column.EPOCH.key()).asList());
        assertEquals(List.of(2, 2, 1, 1), c.intColumn(Aggregation.N).asList());
        assertEquals(5.0, c.doubleColumn("test_mse_mean").getDouble(0), 1e-12);
        assertEquals(Math.sqrt(2), c.doubleColumn("test_mse_std").getDouble(0), 1e-12);
        assertEquals(12.706204736, c.doubleColumn("test_mse_ci95").getDouble(0), 1e-8);
        assertTrue(Double.isNaN(c.doubleColumn("test_mse_ci95").getDouble(2)));
    }

    @Test
    void tQuantilesMatchTheTable() {
        assertEquals(2.262157, ConfidenceInterval.tQuantile975(10), 1e-6);
        assertEquals(1.959964, ConfidenceInterval.tQuantile975(1_000_000), 1e-4);
        assertTrue(Double.isNaN(ConfidenceInterval.tQuantile975(1)));
    }
}
