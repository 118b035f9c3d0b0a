package ffnlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.analysis.ErrorMeasure;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Every plot class builds from a fixed table and renders headless, to SVG and to pixels. */
class PlotsTest {

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    static Table curves() {
        return Table.create("curves",
                StringColumn.create("configuration", "w=4", "w=4", "w=4", "w=64", "w=64", "w=64"),
                IntColumn.create("config_index", 0, 0, 0, 1, 1, 1),
                IntColumn.create("epoch", 1, 2, 3, 1, 2, 3),
                IntColumn.create("n", 3, 3, 3, 1, 1, 1),
                DoubleColumn.create("test_mse_mean", 1.0, 0.5, 0.4, 0.9, 0.3, 0.2),
                DoubleColumn.create("test_mse_ci95", 0.1, 0.05, 0.04, Double.NaN, Double.NaN, Double.NaN),
                DoubleColumn.create("train_mse_mean", 0.9, 0.4, 0.3, 0.8, 0.2, 0.1));
    }

    static Table perConfiguration() {
        return Table.create("agg",
                StringColumn.create("configuration", "model.hidden=4", "model.hidden=16", "model.hidden=64", "model.hidden=256"),
                DoubleColumn.create("model.hidden", 4, 16, 64, 256),
                IntColumn.create("n", 3, 3, 3, 1),
                IntColumn.create("n_diverged", 0, 0, 0, 0),
                StringColumn.create("depth", "[5]", "[5, 5]", "[5, 5, 5]", "[5, 5, 5, 5]"),
                StringColumn.create("activation", "relu", "sigmoid", "tanh", "linear"),
                DoubleColumn.create("final_test_mse_mean", 0.42, 0.31, 0.27, 0.30),
                DoubleColumn.create("final_test_mse_ci95", 0.01, 0.01, 0.01, Double.NaN),
                DoubleColumn.create("final_train_mse_mean", 0.40, 0.28, 0.24, 0.27),
                DoubleColumn.create("final_train_mse_ci95", 0.01, 0.01, 0.01, 0.02),
                DoubleColumn.create("mean_update_time_us_mean", 300, 120, 100, 290),
                DoubleColumn.create("mean_update_time_us_ci95", 5, 3, 2, 4),
                DoubleColumn.create("mean_epoch_time_s_mean", 1.2, 0.2, 0.1, 0.07),
                DoubleColumn.create("mean_epoch_time_s_ci95", 0.01, 0.01, Double.NaN, 0.01));
    }

    @Test
    void learningCurvesHaveMeanLinesInTheLegendAndIntervalBoundsOutside() throws IOException {
        XYChart chart = LearningCurvePlot.build(curves(), "train_mse", "test_mse", "m.s.e.", "m.s.e.", true);
        assertEquals(List.of("w=4 test", "w=4 test 95% CI low", "w=4 test 95% CI high", "w=4 train", "w=64 test", "w=64 train"),
                seriesNames(chart).stream().filter(name -> chart.getSeries(name).isEnabled()).toList(),
                "one seed (w=64) has no interval lines");
        assertFalse(chart.getSeries("w=4 test 95% CI low").isShowInLegend());
        assertFalse(chart.getStyler().isYAxisLogarithmic(), "0.1 .. 1 is one decade: linear axis keeps its labels");
        Table many = curves();
        for (int c = 0; c < LearningCurvePlot.MAX_CONFIGURATIONS_WITH_BANDS; c++) {
            Table copy = curves().where(curves().stringColumn("configuration").isEqualTo("w=4"));
            copy.replaceColumn("configuration", tech.tablesaw.api.StringColumn.create("configuration",
                    java.util.Collections.nCopies(copy.rowCount(), "w=" + (1000 + c))));
            many.append(copy);
        }
        assertTrue(seriesNames(LearningCurvePlot.build(many, "train_mse", "test_mse", "m", "m", false)).stream()
                .noneMatch(name -> name.contains("CI")), "no interval lines for more than four configurations");
        rendersHeadless(chart);
    }

    @Test
    void confusionMatrixCountsEachActualClass() throws IOException {
        Table p = Table.create("p", StringColumn.create("actual", "Coat", "Coat", "Coat", "Bag", "Bag"),
                StringColumn.create("predicted", "Coat", "Coat", "Bag", "Bag", "Bag"));
        java.util.Map<String, Integer> index = new java.util.LinkedHashMap<>();
        index.put("Bag", 0);
        index.put("Coat", 1);
        long[][] counts = ConfusionMatrixPlot.counts(p.stringColumn("actual"), p.stringColumn("predicted"), index);
        assertEquals(List.of(2L, 0L), List.of(counts[0][0], counts[0][1]));
        assertEquals(List.of(1L, 2L), List.of(counts[1][0], counts[1][1]));
        HeatMapChart chart = ConfusionMatrixPlot.build(p, List.of(), "confusion");
        List<Number[]> cells = new java.util.ArrayList<>();
        for (Object cell : chart.getHeatMapSeries().getHeatData()) {
            cells.add((Number[]) cell);
        }
        // actual Coat (drawn as row 0, bottom) predicted Coat (column 1): 2 of 3
        assertTrue(cells.stream().anyMatch(c -> c[0].intValue() == 1 && c[1].intValue() == 0
                && Math.abs(c[2].doubleValue() - 66.7) < 1e-9), "row-normalised percent");
        rendersHeadless(chart);
    }

    @Test
    void predictedAgainstActualThinsLargeTestSets() throws IOException {
        int n = 6192;
        double[] actual = new double[n];
        double[] predicted = new double[n];
        for (int i = 0; i < n; i++) {
            actual[i] = 15000 + 80 * i;
            predicted[i] = actual[i] * (i % 2 == 0 ? 1.1 : 0.9);
        }
        XYChart chart = PredictedVsActualPlot.build(Table.create("p", DoubleColumn.create("actual", actual),
                DoubleColumn.create("predicted", predicted)), "predicted against actual");
        assertTrue(chart.getSeries("test patterns").getXData().length <= PredictedVsActualPlot.MAX_POINTS);
        assertTrue(chart.getTitle().contains("every 11th of 6192 test values"), chart.getTitle());
        rendersHeadless(chart);
    }

    @Test
    void predictedAgainstActualRendersPromptlyWhateverTheValues() {
        double[][] predictions = {
            {1e15, 1e15 + 2, 1e15 + 4, 1e15 + 8},
            {1.5, -2e15, 3e14, 0.25},
            {1e300, -1e300, 5, 7},
            {4e15, 4e15, 4e15, 4e15},
            {Double.NaN, Double.POSITIVE_INFINITY, 2, 3},
            {1e-300, 2e-300, 3e-300, 4e-300},
        };
        for (double[] predicted : predictions) {
            double[] actual = {1, 2, 3, predicted == predictions[5] ? 5e-300 : 4};
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () -> rendersHeadless(
                    PredictedVsActualPlot.build(Table.create("p", DoubleColumn.create("actual", actual),
                            DoubleColumn.create("predicted", predicted)), "predicted against actual")),
                    () -> "predicted " + java.util.Arrays.toString(predicted));
        }
    }

    @Test
    void learningCurvesAndErrorAgainstSweptRenderPromptlyForBlownUpValues() {
        for (double[] v : new double[][] {{1e15, 1e15 + 2, 1e15 + 4}, {1e300, -1e300, 1}, {4e15, 4e15, 4e15}}) {
            Table curves = Table.create("curves", StringColumn.create("configuration", "w=4", "w=4", "w=4"),
                    IntColumn.create("config_index", 0, 0, 0), IntColumn.create("epoch", 1, 2, 3), IntColumn.create("n", 1, 1, 1),
                    DoubleColumn.create("test_mse_mean", v), DoubleColumn.create("test_mse_ci95", Double.NaN, Double.NaN, Double.NaN),
                    DoubleColumn.create("train_mse_mean", v));
            Table swept = perConfiguration().first(3);
            swept.replaceColumn("final_test_mse_mean", DoubleColumn.create("final_test_mse_mean", v));
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () -> {
                rendersHeadless(LearningCurvePlot.build(curves, "train_mse", "test_mse", "m.s.e.", "m.s.e.", true));
                rendersHeadless(ErrorVsSweptPlot.build(swept, ffnlab.analysis.SeedValues.none(3), "model.hidden",
                        Optional.empty(), ErrorMeasure.REGRESSION, true, Optional.empty(), OptionalDouble.empty()).chart());
            }, () -> "values " + java.util.Arrays.toString(v));
        }
    }

    @Test
    void weightsStandBesideTheChapters() throws IOException {
        Table learnt = Table.create("p", IntColumn.create("layer", 1, 1, 1), StringColumn.create("kind", "W", "W", "b"),
                IntColumn.create("row", 0, 1, 0), IntColumn.create("col", 0, 0, 0), DoubleColumn.create("value", 0.5, -1, 0.1));
        Table chapter = Table.create("c", IntColumn.create("layer", 1, 1), StringColumn.create("kind", "W", "b"),
                IntColumn.create("row", 1, 0), IntColumn.create("col", 0, 0), DoubleColumn.create("value", -1.1, 0.2));
        CategoryChart chart = WeightsPlot.build(learnt, chapter, "weights");
        assertEquals(List.of("W1[1,1]", "W1[2,1]", "b1[1]"), chart.getSeries("measured").getXData());
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {0.0, -1.1, 0.2}, chart.getSeries("chapter").getYData(), 0.0);
        rendersHeadless(chart);
    }

    /** SVG through VectorGraphicsEncoder and pixels through BitmapEncoder, both without a display. */
    static void rendersHeadless(Chart<?, ?> chart) throws IOException {
        ByteArrayOutputStream svg = new ByteArrayOutputStream();
        VectorGraphicsEncoder.saveVectorGraphic(chart, svg, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        String text = svg.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("<svg") && text.contains("viewBox=\"0 0 " + chart.getWidth() + " " + chart.getHeight() + "\""));
        assertTrue(text.contains("<path"), "the chart drew something");
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        int coloured = 0;
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                int r = rgb >> 16;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
                    coloured++;
                }
            }
        }
        assertTrue(coloured > 20, "series are drawn in colour, found " + coloured + " coloured samples");
    }

    /** The chart's series names in the order they were added. */
    private static List<String> seriesNames(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
        return chart.getSeriesCollection().stream().map(org.knowm.xchart.internal.series.Series::getName).toList();
    }
}
