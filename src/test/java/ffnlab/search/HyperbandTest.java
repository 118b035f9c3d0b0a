package ffnlab.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.spec.ExperimentFiles;
import ffnlab.spec.ExperimentSpec;
import ffnlab.spec.SearchSpec;
import ffnlab.sweep.Configuration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hyperband's rounds without training: the observations are a made-up function of the configuration with many ties,
 * and the rounds the search proposes are checked against a bracket schedule, bracket sizes and promotions derived
 * here from Li et al.'s formulas and the values alone.
 */
class HyperbandTest {
    private static final String YAML = """
            dataset: {source: toy-mapping}
            model: {hidden: [3]}
            training: {epochs: 10}
            seeds: [1]
            sweep:
              halving: {metric: final_test_mse, rungs: [1, 3, 9, 27], keep: 1/3, brackets: 4, seed: SEED}
              grid:
                model.hidden: [1, 2, 3, 4, 5, 6, 7, 8, 9]
                training.lr: [0.1, 0.2, 0.3]
            """;

    @TempDir
    Path dir;

    private Search search(long seed) throws IOException {
        Files.writeString(dir.resolve("h.yaml"), YAML.replace("SEED", Long.toString(seed)));
        ExperimentSpec spec = new ExperimentFiles(dir).load("h", null, Map.of());
        return Search.of(spec, c -> new int[] {1, 1});
    }

    /** Ties on purpose: the value depends on the distance of the width from 5 and on the budget, not on the rate. */
    private static double value(Configuration c) {
        Object h = c.coordinates().get("model.hidden");
        long hidden = ((Number) (h instanceof List<?> l ? l.getFirst() : h)).longValue();
        long epochs = ((Number) c.coordinates().get("training.epochs")).longValue();
        return Math.abs(hidden - 5) + 1.0 / epochs;
    }

    private static String id(Configuration c) {
        return Integer.toHexString(c.label().hashCode());
    }

    private static Map<String, Object> space(Configuration c) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(c.coordinates());
        m.remove("training.epochs");
        return m;
    }

    @Test
    void bracketsStartWhereLiEtAlSayAndPromoteTheBestThirdOfEachRung() throws IOException {
        Search search = search(3);
        // K = 4 rungs, eta = 3, a space of 27 = eta^(K-1): n_b = ceil(K / (K - b) x 27 / 3^b) = 27, 12, 6, 4
        List<Integer> sizes = List.of(27, 12, 6, 4);
        List<Long> budgets = List.of(1L, 3L, 9L, 27L);
        List<List<Observation>> rounds = new ArrayList<>();
        List<String> schedule = new ArrayList<>();
        for (int r = 0; ; r++) {
            List<Configuration> proposed = search.round(r, rounds);
            if (proposed.isEmpty()) {
                break;
            }
            int b = search.bracket(r);
            int k = search.rung(r);
            schedule.add(b + "/" + k);
            for (Configuration c : proposed) {
                assertEquals(budgets.get(k), ((Number) c.coordinates().get("training.epochs")).longValue());
            }
            Set<Map<String, Object>> distinct = new HashSet<>();
            proposed.forEach(c -> distinct.add(space(c)));
            assertEquals(proposed.size(), distinct.size(), "a rung holds each configuration once");
            if (k == b) {
                assertEquals(sizes.get(b), proposed.size(), "bracket " + b + " starts with n_b configurations");
            } else {
                // the previous round is this bracket's rung below: its best floor(n / 3), by value then smallest id
                List<Observation> below = rounds.get(r - 1);
                List<Map<String, Object>> expected = below.stream()
                        .sorted(Comparator.comparingDouble(Observation::value).thenComparing(Observation::firstTrialId))
                        .limit(Math.max(1, below.size() / 3)).map(o -> space(o.configuration()))
                        .sorted(Comparator.comparing(Object::toString)).toList();
                assertEquals(expected, proposed.stream().map(HyperbandTest::space).sorted(Comparator.comparing(Object::toString)).toList());
            }
            rounds.add(proposed.stream().map(c -> new Observation(c, List.of(id(c)), value(c))).toList());
        }
        assertEquals(List.of("0/0", "0/1", "0/2", "0/3", "1/1", "1/2", "1/3", "2/2", "2/3", "3/3"), schedule);
        assertEquals(27 + 9 + 3 + 1 + 12 + 4 + 1 + 6 + 2 + 4, search.maxConfigurations());
        assertTrue(search.describe(1).contains("bracket 1: 12 at 3, 4 at 9, 1 at 27"), search.describe(1));

        // the best: the lowest value at the last rung; marked once, in the first row that holds it
        double lowest = rounds.stream().flatMap(List::stream).filter(o -> ((Number) o.configuration().coordinates()
                .get("training.epochs")).longValue() == 27).mapToDouble(Observation::value).min().orElseThrow();
        List<SearchTable.Row> rows = search.rows(rounds, id -> 1);
        List<SearchTable.Row> best = rows.stream().filter(x -> x.outcome() == SearchTable.Outcome.BEST).toList();
        assertEquals(1, best.size());
        assertEquals(lowest, best.getFirst().value());
        assertEquals(rows.stream().flatMap(x -> x.trials().stream()).distinct().count(), rows.stream().mapToLong(SearchTable.Row::epochs).sum(),
                "a trial several brackets share counts once");
    }

    @Test
    void theBracketsDrawTheirConfigurationsFromTheSeedAlone() throws IOException {
        Hyperband a = (Hyperband) search(3);
        Hyperband again = (Hyperband) search(3);
        Hyperband other = (Hyperband) search(4);
        assertEquals(java.util.stream.IntStream.range(0, 27).boxed().toList(), a.drawn(0), "bracket 0 is the whole space");
        for (int b = 1; b < 4; b++) {
            assertEquals(a.drawn(b), again.drawn(b));
            assertEquals(a.drawn(b).size(), new HashSet<>(a.drawn(b)).size());
        }
        assertNotEquals(List.of(a.drawn(1), a.drawn(2), a.drawn(3)), List.of(other.drawn(1), other.drawn(2), other.drawn(3)));
    }

    @Test
    void bracketSizesFollowLiEtAlForAnySpace() {
        SearchSpec.Halving h = new SearchSpec.Halving("final_test_mse", "training.epochs", List.of(7L, 20L, 60L), 1, 3, 3, 1,
                ffnlab.spec.Mark.of("test"));
        // width-hyperband: 9 widths, eta = 3, s_max = 2: n = 9, ceil(3/2 x 3) = 5, 3
        assertEquals(List.of(9, 5, 3), List.of(h.bracketSize(9, 0), h.bracketSize(9, 1), h.bracketSize(9, 2)));
        // 2 configurations: ceil(2 x 3/2 x 1/3) = 1, ceil(2 x 3 x 1/9) = 1
        assertEquals(List.of(2, 1, 1), List.of(h.bracketSize(2, 0), h.bracketSize(2, 1), h.bracketSize(2, 2)));
        // keep 9/10: ceil(10 x 3/2 x 9/10) = 14 and ceil(10 x 3 x 81/100) = 25 are more than the space holds: all 10
        SearchSpec.Halving gentle = new SearchSpec.Halving("final_test_mse", "training.epochs", List.of(7L, 20L, 60L), 9, 10, 3, 1,
                ffnlab.spec.Mark.of("test"));
        assertEquals(List.of(10, 10, 10), List.of(gentle.bracketSize(10, 0), gentle.bracketSize(10, 1), gentle.bracketSize(10, 2)));
    }
}
