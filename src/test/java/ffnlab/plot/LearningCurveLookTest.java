package ffnlab.plot;

import ffnlab.analysis.ValidRange;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.report.InlineSvg;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** What a researcher reads off learning curves: round epoch ticks, colours along the sweep, references, hover text. */
public class LearningCurveLookTest {
    private static final LearningCurvePlot.Lines MSE = new LearningCurvePlot.Lines("train_mse", "test_mse", "m.s.e. against epochs",
            "m.s.e.", "scaled m.s.e.", true, ValidRange.NON_NEGATIVE);

    /** Curves of {@code epochs[c]} epochs per configuration, n seeds each, a wide interval that reaches below 0. */
    public static Table curves(List<String> configurations, int[] epochs, int n) {
        StringColumn configuration = StringColumn.create("configuration");
        IntColumn index = IntColumn.create("config_index");
        IntColumn epoch = IntColumn.create("epoch");
        IntColumn count = IntColumn.create("n");
        DoubleColumn test = DoubleColumn.create("test_mse_mean");
        DoubleColumn half = DoubleColumn.create("test_mse_ci95");
        DoubleColumn train = DoubleColumn.create("train_mse_mean");
        DoubleColumn trainHalf = DoubleColumn.create("train_mse_ci95");
        for (int c = 0; c < configurations.size(); c++) {
            for (int e = 1; e <= epochs[c]; e++) {
                configuration.append(configurations.get(c));
                index.append(c);
                epoch.append(e);
                count.append(n);
                test.append(0.25 + 0.2 / e + 0.01 * c);
                half.append(n > 1 ? 0.4 : Double.NaN);
                train.append(0.22 + 0.2 / e + 0.01 * c);
                trainHalf.append(n > 1 ? 0.4 : Double.NaN);
            }
        }
        return Table.create("curves", configuration, index, epoch, count, test, half, train, trainHalf);
    }

    static Table perConfiguration(List<String> configurations, Map<String, List<?>> keys) {
        Table t = Table.create("agg", StringColumn.create("configuration", configurations));
        keys.forEach((key, values) -> t.addColumns(values.getFirst() instanceof Number
                ? DoubleColumn.create(key, values.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray())
                : StringColumn.create(key, values.stream().map(String::valueOf).toList())));
        return t;
    }

    private static final List<String> WIDTHS = List.of("model.hidden=1", "model.hidden=16", "model.hidden=256");

    private static CurveKeys widths() {
        return CurveKeys.of(perConfiguration(WIDTHS, Map.of("model.hidden", List.of(1, 16, 256))), List.of("model.hidden"),
                Map.of("model.hidden=1", List.of(1L, 2L, 3L)), Set.of());
    }

    @Test
    void epochTicksAreRoundStepsFromZero() {
        XYChart chart = LearningCurvePlot.build(curves(WIDTHS, new int[] {60, 60, 60}, 3), widths(), MSE, Optional.empty());
        Set<String> integers = new LinkedHashSet<>();
        Matcher m = Pattern.compile("<text[^>]*>(\\d+)</text>").matcher(InlineSvg.of(chart, "p", "curves"));
        while (m.find()) {
            integers.add(m.group(1));
        }
        assertEquals(Set.of("0", "10", "20", "30", "40", "50", "60"), integers, "the epoch axis reads 0, 10, ..., 60");
    }

    @Test
    void axesCarryTheirUnits() {
        XYChart chart = LearningCurvePlot.build(curves(WIDTHS, new int[] {5, 5, 5}, 3), widths(), MSE, Optional.empty());
        assertEquals("training time (epochs)", chart.getXAxisTitle());
        assertEquals("m.s.e. (scaled m.s.e.)", chart.getYAxisTitle());
    }

    @Test
    void coloursRunAlongTheSweptKeySoItsEndsDiffer() {
        XYChart chart = LearningCurvePlot.build(curves(WIDTHS, new int[] {5, 5, 5}, 3), widths(), MSE, Optional.empty());
        assertEquals(SweepStyle.sequential(0, 3), chart.getSeries("model.hidden=1 test").getLineColor());
        assertEquals(SweepStyle.sequential(2, 3), chart.getSeries("model.hidden=256 test").getLineColor());
        assertNotEquals(chart.getSeries("model.hidden=1 test").getLineColor(), chart.getSeries("model.hidden=256 test").getLineColor());
        assertEquals(chart.getSeries("model.hidden=16 test").getLineColor(), chart.getSeries("model.hidden=16 train").getLineColor(),
                "test and training curves of one configuration share its colour");
    }

    @Test
    void aSecondKeyIsAMarkerAndTheLegendNamesBothKeys() {
        List<String> grid = List.of("lr=0.01, w=4", "lr=0.01, w=64", "lr=0.1, w=4", "lr=0.1, w=64");
        Table agg = perConfiguration(grid, Map.of());
        agg.addColumns(DoubleColumn.create("training.lr", 0.01, 0.01, 0.1, 0.1), DoubleColumn.create("model.hidden", 4, 64, 4, 64));
        CurveKeys keys = CurveKeys.of(agg, List.of("training.lr", "model.hidden"), Map.of(), Set.of());
        XYChart chart = LearningCurvePlot.build(curves(grid, new int[] {40, 40, 40, 40}, 3), keys, MSE, Optional.empty());
        XYSeries slowNarrow = chart.getSeries("training.lr=0.01, model.hidden=4 test");
        XYSeries slowWide = chart.getSeries("training.lr=0.01, model.hidden=64 test");
        XYSeries fastNarrow = chart.getSeries("training.lr=0.1, model.hidden=4 test");
        assertEquals(slowNarrow.getLineColor(), slowWide.getLineColor(), "colour by the first key");
        assertNotEquals(slowNarrow.getLineColor(), fastNarrow.getLineColor());
        assertEquals(SweepStyle.marker(0), slowNarrow.getMarker());
        assertEquals(SweepStyle.marker(1), slowWide.getMarker(), "marker by the second key, even on long curves");
        assertEquals(slowNarrow.getMarker(), fastNarrow.getMarker());
        assertTrue(chart.getSeries("training.lr=0.01, model.hidden=4 train").isShowInLegend(), "four configurations: both in the legend");
    }

    @Test
    void manyConfigurationsListOnlyTheirTestCurvesInTheLegend() {
        List<String> grid = new java.util.ArrayList<>();
        Table agg = Table.create("agg", StringColumn.create("configuration"), DoubleColumn.create("model.hidden"),
                DoubleColumn.create("training.lr"));
        for (int w = 1; w <= 256; w *= 2) {
            for (double lr : new double[] {0.01, 0.1}) {
                String name = "w=" + w + ", lr=" + lr;
                grid.add(name);
                agg.stringColumn("configuration").append(name);
                agg.doubleColumn("model.hidden").append(w);
                agg.doubleColumn("training.lr").append(lr);
            }
        }
        CurveKeys keys = CurveKeys.of(agg, List.of("model.hidden", "training.lr"), Map.of(), Set.of());
        XYChart chart = LearningCurvePlot.build(curves(grid, grid.stream().mapToInt(g -> 10).toArray(), 3), keys, MSE,
                Optional.empty());
        long inLegend = chart.getSeriesCollection().stream().filter(XYSeries::isShowInLegend).count();
        assertEquals(18, inLegend, "one entry per configuration, so the legend fits the chart");
    }

    @Test
    void aBaselineIsALabelledReferenceLineAcrossAllEpochs() {
        List<String> both = List.of("model.kind=ffn", "model.kind=linear");
        CurveKeys keys = CurveKeys.of(perConfiguration(both, Map.of("model.kind", List.of("ffn", "linear"))), List.of("model.kind"),
                Map.of(), Set.of("model.kind=linear"));
        XYChart chart = LearningCurvePlot.build(curves(both, new int[] {60, 1}, 3), keys, MSE, Optional.empty());
        XYSeries reference = chart.getSeries("model.kind=linear (reference, final test)");
        assertArrayEquals(new double[] {0, 60}, reference.getXData(), 0);
        assertEquals(reference.getYData()[0], reference.getYData()[1]);
        assertEquals(0.25 + 0.2 + 0.01, reference.getYData()[0], 1e-12, "at the baseline's final test value");
        assertEquals(CurveKeys.REFERENCE, reference.getLineColor());
        assertTrue(chart.getSeriesCollection().stream().noneMatch(s -> s.getName().startsWith("model.kind=linear test")),
                "no curve of one point at epoch 1");
    }

    @Test
    void theShorterCurveIsDrawnOverTheLongerAndTheChaptersPointIsLabelled() {
        List<String> runs = List.of("training.epochs=1000", "training.epochs=20000");
        CurveKeys keys = CurveKeys.of(perConfiguration(runs, Map.of("training.epochs", List.of(1000, 20000))),
                List.of("training.epochs"), Map.of(), Set.of());
        LearningCurvePlot.Lines train = new LearningCurvePlot.Lines("train_mse", null, "m.s.e.", "m.s.e.", "squared target units",
                true, ValidRange.NON_NEGATIVE);
        XYChart chart = LearningCurvePlot.build(curves(runs, new int[] {1000, 20000}, 3), keys, train,
                Optional.of(new LearningCurvePlot.ReferencePoint("chapter: training m.s.e. 0.107 at epoch 1000", 1000, 0.107)));
        List<String> order = chart.getSeriesCollection().stream().map(XYSeries::getName).toList();
        assertTrue(order.indexOf("training.epochs=1000 train") > order.indexOf("training.epochs=20000 train"),
                "painted later, so on top: " + order);
        XYSeries point = chart.getSeries("chapter: training m.s.e. 0.107 at epoch 1000");
        assertArrayEquals(new double[] {1000}, point.getXData(), 0);
        assertArrayEquals(new double[] {0.107}, point.getYData(), 0);
        assertTrue(InlineSvg.of(chart, "p", "toy").contains(">chapter: training m.s.e. 0.107 at epoch 1000</text>"),
                "the point is labelled beside it, not only in the legend");
        assertTrue(chart.getSeries("training.epochs=20000 train").getXData().length <= LearningCurvePlot.MAX_POINTS_PER_LINE);
        assertTrue(chart.getSeries("training.epochs=1000 train").getXData().length > 100,
                "each curve is thinned on its own: the short one keeps its shape");
    }

    @Test
    void intervalsStayInTheMetricsRange() {
        XYChart chart = LearningCurvePlot.build(curves(WIDTHS.subList(0, 1), new int[] {20}, 3), widths(), MSE, Optional.empty());
        assertEquals(0, chart.getSeries("test 95% CI low").getYData()[1], "the interval below 0 is clipped, not dropped");
        for (double v : chart.getSeries("test 95% CI low").getYData()) {
            assertTrue(v >= 0, "an m.s.e. is never below 0: " + v);
        }
        Table accuracy = curves(WIDTHS.subList(0, 1), new int[] {20}, 3);
        accuracy.replaceColumn("test_mse_mean", DoubleColumn.create("test_mse_mean",
                java.util.Collections.nCopies(20, 0.9).stream().mapToDouble(Double::doubleValue).toArray()));
        XYChart acc = LearningCurvePlot.build(accuracy, widths(), new LearningCurvePlot.Lines(null, "test_mse", "accuracy",
                "accuracy", "fraction", false, ValidRange.FRACTION), Optional.empty());
        for (double v : acc.getSeries("test 95% CI high").getYData()) {
            assertTrue(v <= 1, "an accuracy is never above 1: " + v);
        }
    }

    @Test
    void everyMeanPointHasHoverTextWithValueUnitSeedsAndInterval() {
        XYChart chart = LearningCurvePlot.build(curves(WIDTHS, new int[] {5, 5, 5}, 3), widths(), MSE, Optional.empty());
        String[] tips = PointTips.of(chart.getSeries("model.hidden=1 test")).orElseThrow();
        assertEquals(5, tips.length);
        assertEquals("model.hidden=1, epoch 2: test m.s.e. 0.35 (scaled m.s.e.), mean of 3 seeds, 95% CI [0, 0.75]", tips[1]);
        assertTrue(PointTips.of(chart.getSeries("model.hidden=1 train")).orElseThrow()[0].startsWith("model.hidden=1, epoch 1: train"));
        CurveKeys oneSeed = CurveKeys.of(perConfiguration(WIDTHS, Map.of("model.hidden", List.of(1, 16, 256))),
                List.of("model.hidden"), Map.of("model.hidden=16", List.of(7L)), Set.of());
        XYChart single = LearningCurvePlot.build(curves(WIDTHS, new int[] {5, 5, 5}, 1), oneSeed, MSE, Optional.empty());
        assertTrue(PointTips.of(single.getSeries("model.hidden=16 test")).orElseThrow()[0].endsWith("(scaled m.s.e.), seed 7"));
        assertFalse(PointTips.of(single.getSeries("model.hidden=16 test")).orElseThrow()[0].contains("CI"), "one seed, no interval");
    }

    @Test
    void shortCurvesShowMarkersLongOnesDoNot() {
        XYChart chart = LearningCurvePlot.build(curves(WIDTHS, new int[] {5, 5, 60}, 3), widths(), MSE, Optional.empty());
        assertEquals(SeriesMarkers.CIRCLE, chart.getSeries("model.hidden=1 test").getMarker());
        assertEquals(SeriesMarkers.NONE, chart.getSeries("model.hidden=256 test").getMarker());
    }
}
