package ffnlab.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.analysis.Aggregation;
import ffnlab.analysis.ErrorMeasure;
import ffnlab.analysis.ExperimentResults;
import ffnlab.analysis.ResultsFixture;
import ffnlab.analysis.TrialTable;
import java.awt.BasicStroke;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import tech.tablesaw.api.Table;

/** Parallel coordinates of a three-key sweep: one polyline per configuration, coloured by rank, hover text. */
class ParallelCoordinatesPlotTest {
    private static final List<String> KEYS = List.of("training.lr", "model.hidden", "training.batch_size");

    @TempDir
    Path tmp;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    /** The polylines, one per configuration, in drawing order (the per-seed dots left out). */
    private static List<XYSeries> lines(XYChart chart) {
        return chart.getSeriesCollection().stream().filter(s -> !s.getName().matches(".* seed \\d+")).toList();
    }

    private XYChart chart() {
        ExperimentResults results = ExperimentResults.load(ResultsFixture.lrWidthBatchGrid(tmp));
        assertEquals(KEYS, results.sweptKeys());
        Table trials = TrialTable.summaries(results);
        return ParallelCoordinatesPlot.build(Aggregation.perConfiguration(trials, KEYS), trials, KEYS, ErrorMeasure.REGRESSION);
    }

    @Test
    void everyConfigurationIsOnePolylineThroughItsValuesToItsMean() {
        XYChart chart = chart();
        assertEquals(8, lines(chart).size(), "2 x 2 x 2 configurations");
        XYSeries s = chart.getSeries("training.lr=0.04, model.hidden=8, training.batch_size=128");
        assertArrayEquals(new double[] {0, 1, 2, 3}, s.getXData(), "one axis per key, then the metric");
        assertArrayEquals(new double[] {1, 0, 1}, java.util.Arrays.copyOf(s.getYData(), 3), 1e-12,
                "the second value of lr, the first of width, the second of batch size");
        for (XYSeries line : lines(chart)) {
            double metric = line.getYData()[3];
            assertTrue(metric >= 0 && metric <= 1 || metric == ParallelCoordinatesPlot.DIVERGED_Y, line.getName() + ": " + metric);
        }
    }

    @Test
    void theBestConfigurationIsDarkestAndDrawnLastLowestOnTheMetricAxis() {
        List<XYSeries> lines = lines(chart());
        XYSeries best = lines.getLast();
        assertEquals("training.lr=0.01, model.hidden=32, training.batch_size=16", best.getName());
        assertEquals(lines.stream().mapToDouble(l -> l.getYData()[3]).min().orElseThrow(), best.getYData()[3],
                "the lowest mean sits lowest on the metric axis");
        assertEquals(SweepStyle.sequential(0, 7), best.getLineColor(), "7 measured configurations, best first");
        assertEquals(SweepStyle.sequential(6, 7), lines.get(1).getLineColor(), "the worst measured is drawn first of them");
    }

    @Test
    void eachFinishedSeedIsADotBesideTheMetricAxisNamedAndHoveredWithItsSeed() {
        XYChart chart = chart();
        XYSeries seed = chart.getSeries("training.lr=0.01, model.hidden=32, training.batch_size=16 seed 2");
        assertEquals(3 + ParallelCoordinatesPlot.SEED_OFFSET, seed.getXData()[0]);
        assertTrue(seed.getYData()[0] >= 0 && seed.getYData()[0] <= 1, "inside the metric axis");
        String tip = PointTips.of(seed).orElseThrow()[0];
        assertTrue(tip.matches("training.lr=0.01, model.hidden=32, training.batch_size=16, seed 2: final test m.s.e. "
                + "0\\.\\d{3} \\(scaled m.s.e.\\)"), tip);
        assertEquals(14, chart.getSeriesCollection().size() - lines(chart).size(), "7 finished configurations x 2 seeds");
    }

    @Test
    void aConfigurationWhoseEverySeedDivergedEndsDashedAtDiverged() {
        XYSeries diverged = chart().getSeries("training.lr=0.04, model.hidden=32, training.batch_size=128");
        assertEquals(ParallelCoordinatesPlot.DIVERGED_Y, diverged.getYData()[3]);
        assertTrue(((BasicStroke) diverged.getLineStyle()).getDashArray() != null, "dashed");
        assertTrue(PointTips.of(diverged).orElseThrow()[3].endsWith(": diverged (2 of 2 seeds)"));
    }

    @Test
    void everyVertexHasHoverTextWithTheConfigurationSeedsAndInterval() {
        for (XYSeries s : lines(chart())) {
            String[] tips = PointTips.of(s).orElseThrow();
            assertEquals(4, tips.length);
            assertTrue(tips[0].startsWith(s.getName() + ": "), tips[0]);
            if (s.getYData()[3] != ParallelCoordinatesPlot.DIVERGED_Y) {
                assertTrue(tips[0].contains("(scaled m.s.e.), mean of 2 seeds, 95% CI ["), tips[0]);
            }
        }
    }

    @Test
    void axisTitlesEndWithAUnitAndTheLegendIsOff() {
        XYChart chart = chart();
        assertTrue(chart.getXAxisTitle().endsWith("(scaled m.s.e.)"), chart.getXAxisTitle());
        assertTrue(chart.getYAxisTitle().endsWith(")"), chart.getYAxisTitle());
        assertFalse(chart.getStyler().isLegendVisible(), "the colour is explained by the metric axis and the caption");
    }

    @Test
    void valuesAreEvenlySpacedAndOneKeyIsNotEnough() {
        assertEquals(0.5, ParallelCoordinatesPlot.position(0, 1));
        assertEquals(0.5, ParallelCoordinatesPlot.position(1, 3));
        assertEquals(1.0, ParallelCoordinatesPlot.position(3, 4));
        assertThrows(IllegalArgumentException.class, () -> ParallelCoordinatesPlot.build(Table.create("t"), null,
                List.of("a"), ErrorMeasure.REGRESSION));
    }
}
