package ffnlab.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.results.ExperimentDirectory;
import ffnlab.results.TrialDirectory;
import ffnlab.run.DataSources;
import ffnlab.run.ExperimentRun;
import ffnlab.run.RunOptions;
import ffnlab.spec.Node;
import ffnlab.spec.Overrides;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Determinism makes the gate sharp: the same seeds on the CPU backend with 1 and with 2 threads give
 * bitwise-identical per-epoch metrics, hence the same fingerprint, while the time columns differ.
 */
class ThreadCountDeterminismTest {
    @TempDir
    Path dir;

    @Test
    void oneAndTwoThreadsGiveTheSameFingerprint() throws IOException {
        Path experiments = Files.createDirectories(dir.resolve("experiments"));
        Files.writeString(experiments.resolve("wide.yaml"), """
                dataset: {source: california-housing, input_scaling: standardise, output_scaling: standardise, train_limit: 1500, test_limit: 500}
                model: {hidden: [256, 128]}
                training: {lr: 0.01, batch_size: 100, epochs: 3}
                backend: {kind: cpu}
                seeds: [1, 2]
                """);
        List<Outcome> one = measure(experiments, "1");
        List<Outcome> two = measure(experiments, "2");
        assertEquals(1, one.size());
        assertEquals(one.getFirst().n(), two.getFirst().n());
        assertEquals(one.getFirst().mean(), two.getFirst().mean());
        assertEquals(one.getFirst().std(), two.getFirst().std());
        assertEquals(one.getFirst().metricsSha256(), two.getFirst().metricsSha256(), "per-epoch metrics differ between 1 and 2 threads");
        assertTrue(Files.readString(provenance("1")).contains("threads: 1"));
        assertTrue(Files.readString(provenance("2")).contains("threads: 2"), "the 2-thread run did not use 2 threads");
    }

    private List<Outcome> measure(Path experiments, String threads) {
        Map<String, Node> set = Overrides.parse("backend.threads=" + threads, "-Dset");
        RunOptions options = new RunOptions(experiments, dir.resolve("results-" + threads), null, set, false, 2);
        DataSources data = new DataSources();
        return new GateRun(options, new ExperimentRun(options, data), data).measure("wide").outcomes();
    }

    private Path provenance(String threads) {
        TrialDirectory trial = new ExperimentDirectory(dir.resolve("results-" + threads).resolve("wide")).trials().getFirst();
        return trial.file(TrialDirectory.PROVENANCE);
    }
}
