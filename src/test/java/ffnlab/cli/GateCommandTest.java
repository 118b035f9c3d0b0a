package ffnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check NAME [--record]} and {@code validate NAME} through the jar's entry point, on the toy mapping. */
class GateCommandTest {
    private static final String TOY = """
            dataset: {source: toy-mapping, input_scaling: none}
            model: {hidden: [3], activation: sigmoid}
            training: {lr: 0.05, batch_size: 2, epochs: 30, reduction: sum, initialiser: uniform, init_range: 1.0}
            seeds: [1, 2]
            sweep:
              grid:
                training.lr: [0.05, 0.1]
            baseline:
              metrics: [final_train_mse, final_train_loss]
            """;

    @TempDir
    Path dir;

    private InProcessCommand.Result gate(String experiment, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("check", experiment, "--experiments", dir.resolve("experiments").toString(),
                "--results", dir.resolve("results").toString(), "--threads", "1"));
        args.addAll(List.of(extra));
        return InProcessCommand.once(args.toArray(String[]::new));
    }

    private void write(String name, String yaml) throws IOException {
        Files.createDirectories(dir.resolve("experiments"));
        Files.writeString(dir.resolve("experiments").resolve(name + ".yaml"), yaml);
    }

    @Test
    void recordThenCheckPassesBitwiseAndAWorseBaselineFails() throws IOException {
        write("toy", TOY);
        InProcessCommand.Result missing = gate("toy");
        assertEquals(2, missing.status());
        assertEquals(1, missing.err().lines().count(), missing.err());
        assertTrue(missing.err().contains("toy.csv: no baseline file; record one with -Dcheck=record"), missing.err());

        InProcessCommand.Result recorded = gate("toy", "--record");
        assertEquals(0, recorded.status(), recorded.err());
        Path file = dir.resolve("experiments/baselines/toy.csv");
        List<String> lines = Files.readAllLines(file);
        assertTrue(lines.getFirst().startsWith("# ffnlab accuracy baseline of toy"), lines.getFirst());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("# command: java -jar ffnlab.jar check toy ") && l.endsWith("--record")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("# git_commit: ")), lines.toString());
        assertEquals("configuration,metric,direction,n,mean,std,metrics_sha256", lines.get(7));
        assertEquals(4, lines.size() - 8, "2 configurations x 2 metrics");
        assertTrue(lines.get(8).startsWith("training.lr=0.05,final_train_mse,lower,2,"), lines.get(8));

        InProcessCommand.Result passed = gate("toy");
        assertEquals(0, passed.status(), passed.out());
        assertTrue(passed.out().contains("0 trained") && passed.out().contains("gate PASSED: all 4"), passed.out());
        assertFalse(passed.out().contains("DIFFERS"), passed.out());

        // a baseline that claims a better m.s.e. than the code reaches: the gate fails with status 1
        List<String> better = new java.util.ArrayList<>(lines);
        String[] cells = better.get(8).split(",");
        cells[4] = Double.toString(Double.parseDouble(cells[4]) / 2);
        better.set(8, String.join(",", cells));
        Files.write(file, better);
        InProcessCommand.Result failed = gate("toy");
        assertEquals(1, failed.status(), failed.out());
        assertTrue(failed.out().contains("gate FAILED: 1 of 4"), failed.out());
    }

    @Test
    void badBaselinesAndSectionsAreOneLineWithStatusTwo() throws IOException {
        write("toy", TOY);
        Files.createDirectories(dir.resolve("experiments/baselines"));
        Files.writeString(dir.resolve("experiments/baselines/toy.csv"), "# c\nconfiguration,metric,direction,n,mean,std,metrics_sha256\nbase,final_train_mse,down,2,0.1,0.0,x\n");
        InProcessCommand.Result bad = gate("toy");
        assertEquals(2, bad.status());
        assertTrue(bad.err().strip().endsWith("toy.csv:3: direction must be lower or higher, got 'down'"), bad.err());
        write("odd", TOY.replace("metrics: [final_train_mse, final_train_loss]", "metrics: [final_test_mae]"));
        InProcessCommand.Result section = gate("odd", "--record");
        assertEquals(2, section.status());
        assertEquals(1, section.err().lines().count(), section.err());
        assertTrue(section.err().contains("odd.yaml: baseline.metrics: unknown metric 'final_test_mae'"), section.err());
        assertEquals(2, InProcessCommand.once("run", "toy", "--record").status());
    }

    @Test
    void divergedTrialsAreNeverRecorded() throws IOException {
        write("wild", TOY.replace("[0.05, 0.1]", "[0.05, 500.0]"));
        InProcessCommand.Result r = gate("wild", "--record");
        assertEquals(1, r.status(), r.out());
        assertTrue(r.out().contains("not recorded: trials that diverged, failed or have no value for: training.lr=500.0"), r.out());
        assertFalse(Files.exists(dir.resolve("experiments/baselines/wild.csv")));
    }

    @Test
    void validateChecksTheFileAndTrainsNothing() throws IOException {
        write("toy", TOY);
        InProcessCommand.Result r = InProcessCommand.once("validate", "toy", "--experiments", dir.resolve("experiments").toString(), "--results", dir.resolve("results").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("toy: valid; 2 configurations x 2 seeds = 4 trials (swept: training.lr)"), r.out());
        assertFalse(Files.exists(dir.resolve("results/toy")));
    }
}
