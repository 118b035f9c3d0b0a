package ffnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.report.LiveStatus;
import ffnlab.report.ReportBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live page on the command line: run prints its file:// URL once and ends on the final report, which neither
 * reloads nor says running; a page an interrupted run left marked running is replaced by report.
 */
class LivePageCommandTest {
    @TempDir
    Path dir;

    @Test
    void runPrintsTheUrlOnceAndLeavesTheFinalPage() throws Exception {
        Path experiments = Files.createDirectories(dir.resolve("experiments"));
        Files.writeString(experiments.resolve("toy.yaml"), """
                dataset: {source: toy-mapping}
                model: {hidden: [3]}
                training: {epochs: 10}
                seeds: [1, 2]
                """);
        Path results = dir.resolve("results");
        Path page = dir.resolve("reports/toy/index.html");
        List<String> args = List.of("run", "toy", "--threads", "1", "--experiments", experiments.toString(), "--results", results.toString());
        InProcessCommand.Result run = InProcessCommand.once(args.toArray(String[]::new));
        assertEquals(0, run.status(), run.describe("run"));
        List<String> urls = run.out().lines().filter(l -> l.contains("file:")).toList();
        assertEquals(List.of("live page: " + page.toUri()), urls, run.out());
        assertTrue(run.out().startsWith("live page: "), "the URL comes first, before any trial ends:\n" + run.out());
        String last = Files.readString(page, StandardCharsets.UTF_8);
        assertFalse(last.contains("http-equiv=\"refresh\""), "the final page reloads itself");
        assertFalse(last.contains("id=\"" + LiveStatus.MARKER_ID + "\""), "the final page says running");

        // as if the run had been killed: the page says running, with a last update an hour ago
        Instant hourAgo = Instant.now().minusSeconds(3600);
        Files.writeString(page, ReportBuilder.livePage(results, dir.resolve("reports"), "toy", new LiveStatus(4, hourAgo, hourAgo, 10)));
        assertTrue(Files.readString(page).contains("running: 2 of 4 trials finished"));
        InProcessCommand.Result report = InProcessCommand.once("report", "toy", "--results", results.toString());
        assertEquals(0, report.status(), report.describe("report"));
        String rebuilt = Files.readString(page, StandardCharsets.UTF_8);
        assertFalse(rebuilt.contains("http-equiv=\"refresh\"") || rebuilt.contains("running:"), "report leaves the page of an interrupted run");

        // a rerun with nothing to train announces no live page
        InProcessCommand.Result rerun = InProcessCommand.once(args.toArray(String[]::new));
        assertEquals(0, rerun.status(), rerun.describe("rerun"));
        assertFalse(rerun.out().contains("live page:"), rerun.out());
    }
}
