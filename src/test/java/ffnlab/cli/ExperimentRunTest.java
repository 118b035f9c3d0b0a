package ffnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.analysis.ExperimentResults;
import ffnlab.analysis.FinishedTrial;
import ffnlab.results.ExperimentDirectory;
import ffnlab.results.TrialDirectory;
import ffnlab.results.TrialSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole path in one process: file -> trials -> results, re-runs, fresh, divergence, threads. */
class ExperimentRunTest {
    static final String TOY = """
            description: toy sweep for tests
            dataset: {source: toy-mapping, input_scaling: none}
            model: {hidden: [3], activation: sigmoid}
            training: {lr: 0.05, batch_size: 2, epochs: 40, reduction: sum, initialiser: uniform, init_range: 1.0}
            seeds: [1, 2]
            sweep:
              grid:
                training.lr: [0.05, 500.0]
            """;

    @TempDir
    Path dir;

    record Result(int status, String out, String err) {
    }

    Result main(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path experiments() throws IOException {
        Path e = dir.resolve("experiments");
        Files.createDirectories(e);
        Files.writeString(e.resolve("toy.yaml"), TOY);
        return e;
    }

    private Map<String, FinishedTrial> records(Path results) {
        return ExperimentResults.load(results, "toy").trials().stream()
                .collect(Collectors.toMap(FinishedTrial::id, r -> r));
    }

    @Test
    void runsRecordsSkipsAndReruns() throws IOException {
        Path experiments = experiments();
        Path results = dir.resolve("results");
        Result first = main("run", "toy", "--experiments", experiments.toString(), "--results", results.toString(), "--threads", "2");
        assertEquals(0, first.status(), first.err());
        assertTrue(first.out().contains("4 trials: 2 trained, 2 diverged, 0 skipped"), first.out());
        Map<String, FinishedTrial> records = records(results);
        assertEquals(4, records.size());
        for (FinishedTrial r : records.values()) {
            TrialDirectory t = new ExperimentDirectory(results.resolve("toy")).trial(r.id());
            for (String f : List.of(TrialDirectory.TRIAL, TrialDirectory.METRICS, TrialDirectory.PREDICTIONS,
                    TrialDirectory.PARAMETERS, TrialDirectory.PROVENANCE, TrialDirectory.SUMMARY)) {
                assertTrue(Files.isRegularFile(t.file(f)), f);
            }
            List<String> metrics = Files.readAllLines(t.file(TrialDirectory.METRICS));
            assertEquals(String.join(",", TrialSchema.Column.KEYS), metrics.getFirst());
            if (((Number) r.coordinates().get("training.lr")).doubleValue() > 1) {
                assertEquals("diverged", r.status());
                int epoch = (int) r.summary().optionalNumber("diverged_epoch");
                assertTrue(epoch >= 1 && epoch < 40, "diverged at " + epoch);
                assertEquals(epoch + 1, metrics.size(), "one row per epoch that ran");
            } else {
                assertEquals("finished", r.status());
                assertEquals(41, metrics.size());
                assertTrue(r.summary().optionalNumber("final_train_mse") < 1);
                assertTrue(Double.isNaN(r.summary().optionalNumber("final_test_mse")), "Example 2 has no test split");
            }
        }
        assertTrue(Files.readString(results.resolve("toy/run.log")).contains("diverged at epoch"));
        assertTrue(Files.readString(results.resolve("toy/experiment.yaml")).contains("swept_keys: [training.lr]"));

        Result second = main("run", "toy", "--experiments", experiments.toString(), "--results", results.toString());
        assertTrue(second.out().contains("4 trials: 0 trained, 0 diverged, 4 skipped"), second.out());

        Result fresh = main("run", "toy", "--fresh", "--threads", "1", "--experiments", experiments.toString(), "--results", results.toString());
        assertTrue(fresh.out().contains("4 trials: 2 trained, 2 diverged, 0 skipped"), fresh.out());
        Map<String, FinishedTrial> again = records(results);
        assertEquals(records.keySet(), again.keySet());
        for (String id : records.keySet()) {
            FinishedTrial before = records.get(id);
            FinishedTrial after = again.get(id);
            assertEquals(before.status(), after.status());
            assertEquals(before.summary().get("diverged_epoch"), after.summary().get("diverged_epoch"));
            if (before.status().equals("finished")) { // a diverged network's NaN payloads are not reproducible bit for bit
                assertEquals(before.summary().get("parameters_sha256"), after.summary().get("parameters_sha256"),
                        "same numbers with 1 and 2 threads, in any order");
                assertEquals(before.summary().get("final_train_loss"), after.summary().get("final_train_loss"));
            }
        }
    }

    @Test
    void changingOneSweptValueRunsOnlyTheNewTrials() throws IOException {
        Path experiments = experiments();
        Path results = dir.resolve("results");
        assertEquals(0, main("run", "toy", "--experiments", experiments.toString(), "--results", results.toString()).status());
        Result changed = main("run", "toy", "--set", "sweep.grid.training.lr=[0.05, 0.1]", "--experiments", experiments.toString(),
                "--results", results.toString());
        assertTrue(changed.out().contains("4 trials: 2 trained, 0 diverged, 2 skipped"), changed.out());
    }

    @Test
    void badInputIsOneLinePerProblemAndStatusTwo() throws IOException {
        Path experiments = experiments();
        Files.writeString(experiments.resolve("broken.yaml"), "dataset: {source: toy-mapping}\ntraining: {epoks: 3, lr: -1}\n");
        Result r = main("validate", "broken", "--experiments", experiments.toString(), "--results", dir.resolve("r").toString());
        assertEquals(2, r.status());
        List<String> lines = r.err().lines().toList();
        assertEquals(2, lines.size(), r.err());
        assertTrue(lines.get(0).endsWith("broken.yaml:2:12: training.epoks: unknown key 'epoks'; did you mean 'epochs'?"), r.err());
        assertTrue(lines.get(1).contains("broken.yaml:2:26: training.lr: must be in (0.0, 1000000.0], got -1.0"), r.err());
        assertFalse(r.err().contains("Exception"));
        Result unknown = main("run", "nope", "--experiments", experiments.toString());
        assertEquals(2, unknown.status());
        assertEquals(1, unknown.err().lines().count(), unknown.err());
        Result option = main("run", "toy", "--thread", "2");
        assertEquals(2, option.status());
        assertTrue(option.err().startsWith("ffnlab: unknown option --thread"), option.err());
    }

    @Test
    void earlyStoppingHoldsOutAValidationSplitAndEndsTheRun() throws IOException {
        Path experiments = experiments();
        Files.writeString(experiments.resolve("early.yaml"), """
                dataset: {source: california-housing, output_scaling: standardise, train_limit: 600, test_limit: 200, validation_fraction: 0.25}
                model: {hidden: [16]}
                training: {lr: 0.05, batch_size: 8, epochs: 300, early_stopping: 2}
                seeds: [1]
                """);
        Path results = dir.resolve("results");
        Result r = main("run", "early", "--experiments", experiments.toString(), "--results", results.toString());
        assertEquals(0, r.status(), r.err());
        FinishedTrial t = ExperimentResults.load(results, "early").trials().getFirst();
        assertEquals("finished", t.status());
        assertTrue(t.summary().optionalNumber("epochs_run") < 300, "stopped after " + t.summary().optionalNumber("epochs_run") + " epochs");
        assertEquals(t.summary().optionalNumber("epochs_run") + 1, Files.readAllLines(t.dir().resolve(TrialDirectory.METRICS)).size());
    }

    @Test
    void checkListAndSingleTrial() throws IOException {
        Path experiments = experiments();
        Path results = dir.resolve("results");
        Result check = main("validate", "toy", "--experiments", experiments.toString(), "--results", results.toString());
        assertEquals(0, check.status(), check.err());
        assertTrue(check.out().contains("2 configurations x 2 seeds = 4 trials"), check.out());
        Result listed = main("list", "--experiments", experiments.toString(), "--results", results.toString());
        assertTrue(listed.out().contains("toy") && listed.out().contains("  no results yet"), listed.out());
        Result run = main("run", "toy", "--profile", "smoke", "--experiments", experiments.toString(), "--results", results.toString());
        assertEquals(0, run.status(), run.err());
        String id = ExperimentResults.load(results, "toy-smoke").trials().getFirst().id();
        // training.lr=500 diverges at epoch 1
        Result listedAfter = main("list", "toy", "--experiments", experiments.toString(), "--results", results.toString());
        assertTrue(listedAfter.out().lines().anyMatch(l -> l.matches("  toy-smoke +planned +2 +finished +1 +diverged +1 +unfinished +0")),
                listedAfter.out());
        Result exported = main("results", "toy", "--profile", "smoke", "--results", results.toString());
        assertEquals(3, exported.out().lines().count(), exported.out());
        Result one = main("trial", "--experiment", "toy", "--id", id, "--profile", "smoke", "--fresh", "--experiments", experiments.toString(),
                "--results", results.toString());
        assertTrue(one.out().contains("toy-smoke: 1 trials:"), one.out());
        Result report = main("report", "toy", "--profile", "smoke", "--results", results.toString());
        assertEquals(0, report.status(), report.err());
        assertTrue(report.out().lines().anyMatch(l -> l.startsWith("training.lr=0.05 ")), report.out());
    }
}
