package ffnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.analysis.ExperimentResults;
import ffnlab.analysis.FinishedTrial;
import ffnlab.results.TrialDirectory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Through the command line: an experiment whose training.epochs is raised continues each trial from the shorter
 * trials' last checkpoints (results/NAME/checkpoints/PREFIX/) instead of training again, and its trials equal those
 * of a run that trained the longer epochs from scratch; the checkpoint interval is not part of the trial id.
 */
class TrialContinuationTest {
    private static final String TOY = """
            description: toy sweep for the continuation test
            dataset: {source: toy-mapping, input_scaling: none}
            model: {hidden: [3], activation: sigmoid}
            training: {lr: 0.05, batch_size: 2, epochs: %d, reduction: sum, initialiser: uniform, init_range: 1.0, optimiser: %s}
            seeds: [1, 2]
            sweep:
              grid:
                training.lr: [0.05, 0.02]
            """;

    @TempDir
    Path dir;

    private String run(Path results, int epochs, String optimiser, String... extra) throws IOException {
        Path experiments = dir.resolve("experiments");
        Files.createDirectories(experiments);
        Files.writeString(experiments.resolve("toy.yaml"), TOY.formatted(epochs, optimiser));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new java.util.ArrayList<>(List.of("run", "toy", "--experiments", experiments.toString(),
                "--results", results.toString(), "--threads", "1"));
        args.addAll(List.of(extra));
        int status = Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Map<String, FinishedTrial> trials(Path results) {
        return ExperimentResults.load(results, "toy").trials().stream().collect(Collectors.toMap(FinishedTrial::id, t -> t));
    }

    private static List<String> column(Path metrics, String name) throws IOException {
        List<String> lines = Files.readAllLines(metrics);
        int c = List.of(lines.getFirst().split(",")).indexOf(name);
        return lines.stream().skip(1).map(l -> l.split(",")[c]).toList();
    }

    @Test
    void raisingTheEpochsContinuesFromTheShorterTrialsCheckpoints() throws IOException {
        for (String optimiser : List.of("momentum", "adam")) {
            Path results = dir.resolve("results-" + optimiser);
            run(results, 15, optimiser);
            run(results, 40, optimiser);
            String log = Files.readString(results.resolve("toy/run.log"));
            assertEquals(4, log.lines().filter(l -> l.contains("resuming from checkpoint") && l.contains("epoch 15 of 40")).count(), log);
            try (Stream<Path> prefixes = Files.list(results.resolve("toy/checkpoints"))) {
                List<Path> folders = prefixes.toList();
                assertEquals(4, folders.size(), "one prefix per configuration and seed");
                for (Path f : folders) {
                    assertTrue(Files.isRegularFile(f.resolve("epoch-000015.ckpt")) && Files.isRegularFile(f.resolve("epoch-000040.ckpt")), f.toString());
                }
            }
            Path scratch = dir.resolve("scratch-" + optimiser);
            run(scratch, 40, optimiser, "-Dset", "training.checkpoint_every=7");
            Map<String, FinishedTrial> continued = trials(results);
            Map<String, FinishedTrial> fromScratch = trials(scratch);
            assertEquals(fromScratch.keySet(), continued.keySet().stream().filter(fromScratch::containsKey).collect(Collectors.toSet()),
                    "the checkpoint interval does not change the trial ids");
            assertEquals(4, fromScratch.size());
            assertFalse(Files.readString(scratch.resolve("toy/run.log")).contains("resuming from checkpoint"));
            for (String id : fromScratch.keySet()) {
                FinishedTrial a = continued.get(id);
                FinishedTrial b = fromScratch.get(id);
                assertEquals(b.summary().get("parameters_sha256"), a.summary().get("parameters_sha256"), optimiser + " " + id);
                assertEquals(15.0, ((Number) a.provenance().get("resumed_from_epoch")).doubleValue(), "provenance of the continued trial");
                assertEquals(0.0, ((Number) b.provenance().get("resumed_from_epoch")).doubleValue(), "provenance of the trial from scratch");
                assertEquals(b.summary().get("final_train_loss"), a.summary().get("final_train_loss"));
                for (String col : List.of("epoch", "train_loss", "train_mse")) {
                    assertEquals(column(scratch.resolve("toy/trials/" + id + "/" + TrialDirectory.METRICS), col),
                            column(results.resolve("toy/trials/" + id + "/" + TrialDirectory.METRICS), col), col);
                }
            }
        }
    }
}
