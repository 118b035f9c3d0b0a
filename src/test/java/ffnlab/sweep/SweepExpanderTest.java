package ffnlab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.spec.ExperimentFiles;
import ffnlab.spec.ExperimentSpec;
import ffnlab.spec.Overrides;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepExpanderTest {
    private static final SweepExpander.Shape HOUSING = c -> new int[] {8, 1};

    @TempDir
    Path dir;

    private ExperimentSpec spec(String sweep, String set) throws IOException {
        Files.writeString(dir.resolve("e.yaml"), """
                dataset: {source: california-housing}
                model: {hidden: [10]}
                training: {lr: 0.01, batch_size: 64, epochs: 10}
                seeds: [1, 2, 3]
                """ + sweep);
        return new ExperimentFiles(dir).load("e", null, set == null ? Map.of() : Overrides.parse(set, "-Dset"));
    }

    private static List<Map<String, Object>> coordinates(List<Configuration> configs) {
        return configs.stream().map(Configuration::coordinates).toList();
    }

    @Test
    void gridIsTheProductInDeclaredOrderWithTheFirstKeySlowest() throws IOException {
        ExperimentSpec s = spec("sweep:\n  grid:\n    model.hidden: [1, 2, 4]\n    training.lr: [0.1, 0.01]\n", null);
        List<Configuration> c = SweepExpander.configurations(s, HOUSING);
        assertEquals(6, c.size());
        assertEquals(Map.of("model.hidden", 1L, "training.lr", 0.1), c.get(0).coordinates());
        assertEquals(Map.of("model.hidden", 1L, "training.lr", 0.01), c.get(1).coordinates());
        assertEquals(Map.of("model.hidden", 4L, "training.lr", 0.01), c.get(5).coordinates());
        assertEquals(List.of("model.hidden", "training.lr"), List.copyOf(c.get(0).coordinates().keySet()));
        List<TrialSpec> trials = SweepExpander.trials(s, c, x -> "data", x -> "cpu", "engine");
        assertEquals(18, trials.size());
        assertEquals(List.of(1L, 2L, 3L), trials.subList(0, 3).stream().map(TrialSpec::seed).toList(), "seeds innermost");
        assertEquals(18, trials.stream().map(TrialSpec::id).distinct().count());
    }

    @Test
    void zipMovesValuesTogetherAndListGivesExplicitPoints() throws IOException {
        ExperimentSpec s = spec("""
                sweep:
                  zip:
                    training.batch_size: [16, 64, 256]
                    training.lr: [0.0025, 0.01, 0.04]
                  list:
                    - {model.hidden: [5]}
                    - {model.hidden: [5, 5], model.activation: tanh}
                """, null);
        List<Configuration> c = SweepExpander.configurations(s, HOUSING);
        assertEquals(6, c.size());
        assertEquals(16L, c.get(0).coordinates().get("training.batch_size"));
        assertEquals(0.0025, c.get(0).config().training().optimiser().learningRate());
        assertEquals(List.of(5L, 5L), c.get(1).config().get("model.hidden"));
        assertEquals("tanh", c.get(1).config().model().activation().key());
        assertEquals("relu", c.get(0).config().model().activation().key());
        assertEquals(256L, c.get(5).coordinates().get("training.batch_size"));
    }

    @Test
    void randomSamplingIsReproducibleAndWithinBounds() throws IOException {
        String sweep = """
                sweep:
                  random:
                    count: 12
                    seed: 7
                    params:
                      training.lr: {log_uniform: [1.0e-4, 1.0e-1]}
                      training.batch_size: {int_uniform: [16, 256]}
                      model.activation: {choice: [relu, tanh]}
                """;
        List<Configuration> a = SweepExpander.configurations(spec(sweep, null), HOUSING);
        List<Configuration> b = SweepExpander.configurations(spec(sweep, null), HOUSING);
        assertEquals(12, a.size());
        assertEquals(coordinates(a), coordinates(b));
        for (Configuration c : a) {
            assertTrue(c.config().training().optimiser().learningRate() >= 1e-4 && c.config().training().optimiser().learningRate() <= 0.1);
            assertTrue(c.config().training().batchSize() >= 16 && c.config().training().batchSize() <= 256);
        }
        assertTrue(a.stream().map(c -> c.config().model().activation().key()).distinct().count() == 2);
        List<Configuration> other = SweepExpander.configurations(spec(sweep.replace("seed: 7", "seed: 8"), null), HOUSING);
        assertNotEquals(coordinates(a), coordinates(other));
    }

    @Test
    void derivedValuesAndConstraints() throws IOException {
        ExperimentSpec s = spec("""
                sweep:
                  grid:
                    training.batch_size: [16, 64, 256]
                    model.hidden: [[8], [64], [256], [16, 16]]
                  derived:
                    training.lr: "0.001 * training.batch_size / 64"
                  constraints: ["parameters <= 1000", "len(model.hidden) == 1"]
                """, null);
        List<Configuration> c = SweepExpander.configurations(s, HOUSING);
        // [8]: 8*9+9*1 = 81 params, [64]: 9*64+65 = 641, [256]: 2561 (dropped), [16, 16]: two layers (dropped)
        assertEquals(6, c.size());
        assertEquals(0.00025, c.get(0).config().training().optimiser().learningRate(), 1e-15);
        assertEquals(0.004, c.get(5).config().training().optimiser().learningRate(), 1e-15);
        assertTrue(c.stream().allMatch(x -> x.config().model().hidden().size() == 1 && x.config().model().hidden().getFirst() <= 64));
    }

    private String problem(String sweep) throws IOException {
        ffnlab.spec.SpecException e = org.junit.jupiter.api.Assertions.assertThrows(ffnlab.spec.SpecException.class,
                () -> SweepExpander.configurations(spec(sweep, null), HOUSING));
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.getMessage();
    }

    @Test
    void aPlanAboveTheTrialLimitIsRefusedBeforeItIsExpanded() throws IOException {
        String values = java.util.stream.LongStream.rangeClosed(1, 400).mapToObj(Long::toString)
                .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
        String message = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> problem(
                "sweep:\n  grid:\n    training.epochs: " + values + "\n    training.batch_size: " + values
                + "\n    dataset.split_seed: " + values + "\n    dataset.train_limit: " + values + "\n"));
        assertEquals(dir.getFileName() + "/e.yaml:7:23: sweep: the sweep has 25600000000 points (400 x 400 x 400 x 400) x 3 seeds"
                + " = 76800000000 trials; at most 100000 trials are allowed, narrow the sweep", message);
    }

    @Test
    void constraintsThatRemoveEveryConfigurationAreAnError() throws IOException {
        assertEquals(dir.getFileName() + "/e.yaml:7:17: sweep.constraints: the constraints remove all 2 configurations of the sweep;"
                + " nothing would run", problem("sweep:\n  grid: {model.hidden: [8, 16]}\n  constraints: [\"parameters > 1e9\"]\n"));
    }

    @Test
    void aNetworkAboveTheParameterLimitNamesTheWidths() throws IOException {
        assertEquals(dir.getFileName() + "/e.yaml:6:25: model.hidden: a network [8, 65536, 65536, 1] has 4295688193 parameters;"
                + " at most 50000000 are allowed", problem("sweep:\n  grid: {model.hidden: [[65536, 65536]]}\n"));
    }

    @Test
    void aDerivedValueThatIsNotFiniteNamesTheExpression() throws IOException {
        assertEquals(dir.getFileName() + "/e.yaml:8:18: sweep.derived.training.lr: '0.1 / (training.epochs - 10)' gives Infinity"
                + " (a division by zero?); expected a finite number",
                problem("sweep:\n  grid: {model.hidden: [8]}\n  derived:\n    training.lr: \"0.1 / (training.epochs - 10)\"\n"));
    }

    @Test
    void idsAreStableAcrossRunsAndMachinesAndChangeWithAnythingThatChangesNumbers() throws IOException {
        ExperimentSpec s = spec("", null);
        Configuration c = SweepExpander.configurations(s, HOUSING).getFirst();
        String id = TrialId.of(c.config(), "cpu", 1, "abc", "0123456789abcdef");
        // golden: computed once; a change here means the id's text changed and every stored result would be orphaned
        assertEquals("9c0bde2d5e9811c3", id);
        assertEquals(id, TrialId.of(SweepExpander.configurations(spec("", null), HOUSING).getFirst().config(), "cpu", 1, "abc", "0123456789abcdef"));
        assertNotEquals(id, TrialId.of(c.config(), "cpu", 2, "abc", "0123456789abcdef"));
        assertNotEquals(id, TrialId.of(c.config(), "cpu", 1, "abd", "0123456789abcdef"));
        assertNotEquals(id, TrialId.of(c.config(), "cpu", 1, "abc", "0123456789abcdee"), "other code, other id");
        assertNotEquals(id, TrialId.of(c.config(), "gpu", 1, "abc", "0123456789abcdef"), "another device, another id");
        ExperimentSpec threads = spec("", "backend.threads=2");
        assertEquals(id, TrialId.of(SweepExpander.configurations(threads, HOUSING).getFirst().config(), "cpu", 1, "abc", "0123456789abcdef"),
                "the thread count does not change results, so not the id");
        ExperimentSpec lr = spec("", "training.lr=1.0e-2");
        assertEquals(id, TrialId.of(SweepExpander.configurations(lr, HOUSING).getFirst().config(), "cpu", 1, "abc", "0123456789abcdef"),
                "0.01 == 1.0e-2");
        ExperimentSpec epochs = spec("", "training.epochs=11");
        assertNotEquals(id, TrialId.of(SweepExpander.configurations(epochs, HOUSING).getFirst().config(), "cpu", 1, "abc", "0123456789abcdef"));
        ExperimentSpec probed = spec("", "training.eval_every=25");
        assertNotEquals(id, TrialId.of(SweepExpander.configurations(probed, HOUSING).getFirst().config(), "cpu", 1, "abc", "0123456789abcdef"),
                "measuring between batches adds probes.csv: another trial");
        ExperimentSpec unprobed = spec("", "training.eval_every=0");
        assertEquals(id, TrialId.of(SweepExpander.configurations(unprobed, HOUSING).getFirst().config(), "cpu", 1, "abc", "0123456789abcdef"),
                "the default 0 leaves the id as it was before the key existed");
    }

    @Test
    void autoIsResolvedBeforeTheIdSoACpuAndAGpuTrialDiffer() throws IOException {
        ExperimentSpec auto = spec("", "backend.kind=auto");
        ExperimentSpec cpu = spec("", "backend.kind=cpu");
        Configuration a = SweepExpander.configurations(auto, HOUSING).getFirst();
        Configuration c = SweepExpander.configurations(cpu, HOUSING).getFirst();
        assertEquals(TrialId.of(c.config(), "cpu", 1, "d", "e"), TrialId.of(a.config(), "cpu", 1, "d", "e"), "auto that ran on the cpu is the cpu trial");
        assertNotEquals(TrialId.of(a.config(), "cpu", 1, "d", "e"), TrialId.of(a.config(), "gpu", 1, "d", "e"));
        assertThrows(IllegalArgumentException.class, () -> TrialId.of(a.config(), "auto", 1, "d", "e"));
        List<TrialSpec> onGpu = SweepExpander.trials(auto, List.of(a), x -> "d", x -> "gpu", "e");
        assertEquals("gpu", onGpu.getFirst().backend());
        assertEquals(TrialId.of(a.config(), "gpu", 1, "d", "e"), onGpu.getFirst().id());
    }

    @Test
    void theIdIgnoringTheEngineIsTheSameForTwoBuildsAndTheIdIsNot() throws IOException {
        ExperimentSpec s = spec("", null);
        List<Configuration> c = SweepExpander.configurations(s, HOUSING);
        TrialSpec before = SweepExpander.trials(s, c, x -> "d", x -> "cpu", "engine-a").getFirst();
        TrialSpec after = SweepExpander.trials(s, c, x -> "d", x -> "cpu", "engine-b").getFirst();
        assertNotEquals(before.id(), after.id());
        assertEquals(before.idIgnoringEngine(), after.idIgnoringEngine());
        assertNotEquals(before.id(), before.idIgnoringEngine());
    }

    @Test
    void changingOneSweptValueKeepsTheOtherIds() throws IOException {
        List<String> before = SweepExpander.trials(spec("sweep: {grid: {model.hidden: [1, 2, 4]}}\n", null),
                SweepExpander.configurations(spec("sweep: {grid: {model.hidden: [1, 2, 4]}}\n", null), HOUSING), x -> "d", x -> "cpu", "e")
                .stream().map(TrialSpec::id).toList();
        ExperimentSpec changed = spec("sweep: {grid: {model.hidden: [1, 2, 8]}}\n", null);
        List<String> after = SweepExpander.trials(changed, SweepExpander.configurations(changed, HOUSING), x -> "d", x -> "cpu", "e")
                .stream().map(TrialSpec::id).toList();
        assertEquals(before.subList(0, 6), after.subList(0, 6));
        assertTrue(after.subList(6, 9).stream().noneMatch(before::contains));
    }
}
