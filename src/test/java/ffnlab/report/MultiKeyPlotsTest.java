package ffnlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.analysis.ExperimentResults;
import ffnlab.analysis.ResultsFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports of sweeps over two and three keys add the heatmap and the parallel coordinates by default. */
class MultiKeyPlotsTest {
    @TempDir
    Path tmp;

    @Test
    void twoSweptKeysAddTheHeatmapThreeTheParallelCoordinatesOneNeither() {
        Path results = tmp.resolve("results");
        ResultsFixture.lrWidthGrid(results);
        ResultsFixture.lrWidthBatchGrid(results);
        ResultsFixture.widthSweep(results);
        List<PlotKind> two = PlotGallery.kinds(ExperimentFindings.of(ExperimentResults.load(results, "lr-width-grid"), false));
        assertTrue(two.contains(PlotKind.HEATMAP) && !two.contains(PlotKind.PARALLEL_COORDINATES), two.toString());
        List<PlotKind> three = PlotGallery.kinds(ExperimentFindings.of(ExperimentResults.load(results, "lr-width-batch-grid"), false));
        assertTrue(three.contains(PlotKind.PARALLEL_COORDINATES) && !three.contains(PlotKind.HEATMAP), three.toString());
        List<PlotKind> one = PlotGallery.kinds(ExperimentFindings.of(ExperimentResults.load(results, "width-sweep"), false));
        assertFalse(one.contains(PlotKind.HEATMAP) || one.contains(PlotKind.PARALLEL_COORDINATES), one.toString());
        assertEquals(PlotKind.PARALLEL_COORDINATES, PlotKind.of("parallel_coordinates").orElseThrow());
        assertEquals(PlotKind.HEATMAP, PlotKind.of("heatmap").orElseThrow());
    }

    @Test
    void theReportsDrawThemWithTheReportXKeyAlongX() throws IOException {
        Path results = tmp.resolve("results");
        Path reports = tmp.resolve("reports");
        ResultsFixture.lrWidthGrid(results);
        ResultsFixture.lrWidthBatchGrid(results);
        String two = Files.readString(ReportBuilder.build(results, reports, "lr-width-grid"));
        assertTrue(two.contains("<figure class=\"plot\" id=\"heatmap\"><svg"), "the heatmap is drawn");
        assertTrue(two.contains("Final m.s.e. over model.hidden and training.lr"), "report.x (model.hidden) runs along x");
        assertTrue(two.contains(">0.005</text>"), "value labels are written as they are, never rounded as coordinates");
        assertTrue(two.matches("(?s).*>0\\.\\d{3}</text>.*"), "cell means keep three significant digits");
        String three = Files.readString(ReportBuilder.build(results, reports, "lr-width-batch-grid"));
        assertTrue(three.contains("<figure class=\"plot\" id=\"parallel_coordinates\"><svg"), "parallel coordinates are drawn");
        assertFalse(two.contains("not drawn") || three.contains("not drawn"));
    }

    @Test
    void aHeatmapAskedForOnOneKeyIsANoteSayingWhyNotAFailedReport() throws IOException {
        Path results = tmp.resolve("results");
        Path dir = ResultsFixture.widthSweep(results);
        Files.writeString(dir.resolve("experiment.yaml"), Files.readString(dir.resolve("experiment.yaml"))
                .replace("report:\n", "report:\n  plots: [heatmap, parallel_coordinates]\n"));
        List<Figure> figures = PlotGallery.draw(ExperimentFindings.of(ExperimentResults.load(results, "width-sweep"), false));
        assertEquals(List.of(PlotKind.HEATMAP, PlotKind.PARALLEL_COORDINATES), figures.stream().map(Figure::kind).toList());
        assertEquals("a heatmap needs exactly two swept keys, this sweep has 1 [model.hidden]", figures.get(0).problem());
        assertEquals("parallel coordinates need at least two swept keys, this sweep has 1", figures.get(1).problem());
    }
}
