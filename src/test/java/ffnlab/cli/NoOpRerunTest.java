package ffnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rerun that trains nothing prints what the first run printed and rewrites no report; {@code --fresh} (new results)
 * and {@code report} rewrite them. A page's modification time, set to {@link #OLD} before a command, tells whether
 * the command wrote it.
 */
class NoOpRerunTest {
    private static final FileTime OLD = FileTime.fromMillis(0);

    @TempDir
    Path dir;

    private InProcessCommand.Result command(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--profile", "smoke", "--threads", "1", "--results", dir.resolve("results").toString()));
        InProcessCommand.Result r = InProcessCommand.once(all.toArray(String[]::new));
        assertEquals(0, r.status(), r.describe(String.join(" ", args)));
        return r;
    }

    @Test
    void aRerunThatTrainsNothingRewritesNoReport() throws IOException {
        Path page = dir.resolve("reports").resolve("toy-mapping-smoke").resolve("index.html");
        Path index = dir.resolve("reports").resolve("index.html");
        InProcessCommand.Result first = command("run", "toy-mapping");
        assertTrue(first.out().contains("2 trials: 2 trained"), first.out());

        age(page, index);
        InProcessCommand.Result rerun = command("run", "toy-mapping");
        assertTrue(rerun.out().contains("2 trials: 0 trained, 0 diverged, 2 skipped"), rerun.out());
        assertEquals(afterSummaryLine(first.out()), afterSummaryLine(rerun.out()), "the same lines, reports included");
        assertEquals(OLD, Files.getLastModifiedTime(page), "the report's inputs did not change");
        assertEquals(OLD, Files.getLastModifiedTime(index));

        command("run", "toy-mapping", "--fresh");
        assertNotEquals(OLD, Files.getLastModifiedTime(page), "a retrained trial is a new result");
        assertNotEquals(OLD, Files.getLastModifiedTime(index));

        age(page, index);
        command("report", "toy-mapping");
        assertNotEquals(OLD, Files.getLastModifiedTime(page), "report always rebuilds");
        assertNotEquals(OLD, Files.getLastModifiedTime(index));
    }

    /** The output after the run's line of counts and duration (a run that trains prints its live page's URL first). */
    private static List<String> afterSummaryLine(String out) {
        List<String> lines = out.lines().toList();
        int summary = 0;
        while (summary < lines.size() && !lines.get(summary).contains(" trials: ")) {
            summary++;
        }
        assertTrue(summary < lines.size(), "no summary line in:\n" + out);
        return lines.subList(summary + 1, lines.size());
    }

    private static void age(Path... files) throws IOException {
        for (Path f : files) {
            Files.setLastModifiedTime(f, OLD);
        }
    }
}
