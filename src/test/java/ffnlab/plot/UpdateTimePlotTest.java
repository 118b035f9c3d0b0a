package ffnlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class UpdateTimePlotTest {
    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    static Table perConfiguration() {
        return Table.create("agg", StringColumn.create("configuration", "B=16", "B=64", "B=256"),
                DoubleColumn.create("training.batch_size", 16, 64, 256), IntColumn.create("n", 2, 2, 2),
                IntColumn.create("n_diverged", 0, 0, 0),
                DoubleColumn.create("mean_update_time_us_mean", 30000, 12000, 25000),
                DoubleColumn.create("mean_update_time_us_ci95", 40000, 300, 500),
                DoubleColumn.create("mean_epoch_time_s_mean", 1.2, 0.2, 0.1),
                DoubleColumn.create("mean_epoch_time_s_ci95", 0.01, 0.01, 0.01));
    }

    static Table trials() {
        return Table.create("trials", StringColumn.create("trial_id", "t1", "t2", "t3", "t4", "t5", "t6"),
                StringColumn.create("configuration", "B=16", "B=16", "B=64", "B=64", "B=256", "B=256"),
                LongColumn.create("seed", 1, 2, 1, 2, 1, 2),
                StringColumn.create("status", "finished", "finished", "finished", "finished", "finished", "finished"),
                DoubleColumn.create("mean_update_time_us", 27000, 33000, 11900, 12100, 24900, 25100),
                DoubleColumn.create("mean_epoch_time_s", 1.19, 1.21, 0.19, 0.21, 0.09, 0.11));
    }

    @Test
    void anIntervalReachingZeroKeepsItsUpperEndAndIsNamed() throws IOException {
        AnnotatedChart drawn = UpdateTimePlot.build(perConfiguration(), trials(), "training.batch_size");
        XYChart chart = (XYChart) drawn.chart();
        double[] bars = chart.getSeries("time per weight update (µs) 95% CI").getYData();
        assertEquals(70000, bars[1], 1e-9, "the upper end is mean + half-width, not shortened with the lower");
        assertTrue(bars[0] > 0, "the lower end lies on the log axis' bottom edge");
        assertTrue(drawn.notes().getFirst().contains("B=16"), drawn.notes().toString());
        assertEquals(1, drawn.notes().size());
        PlotsTest.rendersHeadless(chart);
    }

    @Test
    void seedsAreDrawnWithHoverTextAndTicksAreTheBatchSizesInPlainNumbers() {
        XYChart chart = (XYChart) UpdateTimePlot.build(perConfiguration(), trials(), "training.batch_size").chart();
        assertEquals("B=64, seed 2: time per weight update 12100 µs, trial t4",
                PointTips.of(chart.getSeries("seed 2")).orElseThrow()[1]);
        assertEquals(1, chart.getSeries("time per epoch seed 1").getYAxisGroup());
        assertEquals("64", chart.getStyler().getXAxisTickLabelsFormattingFunction().apply(1.0));
        var label = chart.getStyler().getYAxisTickLabelsFormattingFunction();
        assertEquals(java.util.List.of("10000", "20000", " ", " ", "50000", " ", "0.1", "0.02", "1"),
                java.util.stream.DoubleStream.of(1e4, 2e4, 3e4, 4e4, 5e4, 7e-2, 0.1, 0.02, 1).mapToObj(label::apply).toList(),
                "plain numbers at 1, 2, 5 times a power of ten only");
        assertTrue(chart.getXAxisTitle().endsWith("(patterns)"));
        assertTrue(PointTips.of(chart.getSeries("time per weight update (µs)")).orElseThrow()[1]
                .endsWith("mean of 2 seeds, 95% CI [11700, 12300]"));
    }

    @Test
    void aBatchSizeMustBeNumeric() {
        Table t = perConfiguration();
        t.replaceColumn("training.batch_size", StringColumn.create("training.batch_size", "a", "b", "c"));
        assertThrows(IllegalArgumentException.class, () -> UpdateTimePlot.build(t, trials(), "training.batch_size"));
    }

    @Test
    void aDiamondMarksTheLowestMeanTimePerEpoch() {
        XYChart chart = (XYChart) UpdateTimePlot.build(perConfiguration(), trials(), "training.batch_size").chart();
        var lowest = chart.getSeries("lowest time per epoch (256)");
        assertEquals(0.1, lowest.getYData()[0]);
        assertEquals(1, lowest.getYAxisGroup());
    }
}
