package ffnlab.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sweep.halving and sweep.tpe: what they read, and each mistake reported at its file:line:col with a suggestion. */
class SearchSpecTest {
    private static final String BASE = """
            dataset: {source: toy-mapping}
            model: {hidden: [3]}
            training: {epochs: 10}
            """;

    @TempDir
    Path dir;

    private ExperimentSpec load(String yaml) throws IOException {
        Files.writeString(dir.resolve("s.yaml"), BASE + yaml);
        return new ExperimentFiles(dir).load("s", null, Map.of());
    }

    private String problems(String yaml) throws IOException {
        Files.writeString(dir.resolve("s.yaml"), BASE + yaml);
        SpecException e = assertThrows(SpecException.class, () -> new ExperimentFiles(dir).load("s", null, Map.of()));
        return String.join("\n", e.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void halvingWrapsTheSpaceOfTheOtherKinds() throws IOException {
        ExperimentSpec spec = load("""
                sweep:
                  halving: {metric: final_test_accuracy, rungs: [2, 6, 18], keep: 1/3}
                  grid: {model.hidden: [1, 2, 3]}
                """);
        SearchSpec.Halving h = assertInstanceOf(SearchSpec.Halving.class, spec.sweep().search());
        assertEquals("training.epochs", h.budgetKey());
        assertEquals(List.of(2L, 6L, 18L), h.rungs());
        assertTrue(h.maximise());
        assertEquals(3, h.survivors(9));
        assertEquals(1, h.survivors(2));
        assertEquals(List.of("model.hidden", "training.epochs"), spec.sweep().sweptKeys());
        assertEquals(1, spec.sweep().axes().size());
    }

    @Test
    void tpeReadsItsParamsAsARandomSweepDoes() throws IOException {
        ExperimentSpec spec = load("""
                sweep:
                  tpe:
                    metric: final_train_loss
                    trials: 20
                    batch: 4
                    params:
                      training.lr: {log_uniform: [0.001, 1.0]}
                      model.activation: {choice: [relu, tanh]}
                """);
        SearchSpec.Tpe t = assertInstanceOf(SearchSpec.Tpe.class, spec.sweep().search());
        assertEquals(20, t.trials());
        assertEquals(10, t.startup());
        assertEquals(4, t.batch());
        assertEquals(0.25, t.gamma());
        assertEquals(24, t.candidates());
        assertEquals(List.of("training.lr", "model.activation"), spec.sweep().sweptKeys());
    }

    @Test
    void halvingMistakesAreReportedWhereWritten() throws IOException {
        String all = problems("""
                sweep:
                  halving: {metrc: final_test_mse, rungs: [5, 3], keep: 3/2, budget_key: training.epoch}
                  grid: {model.hidden: [1, 2]}
                """);
        assertTrue(all.contains("s.yaml:5:13: sweep.halving.metrc: unknown key 'metrc'; did you mean 'metric'?"), all);
        assertTrue(all.contains("s.yaml:5:12: sweep.halving.metric: missing; expected one of final_test_mse"), all);
        assertTrue(all.contains("s.yaml:5:47: sweep.halving.rungs: rungs must increase: 3 follows 5"), all);
        assertTrue(all.contains("s.yaml:5:57: sweep.halving.keep: expected the fraction kept at each rung, strictly between 0 and 1"), all);
        assertTrue(all.contains("s.yaml:5:74: sweep.halving.budget_key.training.epoch: unknown key 'training.epoch'; did you mean 'training.epochs'?"), all);
    }

    @Test
    void bracketsMakeHalvingHyperband() throws IOException {
        ExperimentSpec spec = load("""
                sweep:
                  halving: {metric: final_test_mse, rungs: [2, 6, 18], brackets: 3, seed: 9}
                  grid: {model.hidden: [1, 2, 3]}
                """);
        SearchSpec.Halving h = assertInstanceOf(SearchSpec.Halving.class, spec.sweep().search());
        assertEquals(3, h.brackets());
        assertEquals(9, h.seed());
        assertTrue(h.hyperband());
        SearchSpec.Halving plain = assertInstanceOf(SearchSpec.Halving.class, load("""
                sweep:
                  halving: {metric: final_test_mse, rungs: [2, 6, 18]}
                  grid: {model.hidden: [1, 2, 3]}
                """).sweep().search());
        assertEquals(1, plain.brackets());
        assertTrue(!plain.hyperband());
    }

    @Test
    void hyperbandMistakesAreReportedWhereWritten() throws IOException {
        String all = problems("""
                sweep:
                  halving: {metric: final_test_mse, rungs: [1, 3], bracket: 2, seed: x}
                  grid: {model.hidden: [1, 2]}
                """);
        assertTrue(all.contains("s.yaml:5:52: sweep.halving.bracket: unknown key 'bracket'; did you mean 'brackets'?"), all);
        assertTrue(all.contains("s.yaml:5:70: sweep.halving.seed: expected a whole number"), all);
        assertTrue(problems("""
                sweep:
                  halving: {metric: final_test_mse, rungs: [1, 3], brackets: 3}
                  grid: {model.hidden: [1, 2]}
                """).contains("s.yaml:5:62: sweep.halving.brackets: expected a whole number between 1 and 2, got 3"));
    }

    @Test
    void aMisspelledMetricGetsASuggestion() throws IOException {
        String all = problems("""
                sweep:
                  halving:
                    metric: final_test_mce
                    rungs: [1, 3]
                  grid: {model.hidden: [1, 2]}
                """);
        assertEquals("s.yaml:6:13: sweep.halving.metric: unknown metric 'final_test_mce'; did you mean 'final_test_mse'?",
                all.substring(all.indexOf("s.yaml")), all);
    }

    @Test
    void halvingNeedsASpaceAndAnUnsweptBudget() throws IOException {
        assertTrue(problems("""
                sweep:
                  halving: {metric: final_test_mse, rungs: [1, 3]}
                """).contains("s.yaml:5:3: sweep.halving: halving needs a space to search: add grid, zip, list or random beside it"));
        assertTrue(problems("""
                sweep:
                  halving: {metric: final_test_mse, rungs: [1, 3]}
                  grid: {training.epochs: [1, 2]}
                """).contains("sweep.halving.budget_key: training.epochs is the budget the rungs set; it cannot also be swept"));
    }

    @Test
    void tpeMistakesAreReportedWhereWritten() throws IOException {
        String all = problems("""
                sweep:
                  grid: {model.hidden: [1, 2]}
                  tpe:
                    metric: final_test_mse
                    trails: 10
                    startup: 0
                    gamma: 1.5
                    params:
                      training.lr: {log_unifrom: [0.001, 1.0]}
                """);
        assertTrue(all.contains("s.yaml:5:3: sweep.grid: tpe proposes its own points from its params; it cannot be combined with grid"), all);
        assertTrue(all.contains("s.yaml:8:5: sweep.tpe.trails: unknown key 'trails'; did you mean 'trials'?"), all);
        assertTrue(all.contains("s.yaml:7:5: sweep.tpe.trials: missing; expected a whole number between 1 and 10000"), all);
        assertTrue(all.contains("s.yaml:9:14: sweep.tpe.startup: expected a whole number between 1 and"), all);
        assertTrue(all.contains("s.yaml:10:12: sweep.tpe.gamma: expected the quantile of good trials"), all);
        assertTrue(all.contains("s.yaml:12:21: sweep.tpe.params.training.lr.log_unifrom: unknown distribution 'log_unifrom'; did you mean 'log_uniform'?"), all);
    }

    @Test
    void anUnknownSweepKindSuggestsTheSearches() throws IOException {
        assertTrue(problems("""
                sweep:
                  halvng: {metric: final_test_mse, rungs: [1, 3]}
                """).contains("s.yaml:5:3: sweep.halvng: unknown sweep kind 'halvng'; did you mean 'halving'?"));
    }
}
