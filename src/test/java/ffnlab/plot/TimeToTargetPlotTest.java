package ffnlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.analysis.Aggregation;
import ffnlab.analysis.ExperimentResults;
import ffnlab.analysis.ResultsFixture;
import ffnlab.analysis.TimeToTarget;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

class TimeToTargetPlotTest {
    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void aBatchSizeThatNeverReachedTheTargetHasNoPointAndIsNamed(@TempDir Path root) throws IOException {
        // the fixture's B = 16 never reaches test accuracy 0.80; B = 64 and 256 do with both seeds
        ExperimentResults results = ExperimentResults.load(ResultsFixture.batchSweep(root));
        TimeToTarget.Sweep sweep = TimeToTarget.Sweep.of(results, Aggregation.perConfiguration(results), 0.80);
        AnnotatedChart drawn = TimeToTargetPlot.build(sweep, "training.batch_size");
        XYChart chart = (XYChart) drawn.chart();
        double[] time = chart.getSeries("time to target (s)").getYData();
        assertTrue(Double.isNaN(time[0]), "not reached: no mean, neither 0 nor infinity");
        assertTrue(time[1] > 0 && Double.isFinite(time[1]) && time[2] > 0 && Double.isFinite(time[2]));
        assertEquals(2, chart.getSeries("updates to target (updates)").getYAxisGroup() + 1);
        assertEquals("Not reached by every seed, so no mean is drawn: training.batch_size=16 (0 of 2 seeds).",
                drawn.notes().getLast());
        double lowest = Math.min(time[1], time[2]);
        assertEquals(lowest, chart.getSeries("lowest time to target (" + (lowest == time[1] ? "64" : "256") + ")")
                .getYData()[0]);
        PlotsTest.rendersHeadless(chart);
    }
}
