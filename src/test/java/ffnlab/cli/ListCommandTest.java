package ffnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.analysis.ResultsFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code list}: every results folder of an experiment (plain, profile, variant) with its trials counted against its plan;
 * trial folders outside the plan are "other", never counted as planned or finished.
 */
class ListCommandTest {
    @TempDir
    Path root;

    /** The width-sweep fixture under {@code name}, with a plan of its first {@code planned} trial folders plus one never started. */
    private void widthSweep(String name, int planned) throws IOException {
        Path dir = ResultsFixture.widthSweep(root.resolve("tmp-" + name));
        Files.move(dir, root.resolve(name));
        try (Stream<Path> trials = Files.list(root.resolve(name).resolve("trials"))) {
            List<String> ids = trials.map(p -> p.getFileName().toString()).sorted().limit(planned).toList();
            Files.writeString(root.resolve(name).resolve("plan.txt"), String.join("\n", ids) + "\n0000000000000001\n");
        }
    }

    private static String line(String out, String folder) {
        return out.lines().filter(l -> l.startsWith("  " + folder + " ")).findFirst().orElseThrow(() -> new AssertionError(folder + " not in\n" + out));
    }

    @Test
    void countsEachProfileAndVariantAgainstItsPlan() throws IOException {
        widthSweep("width-sweep", 13);     // all 13 folders planned (12 finished incl. 1 diverged, 1 unfinished) + 1 not started
        widthSweep("width-sweep-smoke", 5);      // 5 of the 13 folders planned + 1 not started; 8 folders are other
        widthSweep("width-sweep@lr-0.01", 13);
        widthSweep("no-such-file", 13);
        InProcessCommand.Result r = InProcessCommand.once("list", "--results", root.toString());
        assertEquals(0, r.status(), r.err());
        String all = line(r.out(), "width-sweep");
        assertTrue(all.matches(".*planned +14 +finished +11 +diverged +1 +unfinished +2$"), all);
        String smoke = line(r.out(), "width-sweep-smoke");
        assertTrue(smoke.contains("planned   6") && smoke.endsWith("  other 8"), smoke);
        assertTrue(line(r.out(), "width-sweep@lr-0.01").contains("planned  14"), r.out());
        List<String> lines = r.out().lines().toList();
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("width-sweep  ")).findFirst().orElseThrow());
        assertEquals(List.of("width-sweep", "width-sweep-smoke", "width-sweep@lr-0.01"),
                lines.subList(header + 1, header + 4).stream().map(l -> l.strip().split(" +")[0]).toList(), r.out());
        assertTrue(r.out().contains("results of no experiment file in experiments:\n  no-such-file "), r.out());
        assertTrue(line(r.out(), "no-such-file").contains("planned  14"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("depth-sweep  ")) && r.out().contains("  no results yet"), r.out());
    }

    @Test
    void listNameShowsOneExperimentAndAnUnknownNameIsOneLine() throws IOException {
        widthSweep("width-sweep", 13);
        InProcessCommand.Result one = InProcessCommand.once("list", "width-sweep", "--results", root.toString());
        assertEquals(0, one.status(), one.err());
        assertEquals(2, one.out().lines().count(), one.out());
        InProcessCommand.Result bad = InProcessCommand.once("list", "widht-sweep", "--results", root.toString());
        assertEquals(2, bad.status());
        assertEquals("", bad.out());
        assertEquals(1, bad.err().lines().count(), bad.err());
        assertTrue(bad.err().contains("did you mean 'width-sweep'?"), bad.err());
    }
}
