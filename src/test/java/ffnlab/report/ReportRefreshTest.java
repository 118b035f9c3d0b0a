package ffnlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.analysis.ResultsFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ReportCommand#refresh} rewrites a page only when its inputs changed. Whether a page was rewritten is read off
 * its modification time, which each test first sets to {@link #OLD}: every write (a rename of a new file) gives a
 * new time, and a page left alone keeps OLD.
 */
class ReportRefreshTest {
    private static final FileTime OLD = FileTime.fromMillis(0);

    @TempDir
    Path tmp;
    Path results;
    Path reports;
    Path depthPage;
    Path depthSummary;
    Path toyPage;
    Path index;

    @BeforeEach
    void twoExperimentsWithReports() {
        results = tmp.resolve("results");
        reports = tmp.resolve("reports");
        ResultsFixture.depthSweep(results);
        ResultsFixture.toyMapping(results);
        depthPage = reports.resolve("depth-sweep").resolve("index.html");
        depthSummary = reports.resolve("depth-sweep").resolve("summary.csv");
        toyPage = reports.resolve("toy-mapping").resolve("index.html");
        index = reports.resolve("index.html");
        refresh("");
    }

    @Test
    void unchangedResultsRewriteNothingAndPrintTheSameLines() throws IOException {
        String first = refresh("depth-sweep");
        age(depthPage, depthSummary, toyPage, index);
        String second = refresh("depth-sweep");
        assertEquals(first, second, "the same lines whether or not a page was rebuilt");
        assertEquals(List.of("report: " + depthPage, "index:  " + index), second.lines().toList());
        for (Path p : List.of(depthPage, depthSummary, toyPage, index)) {
            assertEquals(OLD, Files.getLastModifiedTime(p), p + " was rewritten though nothing changed");
        }
    }

    @Test
    void aChangedTrialResultRebuildsItsReportAndTheIndex() throws IOException {
        String before = Files.readString(depthPage);
        Path summary = trialFile("depth-sweep", "summary.yaml");
        String yaml = Files.readString(summary);
        String changed = yaml.replaceFirst("final_test_mse: [^\\n]+", "final_test_mse: 9.5");
        assertNotEquals(yaml, changed, "the fixture's summary has a final_test_mse");
        Files.writeString(summary, changed);
        age(depthPage, depthSummary, toyPage, index);
        refresh("depth-sweep");
        assertNotEquals(OLD, Files.getLastModifiedTime(depthPage), "the report reads the changed result");
        assertNotEquals(OLD, Files.getLastModifiedTime(depthSummary));
        assertNotEquals(OLD, Files.getLastModifiedTime(index), "the index shows the experiment's headline");
        assertEquals(OLD, Files.getLastModifiedTime(toyPage), "another experiment's report is not this run's");
        assertNotEquals(before, Files.readString(depthPage));
    }

    @Test
    void aResultOfAnotherExperimentRebuildsTheIndexOnly() throws IOException {
        Path summary = trialFile("toy-mapping", "summary.yaml");
        Files.writeString(summary, Files.readString(summary) + "# retrained\n");
        age(depthPage, depthSummary, toyPage, index);
        refresh("depth-sweep");
        assertEquals(OLD, Files.getLastModifiedTime(depthPage));
        assertNotEquals(OLD, Files.getLastModifiedTime(index), "toy-mapping's entry of the index may have changed");
    }

    @Test
    void aNewExperimentFolderOrAMissingPageRebuildsTheIndex() throws IOException {
        ResultsFixture.batchSweep(results);
        age(index);
        refresh("depth-sweep");
        assertNotEquals(OLD, Files.getLastModifiedTime(index), "the index lists every results folder");

        Files.delete(toyPage);
        age(index);
        refresh("depth-sweep");
        assertNotEquals(OLD, Files.getLastModifiedTime(index), "the index links only the reports that exist");
    }

    @Test
    void aPageRewrittenOrRemovedBySomethingElseIsRebuilt() throws IOException {
        String built = Files.readString(depthPage);
        Files.writeString(depthPage, "<p>still running</p>");
        refresh("depth-sweep");
        assertEquals(built, Files.readString(depthPage));

        Files.delete(depthSummary);
        age(depthPage);
        refresh("depth-sweep");
        assertTrue(Files.exists(depthSummary));
        assertNotEquals(OLD, Files.getLastModifiedTime(depthPage));
    }

    @Test
    void reportOnlyRebuildsEveryPageEvenWhenNothingChanged() throws IOException {
        age(depthPage, toyPage, index);
        ReportCommand.run("", results, reports, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        for (Path p : List.of(depthPage, toyPage, index)) {
            assertNotEquals(OLD, Files.getLastModifiedTime(p), p + " is rebuilt on request");
        }
        age(depthPage, index);
        refresh("depth-sweep");
        assertEquals(OLD, Files.getLastModifiedTime(depthPage), "a rebuilt page is recorded as fresh");
        assertEquals(OLD, Files.getLastModifiedTime(index));
    }

    @Test
    void aPageWhoseWriteFailedIsNotMarkedFresh() throws IOException {
        String old = Files.readString(depthPage);
        Path summary = trialFile("depth-sweep", "summary.yaml");
        Files.writeString(summary, Files.readString(summary).replaceFirst("final_test_mse: [^\\n]+", "final_test_mse: 9.5"));
        // the page cannot be replaced: a non-empty folder stands in its place
        Files.delete(depthPage);
        Files.createDirectories(depthPage.resolve("blocker"));
        assertThrows(UncheckedIOException.class, () -> refresh("depth-sweep"));
        PageFingerprint record = new PageFingerprint(depthPage);
        assertFalse(Files.exists(record.file()), "no record outlives a failed build");
        // what a crash leaves: the old page, the new results
        Files.delete(depthPage.resolve("blocker"));
        Files.delete(depthPage);
        Files.writeString(depthPage, old);
        age(depthPage);
        refresh("depth-sweep");
        assertNotEquals(OLD, Files.getLastModifiedTime(depthPage), "the old page is rebuilt");
        assertNotEquals(old, Files.readString(depthPage));
    }

    @Test
    void aRecordVouchesOnlyForTheTextItWasWrittenFor() throws IOException {
        PageFingerprint record = new PageFingerprint(depthPage);
        Files.writeString(depthPage, "old page");
        record.record("inputs-1", "new page");   // as if recorded after a write that did not happen
        assertFalse(record.fresh("inputs-1"), "the page on disk is not the one recorded");
        Files.writeString(depthPage, "new page");
        assertTrue(record.fresh("inputs-1"));
        assertFalse(record.fresh("inputs-2"), "other inputs");
        Files.writeString(record.file(), "garbage");
        assertFalse(record.fresh("inputs-1"));
        Files.delete(depthPage);
        record.record("inputs-1", "new page");
        assertFalse(record.fresh("inputs-1"), "a missing page");
    }

    @Test
    void resultsFingerprintReadsEveryByteButNotLocksTemporaryFilesOrTheRunLog() throws IOException {
        Path dir = results.resolve("depth-sweep");
        String fingerprint = ReportInputs.of(dir);
        assertEquals(fingerprint, ReportInputs.of(dir), "the same bytes, the same fingerprint");
        Path trial = trialFile("depth-sweep", "summary.yaml").getParent();
        Files.writeString(trial.resolve(".lock"), "");
        Files.writeString(trial.resolve(".summary.yaml.123.tmp"), "half");
        Files.writeString(dir.resolve("run.log"), "another run\n");
        assertEquals(fingerprint, ReportInputs.of(dir));

        Path metrics = trial.resolve("metrics.csv");
        byte[] bytes = Files.readAllBytes(metrics);
        int last = bytes.length - 2;
        bytes[last] = (byte) (bytes[last] == '1' ? '2' : '1');   // same size, one byte changed
        Files.write(metrics, bytes);
        String changed = ReportInputs.of(dir);
        assertNotEquals(fingerprint, changed);

        Files.writeString(dir.resolve("experiment.yaml"), Files.readString(dir.resolve("experiment.yaml")) + "# edited\n");
        assertNotEquals(changed, ReportInputs.of(dir));
    }

    private String refresh(String experiment) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportCommand.refresh(experiment, results, reports, new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The file {@code name} of the first trial folder of {@code experiment}. */
    private Path trialFile(String experiment, String name) throws IOException {
        try (Stream<Path> trials = Files.list(results.resolve(experiment).resolve("trials"))) {
            return trials.filter(Files::isDirectory).sorted().findFirst().orElseThrow().resolve(name);
        }
    }

    private static void age(Path... files) throws IOException {
        for (Path f : files) {
            Files.setLastModifiedTime(f, OLD);
        }
    }
}
