package ffnlab.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.data.DataRequest;
import ffnlab.data.InputScaling;
import ffnlab.data.OutputScaling;
import ffnlab.nn.Activation;
import ffnlab.nn.Initialiser;
import ffnlab.nn.Loss;
import ffnlab.nn.Reduction;
import ffnlab.nn.optim.Optimiser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The binder: one read of the experiment file gives typed sections, or every problem at its file:line:col. */
class ConfigBinderTest {
    @TempDir
    Path dir;

    private ExperimentSpec load(String yaml) throws IOException {
        Files.writeString(dir.resolve("e.yaml"), yaml);
        return new ExperimentFiles(dir).load("e", null, Map.of());
    }

    private List<String> problems(String yaml) throws IOException {
        Files.writeString(dir.resolve("e.yaml"), yaml);
        SpecException e = assertThrows(SpecException.class, () -> new ExperimentFiles(dir).load("e", null, Map.of()));
        return e.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void theTypedSectionsHoldTheBoundValues() throws IOException {
        ExperimentSpec spec = load("""
                dataset: {source: toy-mapping, test_fraction: 0.0, input_scaling: none, validation_fraction: 0.25, train_limit: 6}
                model: {hidden: [3], activation: sigmoid}
                training: {optimiser: momentum, lr: 0.2, momentum: 0.5, initialiser: uniform, init_range: 0.3, batch_size: 4,
                           epochs: 7, reduction: sum, early_stopping: 2}
                backend: {kind: cpu, threads: 2}
                """);
        Diagnostics d = new Diagnostics();
        TrialConfig c = ConfigBinder.bind(spec.base(), d);
        assertTrue(d.isEmpty(), d.problems().toString());
        assertEquals(new DataRequest("toy-mapping", null, List.of(), null, 0.0, 42, InputScaling.NONE, OutputScaling.NONE, 6, 0),
                c.data().request());
        assertEquals(0.25, c.data().validationFraction());
        assertEquals(new TrialConfig.Model("ffn", List.of(3), Activation.SIGMOID, Activation.LINEAR), c.model(), "auto output: linear for regression");
        assertTrue(c.model().isNetwork());
        TrialConfig.Training t = c.training();
        assertEquals(new Initialiser.Uniform(-0.3, 0.3), t.initialiser());
        assertEquals(new Optimiser.Momentum(0.2, 0.5), t.optimiser());
        assertEquals(Loss.SQUARED_ERROR, t.loss(), "auto loss: the one the output pairs with");
        assertEquals(Reduction.SUM, t.reduction());
        assertEquals(List.of(4, 7, 2), List.of(t.batchSize(), t.epochs(), t.earlyStopping()));
        assertEquals(new TrialConfig.Backend("cpu", 2), c.backend());
        assertEquals(0.2, c.get("training.lr"), "the map keeps the values as written, for the id and sweeps");
    }

    @Test
    void theOtherSectionsAreTypedToo() throws IOException {
        ExperimentSpec spec = load("""
                dataset: {source: toy-mapping}
                report: {x: training.lr, log_x: false, plots: [learning_curves], chapter: {optimum: 4, note: "n"}}
                baseline: {metrics: final_test_mse, tolerance: {z: 2, relative: 0.1}}
                slurm:
                  partition: short
                  cpus_per_task: 4
                  sbatch: ["--qos=low", "#SBATCH --account=lab"]
                  wait: true
                  poll_s: 0.5
                """);
        assertEquals(new ExperimentSpec.Report("training.lr", null, false, List.of("learning_curves"), Map.of("optimum", 4L, "note", "n")),
                spec.report());
        assertEquals(new ExperimentSpec.Baseline(List.of("final_test_mse"), Map.of("z", 2.0, "relative", 0.1)), spec.baseline());
        assertEquals(new SlurmSettings("short", null, 4, null, List.of("--qos=low", "--account=lab"), null, null, null, true,
                Duration.ofMillis(500)), spec.slurm());
        ExperimentSpec bare = load("dataset: {source: toy-mapping}\n");
        assertEquals(new ExperimentSpec.Report(null, null, true, List.of(), Map.of()), bare.report());
        assertEquals(new ExperimentSpec.Baseline(List.of(), Map.of()), bare.baseline());
        assertEquals(SlurmSettings.none(), bare.slurm());
    }

    @Test
    void everySectionReportsItsProblemsAtTheirFileLineAndColumn() throws IOException {
        List<String> m = problems("""
                dataset: {source: toy-mapping}
                training: {lr: 0, loss: cross_entropy}
                report:
                  x: training.rate
                  log_x: maybe
                  colour: red
                baseline:
                  tolerance: {z: -1, sigma: 2}
                slurm:
                  cpus_per_task: four
                  time: "1 hour"
                  queue: x
                """);
        String e = dir.getFileName() + "/e.yaml:";
        assertEquals(List.of(
                e + "2:25: training.loss: cross_entropy cannot be used with a linear output; use squared_error",
                e + "2:16: training.lr: must be in (0.0, 1000000.0], got 0.0",
                e + "6:3: report.colour: unknown key 'colour'; expected one of x, x_value, log_x, plots, chapter, target_accuracy",
                e + "4:6: report.x: unknown key 'training.rate'; did you mean 'training.lr'?",
                e + "5:10: report.log_x: expected true or false, got maybe",
                e + "8:22: baseline.tolerance.sigma: unknown key 'sigma'; expected one of z, absolute, relative",
                e + "8:18: baseline.tolerance.z: expected a number >= 0, got -1",
                e + "10:18: slurm.cpus_per_task: expected an integer, got 'four'",
                e + "11:9: slurm.time: expected MM, HH:MM:SS or D-HH:MM:SS, got '1 hour'",
                e + "12:3: slurm.queue: unknown option; expected one of " + SlurmSettings.KEYS), m);
        assertEquals(List.of(e + "2:8: slurm: expected a mapping of options (" + String.join(", ", SlurmSettings.KEYS) + ")"),
                problems("dataset: {source: toy-mapping}\nslurm: short\n"));
    }

    @Test
    void aTargetAccuracyIsATestAccuracyInZeroToOne() throws IOException {
        String e = dir.getFileName() + "/e.yaml:";
        assertEquals(List.of(e + "2:27: report.target_accuracy: expected a test accuracy in (0, 1], got 80"),
                problems("dataset: {source: toy-mapping}\nreport: {target_accuracy: 80}\n"));
        assertEquals(List.of(e + "2:27: report.target_accuracy: expected a test accuracy in (0, 1], got high"),
                problems("dataset: {source: toy-mapping}\nreport: {target_accuracy: high}\n"));
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> load("dataset: {source: toy-mapping}\nreport: {target_accuracy: 0.8}\n"));
    }
}
