package ffnlab.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.spec.ExperimentFiles;
import ffnlab.spec.ExperimentSpec;
import ffnlab.sweep.Configuration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TPE over a space of six configurations with a budget of ten: a proposal that repeats an earlier one is drawn again,
 * so no configuration is proposed (run, counted, written to search.csv) twice, and the search ends when the space is
 * exhausted. Without the redraw ten proposals over six configurations must repeat one.
 */
class TpeSearchTest {
    private static final String YAML = """
            dataset: {source: toy-mapping}
            model: {hidden: [3]}
            training: {epochs: 10}
            seeds: [1]
            sweep:
              tpe:
                metric: final_train_mse
                trials: 10
                startup: 3
                batch: 2
                seed: 11
                params:
                  model.hidden: {int_uniform: [1, 3]}
                  model.activation: {choice: [relu, tanh]}
            """;

    @TempDir
    Path dir;

    private List<List<Observation>> rounds() throws IOException {
        Files.writeString(dir.resolve("t.yaml"), YAML);
        ExperimentSpec spec = new ExperimentFiles(dir).load("t", null, Map.of());
        Search search = Search.of(spec, c -> new int[] {1, 1});
        List<List<Observation>> rounds = new ArrayList<>();
        for (int r = 0; ; r++) {
            List<Configuration> proposed = search.round(r, rounds);
            if (proposed.isEmpty()) {
                return rounds;
            }
            // a value that depends on the configuration alone: width 2 with tanh is best
            rounds.add(proposed.stream().map(c -> new Observation(c, List.of(Integer.toHexString(c.label().hashCode())),
                    c.label().length() + (c.label().contains("tanh") ? 0.0 : 0.5))).toList());
        }
    }

    @Test
    void aRepeatedProposalIsDrawnAgainSoEachConfigurationRunsOnce() throws IOException {
        List<List<Observation>> rounds = rounds();
        List<Map<String, Object>> all = rounds.stream().flatMap(List::stream).map(o -> o.configuration().coordinates()).toList();
        Set<Map<String, Object>> distinct = new HashSet<>(all);
        assertEquals(all.size(), distinct.size(), "proposals " + all);
        assertTrue(all.size() <= 6, "at most the six configurations of the space: " + all);
        assertTrue(all.size() >= 3, "the startup proposals at least: " + all);
        assertEquals(rounds, rounds(), "the redraws are deterministic");
    }
}
