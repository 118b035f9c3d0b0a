package ffnlab.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.spec.ExperimentFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The repository holds the chapter's seven experiments and the multi-key grids; {@link CommittedReportsInBrowserTest}
 * runs every experiment file under the smoke profile and checks its report.
 */
class ChapterExperimentsSmokeTest {
    private static final List<String> CHAPTER = List.of("toy-mapping", "housing-ffn", "width-sweep", "housing-dnn",
            "depth-sweep", "fashion-mnist", "batch-size-sweep");

    @Test
    void theRepositoryHoldsTheSevenChapterExperimentsAndTheMultiKeyGrids() {
        List<String> names = new ExperimentFiles(Path.of("experiments")).names();
        assertTrue(names.containsAll(CHAPTER), names.toString());
        assertTrue(names.containsAll(CommittedReportsInBrowserTest.MULTI_KEY.keySet()), names.toString());
    }
}
