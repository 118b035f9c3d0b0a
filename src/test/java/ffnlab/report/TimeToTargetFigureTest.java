package ffnlab.report;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.analysis.ExperimentResults;
import ffnlab.analysis.ResultsFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeToTargetFigureTest {
    @TempDir
    Path root;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    /** The fixture's batch sweep with {@code report.target_accuracy} set and the time-to-target plot listed. */
    private ExperimentFindings withTarget(String target) throws IOException {
        Path dir = ResultsFixture.batchSweep(root);
        Path file = dir.resolve("experiment.yaml");
        Files.writeString(file, Files.readString(file).replace("report:\n", "report:\n  target_accuracy: " + target + "\n")
                .replace("time_vs_batch,", "time_vs_batch, time_to_target,"));
        return ExperimentFindings.of(ExperimentResults.load(dir));
    }

    private static Figure timeToTarget(ExperimentFindings f) {
        return PlotGallery.draw(f).stream().filter(x -> x.kind() == PlotKind.TIME_TO_TARGET).findFirst().orElseThrow();
    }

    @Test
    void aReachedTargetIsDrawnAndSaidWhereItIsLowestAndWhereNotReached() throws IOException {
        ExperimentFindings f = withTarget("0.80");
        Figure figure = timeToTarget(f);
        assertNotNull(figure.svg(), figure.problem());
        assertTrue(figure.caption().contains("warm-up excluded"), figure.caption());
        List<String> sentences = ChapterVsMeasured.sentences(f);
        assertTrue(sentences.stream().anyMatch(s -> s.startsWith("Time to test accuracy 0.8 = updates to the first test measurement")),
                sentences.toString());
        assertTrue(sentences.stream().anyMatch(s -> s.contains("the time to test accuracy 0.8 is lowest at training.batch_size = ")),
                "the verdict judges the time to the target as one of the claim's curves: " + sentences);
        assertTrue(sentences.contains("Not reached by every seed within the epochs run, so no time is given: "
                + "training.batch_size = 16 (0 of 2 seeds)."), sentences.toString());
    }

    @Test
    void aTargetNoTrialReachedHasNoPlotAndTheChapterBoxSaysSo() throws IOException {
        ExperimentFindings f = withTarget("0.99");
        assertTrue(PlotGallery.kinds(f).stream().noneMatch(k -> k == PlotKind.TIME_TO_TARGET), PlotGallery.kinds(f).toString());
        assertTrue(ChapterVsMeasured.sentences(f).contains("Time to test accuracy 0.99: no batch size reached it with every seed."),
                ChapterVsMeasured.sentences(f).toString());
    }
}
