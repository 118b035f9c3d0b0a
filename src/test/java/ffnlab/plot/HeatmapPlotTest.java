package ffnlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.analysis.Aggregation;
import ffnlab.analysis.ErrorMeasure;
import ffnlab.analysis.ExperimentResults;
import ffnlab.analysis.ResultsFixture;
import ffnlab.analysis.TrialTable;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The heatmap of a two-key sweep: cells, colour levels, legend, marks for diverged and missing cells, hover text. */
class HeatmapPlotTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private XYChart grid() {
        ExperimentResults results = ExperimentResults.load(ResultsFixture.lrWidthGrid(tmp));
        Table trials = TrialTable.summaries(results);
        Table perConfiguration = Aggregation.perConfiguration(trials, results.sweptKeys());
        return HeatmapPlot.build(perConfiguration, trials, "model.hidden", "training.lr", ErrorMeasure.REGRESSION);
    }

    @Test
    void bothAxesNameTheirKeyAndUnit() {
        XYChart chart = grid();
        assertEquals("model.hidden (neurons)", chart.getXAxisTitle());
        assertEquals("training.lr (step size)", chart.getYAxisTitle());
        assertTrue(chart.getTitle().endsWith("(lower is better)"), chart.getTitle());
    }

    @Test
    void everyCellIsAPointWithHoverTextNamingBothValuesTheSeedsAndTheClippedInterval() {
        XYChart chart = grid();
        int points = 0;
        for (XYSeries s : chart.getSeriesCollection()) {
            String[] tips = PointTips.of(s).orElseThrow();
            assertEquals(s.getXData().length, tips.length, s.getName());
            for (String tip : tips) {
                assertTrue(tip.startsWith("training.lr=") && tip.contains(", model.hidden="), tip);
                assertFalse(tip.matches(".*\\bseed \\d.*"), "a cell is a mean, never one seed: " + tip);
            }
            points += tips.length;
        }
        assertEquals(12, points, "3 learning rates x 4 widths");
        String best = tip(chart, 1, 2);   // width 64 (column 2), lr 0.02 (row 1)
        assertTrue(best.contains("final test m.s.e. ") && best.contains("(scaled m.s.e.), mean of 3 seeds, 95% CI ["), best);
        assertTrue(best.contains("per seed (1, 2, 3): "), best);
        double low = Double.parseDouble(best.replaceAll(".*95% CI \\[([^,]+),.*", "$1"));
        assertTrue(low >= 0, "the interval is clipped at 0: " + best);
    }

    @Test
    void levelsRunFromTheBestMeanDarkestToTheWorstLightestAndTheLegendSaysWhichIsBest() {
        XYChart chart = grid();
        List<XYSeries> levels = chart.getSeriesCollection().stream().filter(s -> s.getName().matches("[0-9].*")).toList();
        assertEquals(HeatmapPlot.LEVELS, levels.size(), "11 measured cells share 6 levels");
        assertTrue(levels.getFirst().getName().endsWith("(best)"), levels.getFirst().getName());
        assertTrue(levels.getLast().getName().endsWith("(worst)"), levels.getLast().getName());
        XYSeries best = levels.getFirst();
        assertTrue(contains(best, 2, 1), "lr 0.02 with width 64 has the lowest m.s.e.");
        for (int b = 1; b < levels.size(); b++) {
            assertTrue(HeatmapPlot.luminance((Color) levels.get(b).getMarkerColor())
                    > HeatmapPlot.luminance((Color) levels.get(b - 1).getMarkerColor()), "level " + b + " lighter than " + (b - 1));
        }
    }

    @Test
    void aConfigurationWhoseEverySeedDivergedIsMarkedNotBlank() {
        XYChart chart = grid();
        XYSeries diverged = chart.getSeries(HeatmapPlot.DIVERGED);
        assertTrue(diverged != null && contains(diverged, 3, 2), "lr 0.08 with width 256");
        assertEquals("training.lr=0.08, model.hidden=256: diverged (3 of 3 seeds)", PointTips.of(diverged).orElseThrow()[0]);
        assertTrue(count(paint(chart), new Color(235, 235, 235)) > 1000, "the diverged cell is filled and hatched, not blank");
    }

    @Test
    void cellsAreFilledWithTheirLevelColour() {
        XYChart chart = grid();
        XYSeries best = chart.getSeriesCollection().stream().filter(s -> s.getName().endsWith("(best)")).findFirst().orElseThrow();
        assertTrue(count(paint(chart), (Color) best.getMarkerColor()) > 2000, "a cell, not only its legend marker, has the colour");
    }

    @Test
    void aCombinationThatWasNotRunAndASingleSeedAreSaidSo() {
        Table perConfiguration = Table.create("agg",
                StringColumn.create("configuration", "a=1, b=x", "a=2, b=x", "a=1, b=y"),
                IntColumn.create("config_index", 0, 1, 2),
                DoubleColumn.create("a", 1, 2, 1),
                StringColumn.create("b", "x", "x", "y"),
                IntColumn.create("n", 1, 2, 2),
                IntColumn.create("n_diverged", 0, 0, 1),
                DoubleColumn.create("final_test_accuracy_mean", 0.8, 0.95, 0.7),
                DoubleColumn.create("final_test_accuracy_ci95", Double.NaN, 0.2, 0.01));
        XYChart chart = HeatmapPlot.build(perConfiguration, null, "a", "b", ErrorMeasure.CLASSIFICATION);
        assertEquals("a (value)", chart.getXAxisTitle());
        assertTrue(chart.getTitle().endsWith("(higher is better)"));
        assertEquals("a=2, b=y: not run (no trial of this combination)",
                PointTips.of(chart.getSeries(HeatmapPlot.NOT_RUN)).orElseThrow()[0]);
        String one = tipAt(chart, 0, 0);
        assertTrue(one.contains("1 seed (no interval)") && !one.contains("CI"), one);
        String clipped = tipAt(chart, 1, 0);
        assertTrue(clipped.contains("(fraction), mean of 2 seeds, 95% CI [0.750, 1.00]"), "accuracy clipped at 1: " + clipped);
        assertTrue(tipAt(chart, 0, 1).contains("1 more diverged"), tipAt(chart, 0, 1));
        XYSeries best = chart.getSeriesCollection().stream().filter(s -> s.getName().endsWith("(best)")).findFirst().orElseThrow();
        assertEquals("0.950 (best)", best.getName(), "higher accuracy is better");
    }

    @Test
    void oneKeyTwiceIsRefused() {
        Table t = Table.create("agg", StringColumn.create("configuration", "a=1"), DoubleColumn.create("a", 1));
        assertThrows(IllegalArgumentException.class, () -> HeatmapPlot.build(t, null, "a", "a", ErrorMeasure.REGRESSION));
    }

    private static String tip(XYChart chart, int row, int column) {
        return tipAt(chart, column, row);
    }

    /** The hover text of the cell at column {@code i}, row {@code j}. */
    private static String tipAt(XYChart chart, int i, int j) {
        for (XYSeries s : chart.getSeriesCollection()) {
            for (int p = 0; p < s.getXData().length; p++) {
                if (s.getXData()[p] == i && s.getYData()[p] == j) {
                    return PointTips.of(s).orElseThrow()[p];
                }
            }
        }
        throw new AssertionError("no cell at " + i + ", " + j);
    }

    private static boolean contains(XYSeries s, int i, int j) {
        for (int p = 0; p < s.getXData().length; p++) {
            if (s.getXData()[p] == i && s.getYData()[p] == j) {
                return true;
            }
        }
        return false;
    }

    private static BufferedImage paint(XYChart chart) {
        BufferedImage image = new BufferedImage(chart.getWidth(), chart.getHeight(), BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        chart.paint(g, chart.getWidth(), chart.getHeight());
        g.dispose();
        return image;
    }

    private static int count(BufferedImage image, Color colour) {
        int n = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                n += image.getRGB(x, y) == colour.getRGB() ? 1 : 0;
            }
        }
        return n;
    }
}
