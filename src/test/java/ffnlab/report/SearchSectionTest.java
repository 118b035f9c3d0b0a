package ffnlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.analysis.ExperimentResults;
import ffnlab.results.YamlText;
import ffnlab.search.SearchTable;
import ffnlab.search.SearchTable.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search section of a page, from a search.csv written here: the best configuration, the rungs, the progress plot. */
class SearchSectionTest {
    @TempDir
    Path dir;

    private static final List<SearchTable.Row> ROWS = List.of(
            new SearchTable.Row(0, 0.30, 6, Outcome.STOPPED, "model.hidden=2, training.epochs=3", List.of("00000000000000a1")),
            new SearchTable.Row(0, 0.20, 6, Outcome.PROMOTED, "model.hidden=4, training.epochs=3", List.of("00000000000000a2")),
            new SearchTable.Row(0, Double.NaN, 2, Outcome.STOPPED, "model.hidden=8, training.epochs=3", List.of("00000000000000a3")),
            new SearchTable.Row(1, 0.15, 18, Outcome.BEST, "model.hidden=4, training.epochs=9", List.of("00000000000000b1", "00000000000000b2")));

    /** Two brackets over widths 2, 4, 8 with rungs of 3 and 9 epochs; width 4 at 9 epochs is one trial both reach. */
    private static final List<SearchTable.Row> BRACKETS = List.of(
            new SearchTable.Row(0, 0, 0, 0.30, 3, Outcome.STOPPED, "model.hidden=2, training.epochs=3", List.of("00000000000000a1")),
            new SearchTable.Row(0, 0, 0, 0.20, 3, Outcome.PROMOTED, "model.hidden=4, training.epochs=3", List.of("00000000000000a2")),
            new SearchTable.Row(0, 0, 0, 0.25, 3, Outcome.STOPPED, "model.hidden=8, training.epochs=3", List.of("00000000000000a3")),
            new SearchTable.Row(1, 0, 1, 0.15, 9, Outcome.BEST, "model.hidden=4, training.epochs=9", List.of("00000000000000b1")),
            new SearchTable.Row(2, 1, 1, 0.15, 0, Outcome.STOPPED, "model.hidden=4, training.epochs=9", List.of("00000000000000b1")),
            new SearchTable.Row(2, 1, 1, 0.18, 9, Outcome.STOPPED, "model.hidden=8, training.epochs=9", List.of("00000000000000b3")));

    private ExperimentResults experiment(Map<String, Object> sweep) throws IOException {
        return experiment(sweep, ROWS);
    }

    private ExperimentResults experiment(Map<String, Object> sweep, List<SearchTable.Row> rows) throws IOException {
        Path e = Files.createDirectories(dir.resolve("exp"));
        Files.writeString(e.resolve("experiment.yaml"), YamlText.write(Map.of("name", "exp", "sweep", sweep)));
        SearchTable.write(e, rows);
        return ExperimentResults.load(e);
    }

    @Test
    void aHyperbandPageNamesTheBracketAndRungWhereEachConfigurationStopped() throws IOException {
        ExperimentResults r = experiment(Map.of("halving", Map.of("metric", "final_test_mse", "rungs", List.of(3, 9), "keep", "1/3",
                "brackets", 2), "grid", Map.of("model.hidden", List.of(2, 4, 8))), BRACKETS);
        List<SearchTable.Row> back = SearchTable.read(dir.resolve("exp"));
        assertEquals(BRACKETS, back);
        StringBuilder h = new StringBuilder();
        SearchSection.append(h, r);
        String page = h.toString();
        assertTrue(page.contains("Hyperband: 2 brackets of successive halving run in turn, bracket b starting at rung b with 3 and 2 "
                + "configurations, rungs of training.epochs = [3, 9]"), page);
        assertTrue(page.contains("27 epochs spent in all"), page);
        assertEquals("search (Hyperband): ", ReportBuilder.description(r));
        assertTrue(page.contains("(round 1, bracket 0)"), page);
        assertTrue(page.contains("<td>0</td><td>model.hidden=8, training.epochs=3</td><td>0.25000</td><td>3</td><td>stopped at rung 0 of bracket 0</td>"), page);
        assertTrue(page.contains("<td>0</td><td>model.hidden=4, training.epochs=3</td><td>0.20000</td><td>3</td><td>promoted to rung 1 of bracket 0</td>"), page);
        assertTrue(page.contains("<td>1</td><td>model.hidden=8, training.epochs=9</td><td>0.18000</td><td>9</td><td>stopped at rung 1 of bracket 1</td>"), page);
    }

    @Test
    void searchCsvReadsBackAsWritten() throws IOException {
        experiment(Map.of());
        List<SearchTable.Row> back = SearchTable.read(dir.resolve("exp"));
        assertEquals(ROWS.size(), back.size());
        for (int i = 0; i < ROWS.size(); i++) {
            assertEquals(ROWS.get(i).configuration(), back.get(i).configuration());
            assertEquals(ROWS.get(i).trials(), back.get(i).trials());
            assertEquals(Double.doubleToLongBits(ROWS.get(i).value()), Double.doubleToLongBits(back.get(i).value()));
            assertEquals(ROWS.get(i).outcome(), back.get(i).outcome());
        }
    }

    @Test
    void aHalvingPageNamesTheBestAndWhereEachConfigurationStopped() throws IOException {
        ExperimentResults r = experiment(Map.of("halving", Map.of("metric", "final_test_mse", "budget_key", "training.epochs",
                "rungs", List.of(3, 9), "keep", "1/3"), "grid", Map.of("model.hidden", List.of(2, 4, 8))));
        StringBuilder h = new StringBuilder();
        SearchSection.append(h, r);
        String page = h.toString();
        assertTrue(page.contains("Successive halving over 3 configurations, rungs of training.epochs = [3, 9]"), page);
        assertTrue(page.contains("32 epochs spent in all"), page);
        assertEquals("search (successive halving): ", ReportBuilder.description(r));
        assertTrue(page.contains("<b>Best found: model.hidden=4, training.epochs=9</b>, final_test_mse 0.15000 (round 1)"), page);
        assertTrue(page.contains("<td>model.hidden=2, training.epochs=3</td><td>0.30000</td><td>6</td><td>stopped at rung 0</td>"), page);
        assertTrue(page.contains("<td>model.hidden=4, training.epochs=3</td><td>0.20000</td><td>6</td><td>promoted to rung 1</td>"), page);
        assertTrue(page.contains("<td>diverged</td>"), page);
        assertTrue(page.contains("<svg") && page.contains("1 configuration(s) diverged and are not drawn."), page);
        assertEquals(3, page.split("<title>round ", -1).length - 1, "one hover text per drawn configuration");
    }

    @Test
    void aPlainSweepHasNoSearchSection() throws IOException {
        StringBuilder h = new StringBuilder();
        SearchSection.append(h, experiment(Map.of("grid", Map.of("model.hidden", List.of(2, 4)))));
        assertEquals("", h.toString());
    }
}
