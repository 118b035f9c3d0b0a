package ffnlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.analysis.ErrorMeasure;
import ffnlab.analysis.Optimum;
import ffnlab.analysis.SeedValues;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ErrorVsSweptPlotTest {
    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    /** Depths 1..5, three seeds each; seed 2 of depth 5 collapsed to 1.93, seed 3 of depth 4 diverged. */
    static Table depths() {
        return Table.create("agg",
                StringColumn.create("configuration", "h=[5]", "h=[5, 5]", "h=[5, 5, 5]", "h=[5, 5, 5, 5]", "h=[5, 5, 5, 5, 5]"),
                StringColumn.create("model.hidden", "[5]", "[5, 5]", "[5, 5, 5]", "[5, 5, 5, 5]", "[5, 5, 5, 5, 5]"),
                IntColumn.create("n", 3, 3, 3, 2, 3),
                IntColumn.create("n_diverged", 0, 0, 0, 1, 0),
                DoubleColumn.create("final_test_mse_mean", 0.31, 0.30, 0.29, 0.30, 0.85),
                DoubleColumn.create("final_test_mse_ci95", 0.02, 0.02, 0.02, 0.06, 2.3),
                DoubleColumn.create("final_train_mse_mean", 0.30, 0.29, 0.28, 0.29, 0.84),
                DoubleColumn.create("final_train_mse_ci95", 0.02, 0.02, 0.02, 0.06, 2.3));
    }

    static SeedValues depthSeeds() {
        return new SeedValues(new long[][] {{1, 2, 3}, {1, 2, 3}, {1, 2, 3}, {1, 2}, {1, 2, 3}},
                new String[][] {{"a1", "a2", "a3"}, {"b1", "b2", "b3"}, {"c1", "c2", "c3"}, {"d1", "d2"}, {"e1", "e2", "e3"}},
                new double[][] {{0.30, 0.31, 0.32}, {0.29, 0.30, 0.31}, {0.28, 0.29, 0.30}, {0.29, 0.31},
                    {0.31, 1.93, 0.31}});
    }

    @Test
    void oneCollapsedSeedIsDrawnOnTheEdgeAndNamedAndDoesNotSetTheAxis() throws IOException {
        AnnotatedChart drawn = ErrorVsSweptPlot.build(depths(), depthSeeds(), "model.hidden", Optional.empty(),
                ErrorMeasure.REGRESSION, true, Optional.empty(), OptionalDouble.of(4));
        XYChart chart = (XYChart) drawn.chart();
        double top = chart.getStyler().getYAxisMax();
        assertTrue(top < 0.5, "the axis is fitted to the agreeing seeds, not to 1.93: top " + top);
        assertTrue(chart.getStyler().getYAxisMin() >= 0, "no negative m.s.e. on the axis");
        XYSeries edge = chart.getSeries("off the axis (drawn on its edge)");
        assertEquals(top, edge.getYMax(), 1e-12);
        assertTrue(PointTips.of(edge).orElseThrow()[0].contains("seed 2"));
        assertTrue(String.join(" ", drawn.notes()).contains("Seed 2 of h=[5, 5, 5, 5, 5] (trial e2)"), drawn.notes().toString());
        for (XYSeries s : chart.getSeriesCollection()) {
            for (double y : s.getYData()) {
                assertTrue(Double.isNaN(y) || y >= chart.getStyler().getYAxisMin() && y <= top, s.getName() + " leaves the axis: " + y);
            }
        }
        PlotsTest.rendersHeadless(chart);
    }

    @Test
    void everyMeanIsDrawnWithItsSeedsAndHoverText() {
        XYChart chart = (XYChart) ErrorVsSweptPlot.build(depths(), depthSeeds(), "model.hidden", Optional.empty(),
                ErrorMeasure.REGRESSION, true, Optional.empty(), OptionalDouble.empty()).chart();
        XYSeries seed1 = chart.getSeries("seed 1");
        assertEquals(5, seed1.getYData().length);
        assertTrue(PointTips.of(seed1).orElseThrow()[0].matches("h=\\[5\\], seed 1: final test m\\.s\\.e\\. 0\\.3 \\(scaled m\\.s\\.e\\.\\), trial a1"),
                PointTips.of(seed1).orElseThrow()[0]);
        assertEquals(4, chart.getSeries("seed 2").getYData().length, "the collapsed seed is drawn on the edge instead");
        String[] means = PointTips.of(chart.getSeries("test")).orElseThrow();
        assertEquals("h=[5]: final test m.s.e. 0.31 (scaled m.s.e.), mean of 3 seeds, 95% CI [0.29, 0.33]", means[0]);
        assertTrue(chart.getYAxisTitle().endsWith("(scaled m.s.e.)"));
        assertTrue(chart.getXAxisTitle().endsWith("(hidden layers)"));
    }

    @Test
    void anIntervalIsClippedAtEachEndToTheMetricsRange() {
        Table t = depths();
        t.replaceColumn("final_test_mse_mean", DoubleColumn.create("final_test_mse_mean", 0.31, 0.30, 0.29, 0.30, 0.32));
        t.replaceColumn("final_test_mse_ci95", DoubleColumn.create("final_test_mse_ci95", 0.02, 0.02, 0.02, 0.06, 0.5));
        XYChart chart = (XYChart) ErrorVsSweptPlot.build(t, SeedValues.none(5), "model.hidden", Optional.empty(),
                ErrorMeasure.REGRESSION, true, Optional.empty(), OptionalDouble.empty()).chart();
        double[] bars = chart.getSeries("test 95% CI").getYData();
        assertEquals(0, bars[12], 1e-12, "0.32 - 0.5 is clipped to 0");
        assertEquals(0.82, bars[13], 1e-12, "the upper end stays where it is");
        assertEquals(0, chart.getStyler().getYAxisMin(), 1e-12);
        assertTrue(chart.getSeriesCollection().stream().noneMatch(s -> s.getExtraValues() != null
                && Arrays.stream(s.getExtraValues()).anyMatch(v -> v != 0)), "no symmetric error bars");
    }

    @Test
    void accuracyIntervalsAndAxesStayWithinZeroAndOne() {
        Table t = Table.create("agg", StringColumn.create("configuration", "b=16", "b=64"), DoubleColumn.create("b", 16, 64),
                IntColumn.create("n", 2, 2), IntColumn.create("n_diverged", 0, 0),
                DoubleColumn.create("final_test_accuracy_mean", 0.75, 0.98), DoubleColumn.create("final_test_accuracy_ci95", 2.75, 0.1));
        XYChart chart = (XYChart) ErrorVsSweptPlot.build(t, SeedValues.none(2), "b", Optional.empty(),
                ErrorMeasure.CLASSIFICATION, true, Optional.empty(), OptionalDouble.empty()).chart();
        assertTrue(chart.getStyler().getYAxisMax() <= 1);
        assertTrue(chart.getStyler().getYAxisMin() >= 0);
        assertTrue(chart.getYAxisTitle().endsWith("(fraction)"));
    }

    @Test
    void divergedConfigurationsAreMarkedOnTheTopEdgeAndCounted() {
        AnnotatedChart drawn = ErrorVsSweptPlot.build(depths(), depthSeeds(), "model.hidden", Optional.empty(),
                ErrorMeasure.REGRESSION, true, Optional.empty(), OptionalDouble.empty());
        XYChart chart = (XYChart) drawn.chart();
        XYSeries diverged = chart.getSeries("diverged");
        assertEquals(3, diverged.getXMin(), "depth 4 is rank 3");
        assertEquals(chart.getStyler().getYAxisMax(), diverged.getYMax(), 1e-12);
        assertTrue(drawn.notes().stream().anyMatch(n -> n.startsWith("1 trial diverged")), drawn.notes().toString());
    }

    @Test
    void widthsTickAtEveryPowerOfTwoAndTheOptimaSitOnTheirRanks() throws IOException {
        Table t = Table.create("agg", StringColumn.create("configuration", "w=1", "w=4", "w=16", "w=64", "w=256"),
                DoubleColumn.create("model.hidden", 1, 4, 16, 64, 256), IntColumn.create("n", 3, 3, 3, 3, 3),
                IntColumn.create("n_diverged", 0, 0, 0, 0, 0),
                DoubleColumn.create("final_test_mse_mean", 0.6, 0.4, 0.3, 0.27, 0.29),
                DoubleColumn.create("final_test_mse_ci95", 0.01, 0.01, 0.01, 0.01, 0.01));
        Optimum optimum = Optimum.find(t, ErrorMeasure.REGRESSION).orElseThrow();
        XYChart chart = (XYChart) ErrorVsSweptPlot.build(t, SeedValues.none(5), "model.hidden", Optional.empty(),
                ErrorMeasure.REGRESSION, true, Optional.of(optimum), OptionalDouble.of(64)).chart();
        assertFalse(chart.getStyler().isXAxisLogarithmic());
        var label = chart.getStyler().getXAxisTickLabelsFormattingFunction();
        assertEquals(List.of("1", "4", "16", "64", "256"), List.of(label.apply(0.0), label.apply(1.0), label.apply(2.0),
                label.apply(3.0), label.apply(4.0)));
        assertEquals(" ", label.apply(2.5), "no tick between swept values");
        assertEquals(3, chart.getSeries("measured optimum: w=64").getXMin());
        assertEquals(3, chart.getSeries("chapter's optimum: 64").getXMin());
        assertTrue(chart.getXAxisTitle().endsWith("(neurons)"));
        PlotsTest.rendersHeadless(chart);
    }

    @Test
    void aSecondKeyGetsOneLineEachWithItsOwnMarkerAndLegend() throws IOException {
        Table t = Table.create("agg",
                StringColumn.create("configuration", "lr=0.01, w=4", "lr=0.01, w=16", "lr=0.1, w=4", "lr=0.1, w=16"),
                DoubleColumn.create("model.hidden", 4, 16, 4, 16), DoubleColumn.create("training.lr", 0.01, 0.01, 0.1, 0.1),
                IntColumn.create("n", 2, 2, 2, 2), IntColumn.create("n_diverged", 0, 0, 0, 0),
                DoubleColumn.create("final_test_mse_mean", 0.5, 0.4, 0.35, 0.3),
                DoubleColumn.create("final_test_mse_ci95", 0.01, 0.01, 0.01, 0.01));
        XYChart chart = (XYChart) ErrorVsSweptPlot.build(t, SeedValues.none(4), "model.hidden", Optional.of("training.lr"),
                ErrorMeasure.REGRESSION, true, Optional.empty(), OptionalDouble.empty()).chart();
        XYSeries slow = chart.getSeries("training.lr=0.01");
        XYSeries fast = chart.getSeries("training.lr=0.1");
        assertEquals(2, slow.getXData().length);
        assertNotEquals(slow.getMarker(), fast.getMarker());
        assertNotEquals(slow.getLineColor(), fast.getLineColor());
        assertTrue(slow.isShowInLegend() && fast.isShowInLegend());
        assertFalse(chart.getSeriesCollection().stream().map(XYSeries::getName).toList().contains("train"), "one line per value of the second key, test only");
        PlotsTest.rendersHeadless(chart);
    }
}
