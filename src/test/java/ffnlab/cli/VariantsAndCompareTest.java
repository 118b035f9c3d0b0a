package ffnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two variants of width-sweep (smoke profile) side by side: each in its own results folder with its own plan and
 * report, trials with the same id trained once, both listed under width-sweep in the index, and compare between them.
 */
class VariantsAndCompareTest {
    private static final String TWO_SEEDS = "width-sweep-smoke@two-seeds";
    private static final String FAST = "width-sweep-smoke@seeds=1+2,lr=0.05";

    @TempDir
    Path dir;

    private InProcessCommand.Result run(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("run", "width-sweep", "--profile", "smoke", "--threads", "2",
                "--results", dir.resolve("results").toString()));
        args.addAll(List.of(extra));
        return InProcessCommand.once(args.toArray(String[]::new));
    }

    private InProcessCommand.Result compare(String... names) {
        List<String> args = new java.util.ArrayList<>(List.of("compare"));
        args.addAll(List.of(names));
        args.addAll(List.of("--profile", "smoke", "--results", dir.resolve("results").toString()));
        return InProcessCommand.once(args.toArray(String[]::new));
    }

    @Test
    void variantsKeepTheirOwnResultsShareTrialsAndCompare() throws IOException {
        Path results = dir.resolve("results");
        Path reports = dir.resolve("reports");

        InProcessCommand.Result named = run("--variant", "two-seeds", "--set", "seeds=[1,2]");
        assertEquals(0, named.status(), named.err());
        assertTrue(named.out().contains("18 trials: 18 trained"), named.out());

        InProcessCommand.Result derived = run("--set", "training.lr=0.05,seeds=[1,2]");
        assertEquals(0, derived.status(), derived.err());
        assertTrue(derived.out().contains("18 trials: 18 trained"), derived.out());

        // the experiment as written (seed 1 only) is 9 trials the two-seeds variant already trained: none trains again
        InProcessCommand.Result base = run();
        assertEquals(0, base.status(), base.err());
        assertTrue(base.out().contains("9 trials: 0 trained, 0 diverged, 9 skipped"), base.out());

        for (String name : List.of("width-sweep-smoke", TWO_SEEDS, FAST)) {
            assertTrue(Files.exists(results.resolve(name).resolve("plan.txt")), name);
            assertTrue(Files.exists(results.resolve(name).resolve("experiment.yaml")), name);
            assertTrue(Files.exists(reports.resolve(name).resolve("index.html")), name);
        }
        assertTrue(Files.readString(results.resolve(FAST).resolve("experiment.yaml")).contains("training:\n  lr: 0.05")
                || Files.readString(results.resolve(FAST).resolve("experiment.yaml")).contains("lr: 0.05"));
        assertEquals(9, Files.readAllLines(results.resolve("width-sweep-smoke").resolve("plan.txt")).size());
        assertEquals(18, Files.readAllLines(results.resolve(TWO_SEEDS).resolve("plan.txt")).size());
        String shared = Files.readAllLines(results.resolve("width-sweep-smoke").resolve("plan.txt")).getFirst();
        Path inBase = results.resolve("width-sweep-smoke").resolve("trials").resolve(shared).resolve("summary.yaml");
        Path inVariant = results.resolve(TWO_SEEDS).resolve("trials").resolve(shared).resolve("summary.yaml");
        assertTrue(Files.isSameFile(inBase, inVariant), "a shared trial is one set of files (hard links), not a copy");

        String index = Files.readString(reports.resolve("index.html"));
        int baseRow = index.indexOf("href=\"width-sweep-smoke/index.html\"");
        int fastRow = index.indexOf("href=\"" + FAST + "/index.html\">@seeds=1+2,lr=0.05</a>");
        int twoSeedsRow = index.indexOf("href=\"" + TWO_SEEDS + "/index.html\">@two-seeds</a>");
        assertTrue(baseRow >= 0 && baseRow < fastRow && fastRow < twoSeedsRow, "variants follow their experiment in the index");
        assertTrue(index.contains("variant with seeds=[1, 2], training.lr=0.05 of:"), "a variant's row says its overrides");

        InProcessCommand.Result c = compare("width-sweep@two-seeds", "width-sweep@seeds=1+2,lr=0.05");
        assertEquals(0, c.status(), c.err());
        List<String> lines = c.out().lines().toList();
        assertTrue(lines.getFirst().startsWith("final test m.s.e.: A = " + TWO_SEEDS + ", B = " + FAST), c.out());
        List<String> rows = lines.stream().filter(l -> l.startsWith("model.hidden=")).toList();
        assertEquals(9, rows.size(), c.out());
        rows.forEach(r -> assertTrue(r.matches(".* \\(2\\) .* \\(2\\) .*\\[.*, .*\\]  (better|worse|indistinguishable)"), r));
        Path page = reports.resolve("compare-" + TWO_SEEDS + "-vs-" + FAST).resolve("index.html");
        assertTrue(lines.getLast().equals("report: " + page), c.out());
        String html = Files.readString(page);
        assertTrue(html.contains("Welch"), "the page says the method");
        assertTrue(html.contains("class=\"sortable\""));
        assertEquals(9, html.split("<tr class=\"(better|worse|indistinguishable)\">", -1).length - 1);
        assertFalse(html.contains("<script src=") || html.contains("<link "), "self-contained");

        // one name: a variant against the experiment as written (one seed there: not assessed)
        InProcessCommand.Result againstBase = compare("width-sweep@two-seeds");
        assertEquals(0, againstBase.status(), againstBase.err());
        assertTrue(againstBase.out().startsWith("final test m.s.e.: A = width-sweep-smoke, B = " + TWO_SEEDS), againstBase.out());
        assertEquals(9, againstBase.out().lines().filter(l -> l.endsWith("not assessed")).count(), againstBase.out());

        InProcessCommand.Result unknown = compare("width-sweep@two-seed", "width-sweep");
        assertEquals(2, unknown.status());
        assertEquals(List.of("ffnlab: unknown experiment or variant '" + "width-sweep-smoke@two-seed" + "'; did you mean '" + TWO_SEEDS
                + "'? (results in " + results + ")"), unknown.err().lines().toList());
        InProcessCommand.Result report = InProcessCommand.once("report", "width-sweep@two-sed", "--profile", "smoke", "--results", results.toString());
        assertEquals(2, report.status());
        assertEquals(1, report.err().lines().count(), report.err());
        assertTrue(report.err().contains("did you mean '" + TWO_SEEDS + "'"), report.err());
    }

    @Test
    void aVariantNameThatIsNotSafeIsOneLine() {
        InProcessCommand.Result r = run("--variant", "../up");
        assertEquals(2, r.status());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("ffnlab: variant: expected"), r.err());
        InProcessCommand.Result clash = InProcessCommand.once("run", "width-sweep@a", "--variant", "b");
        assertEquals(2, clash.status());
        assertEquals(1, clash.err().lines().count(), clash.err());
    }
}
