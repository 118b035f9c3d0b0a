package ffnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.analysis.ResultsFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare NAME --baseline K=V}: every other configuration of NAME against the baseline configuration, as a console
 * table and a page; a baseline that is no configuration, or one given with two names, is one line and exit status 2.
 */
class CompareBaselineTest {
    @TempDir
    Path dir;
    private Path results;

    @BeforeEach
    void sweep() {
        results = dir.resolve("results");
        Map<Object, double[]> finals = new LinkedHashMap<>();
        finals.put(16, new double[] {2.0, 2.1, 1.9});
        finals.put(64, new double[] {1.0, 1.1, 0.9});
        finals.put(256, new double[] {0.5, 0.6, 0.4});
        ResultsFixture.finalTestMse(results, "widths", "model.hidden", finals);
    }

    @Test
    void everyOtherConfigurationAgainstTheBaselineOnTheConsoleAndAPage() throws IOException {
        InProcessCommand.Result r = InProcessCommand.once("compare", "widths", "--baseline", "model.hidden=64", "--results", results.toString());
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("final test m.s.e.: A = model.hidden=64 of widths (the baseline), B = each other configuration of widths;"
                + " B - A with its 95% Welch CI", lines.getFirst());
        assertTrue(lines.get(2).matches("model\\.hidden=16 +1 \\(3\\) +2 \\(3\\) +1 +\\[0\\.77\\d*, 1\\.22\\d*\\]  worse"), lines.get(2));
        assertTrue(lines.get(3).matches("model\\.hidden=256 +1 \\(3\\) +0\\.5 \\(3\\) +-0\\.5 +\\[-0\\.72\\d*, -0\\.27\\d*\\]  better"),
                lines.get(3));
        Path page = dir.resolve("reports").resolve("compare-widths-baseline-model.hidden=64").resolve("index.html");
        assertEquals("report: " + page, lines.getLast());
        assertEquals(5, lines.size(), r.out());
        String html = Files.readString(page);
        assertEquals(1, html.split("<tr class=\"worse\">", -1).length - 1);
        assertEquals(1, html.split("<tr class=\"better\">", -1).length - 1);
        assertTrue(html.contains("better in 1, worse in 1, indistinguishable in 0, not assessed in 0 of 2 configurations compared with"
                + " the baseline."), html);
    }

    @Test
    void aBaselineThatIsNoConfigurationListsThemInOneLine() {
        InProcessCommand.Result r = InProcessCommand.once("compare", "widths", "--baseline", "model.hidden=[64]", "--results",
                results.toString());
        assertEquals(2, r.status());
        assertEquals("", r.out());
        assertEquals(List.of("ffnlab: no configuration model.hidden=[64] in widths; its configurations: model.hidden=16; model.hidden=64;"
                + " model.hidden=256"), r.err().lines().toList());
    }

    @Test
    void aBaselineGoesWithOneName() {
        InProcessCommand.Result r = InProcessCommand.once("compare", "widths", "widths@x", "--baseline", "model.hidden=64");
        assertEquals(2, r.status());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("ffnlab: --baseline goes with compare and one results name"), r.err());
        InProcessCommand.Result malformed = InProcessCommand.once("compare", "widths", "--baseline", "model.hidden", "--results",
                results.toString());
        assertEquals(2, malformed.status());
        assertEquals(1, malformed.err().lines().count(), malformed.err());
        assertTrue(malformed.err().contains("expected key=value"), malformed.err());
    }
}
