package ffnlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.analysis.Aggregation;
import ffnlab.analysis.ExperimentResults;
import ffnlab.analysis.ResultsFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The results table a run prints is the table of its trials' results, read back only when they changed. Whether the
 * file was made again is read off its modification time, first set to {@link #OLD}.
 */
class ResultsTableFileTest {
    private static final FileTime OLD = FileTime.fromMillis(0);

    @TempDir
    Path tmp;
    Path experiment;
    Path reportDir;
    Path file;
    List<String> ids;

    @BeforeEach
    void depthSweep() throws IOException {
        experiment = ResultsFixture.depthSweep(tmp.resolve("results"));
        reportDir = tmp.resolve("reports").resolve("depth-sweep");
        file = reportDir.resolve(ResultsTableFile.NAME);
        try (Stream<Path> trials = Files.list(experiment.resolve("trials"))) {
            ids = trials.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private String tableReadNow(List<String> trialIds) {
        return ResultsTable.format(Aggregation.perConfiguration(ExperimentResults.load(experiment, trialIds)));
    }

    @Test
    void theTableIsTheTrialsTableAndIsKeptBesideTheReport() throws IOException {
        String table = ResultsTableFile.of(experiment, reportDir, ids);
        assertEquals(tableReadNow(ids), table);
        assertEquals(table, Files.readString(file));
        assertTrue(table.lines().count() > 4, table);
    }

    @Test
    void unchangedResultsAreNotReadAgain() throws IOException {
        String first = ResultsTableFile.of(experiment, reportDir, ids);
        Files.setLastModifiedTime(file, OLD);
        assertEquals(first, ResultsTableFile.of(experiment, reportDir, ids));
        assertEquals(OLD, Files.getLastModifiedTime(file), "nothing changed, so the kept table is printed");
    }

    @Test
    void aChangedResultIsReadAgain() throws IOException {
        String first = ResultsTableFile.of(experiment, reportDir, ids);
        Files.setLastModifiedTime(file, OLD);
        Path summary;
        try (Stream<Path> files = Files.walk(experiment.resolve("trials"))) {
            summary = files.filter(p -> p.getFileName().toString().equals("summary.yaml")).sorted().findFirst().orElseThrow();
        }
        String yaml = Files.readString(summary);
        String changed = yaml.replaceFirst("final_test_mse: [^\\n]+", "final_test_mse: 9.5");
        assertNotEquals(yaml, changed, "the fixture's summary has a final_test_mse");
        Files.writeString(summary, changed);
        String second = ResultsTableFile.of(experiment, reportDir, ids);
        assertNotEquals(first, second);
        assertEquals(tableReadNow(ids), second);
        assertNotEquals(OLD, Files.getLastModifiedTime(file));
    }

    @Test
    void otherTrialsMakeAnotherTable() {
        String all = ResultsTableFile.of(experiment, reportDir, ids);
        List<String> half = ids.subList(0, ids.size() / 2);
        String some = ResultsTableFile.of(experiment, reportDir, half);
        assertNotEquals(all, some);
        assertEquals(tableReadNow(half), some);
    }

    @Test
    void aTableEditedByHandIsMadeAgain() throws IOException {
        String table = ResultsTableFile.of(experiment, reportDir, ids);
        Files.writeString(file, "edited\n");
        assertEquals(table, ResultsTableFile.of(experiment, reportDir, ids));
        assertFalse(Files.readString(file).startsWith("edited"));
    }
}
