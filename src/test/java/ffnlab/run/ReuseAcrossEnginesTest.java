package ffnlab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.gate.GateRun;
import ffnlab.results.ExperimentDirectory;
import ffnlab.results.TrialDirectory;
import ffnlab.sweep.EngineFingerprint;
import ffnlab.sweep.TrialSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trial of other code (another engine fingerprint) is retrained by default, reused by run only when asked, never by check. */
class ReuseAcrossEnginesTest {
    private static final String TOY = """
            dataset: {source: toy-mapping, input_scaling: none}
            model: {hidden: [3], activation: sigmoid}
            training: {lr: 0.05, batch_size: 2, epochs: 5, reduction: sum, initialiser: uniform, init_range: 1.0}
            seeds: [1]
            """;

    @TempDir
    Path dir;

    private RunOptions options(RunOptions.Reuse reuse) {
        return new RunOptions(dir.resolve("experiments"), dir.resolve("results"), null, Map.of(), false, 1, reuse);
    }

    private RunReport run(RunOptions options) {
        ExperimentRun run = new ExperimentRun(options, new DataSources());
        try (Progress progress = new LogProgress()) {
            return run.run(run.plan("toy"), null, progress);
        }
    }

    /** Moves the finished trial to the id another build would have given it, as if that build had trained it. */
    private String pretendAnotherEngineTrainedIt(TrialSpec trial) throws IOException {
        ExperimentDirectory experiment = new ExperimentDirectory(dir.resolve("results/toy"));
        TrialDirectory mine = experiment.trial(trial.id());
        String otherId = ffnlab.sweep.TrialId.of(trial.config(), trial.backend(), trial.seed(), trial.dataSha256(), "0000000000000000");
        Path other = experiment.trial(otherId).path();
        Files.move(mine.path(), other);
        Path yaml = other.resolve(TrialDirectory.TRIAL);
        Files.writeString(yaml, Files.readString(yaml).replaceFirst("(?m)^id: .*$", "id: \"" + otherId + "\"")
                .replaceFirst("(?m)^engine_fingerprint: .*$", "engine_fingerprint: \"0000000000000000\""));
        return otherId;
    }

    @Test
    void aTrialOfOtherCodeIsRetrainedUnlessRunIsAskedToReuseAnyEngine() throws IOException {
        Files.createDirectories(dir.resolve("experiments"));
        Files.writeString(dir.resolve("experiments/toy.yaml"), TOY);
        RunOptions same = options(RunOptions.Reuse.SAME_ENGINE);
        TrialSpec trial = new ExperimentRun(same, new DataSources()).plan("toy").trials().getFirst();
        assertEquals(EngineFingerprint.current(), trial.engine());
        assertEquals(1, run(same).count(TrialOutcome.Status.FINISHED));
        assertTrue(Files.readString(dir.resolve("results/toy/trials").resolve(trial.id()).resolve(TrialDirectory.PROVENANCE))
                .lines().anyMatch(l -> l.startsWith("engine_fingerprint: ") && l.contains(EngineFingerprint.current())));
        String otherId = pretendAnotherEngineTrainedIt(trial);
        assertNotEquals(trial.id(), otherId);

        RunOptions any = options(RunOptions.Reuse.ANY_ENGINE);
        TrialSpec standIn = new ExperimentRun(any, new DataSources()).plan("toy").trials().getFirst();
        assertEquals(otherId, standIn.id());
        assertEquals("0000000000000000", standIn.engine());
        RunReport reused = run(any);
        assertEquals(1, reused.count(TrialOutcome.Status.SKIPPED), reused.line());
        assertEquals(otherId + "\n", Files.readString(dir.resolve("results/toy/plan.txt")), "the report shows the trial that stands in");

        GateRun gate = new GateRun(any, new ExperimentRun(any, new DataSources()), new DataSources());
        assertThrows(IllegalArgumentException.class, () -> gate.measure("toy"), "check and record never reuse other code");

        RunReport retrained = run(same);
        assertEquals(1, retrained.count(TrialOutcome.Status.FINISHED), retrained.line());
        assertEquals(trial.id() + "\n", Files.readString(dir.resolve("results/toy/plan.txt")));
    }
}
