package ffnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.results.ExperimentDirectory;
import ffnlab.results.TrialDirectory;
import ffnlab.search.SearchTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TPE search in a real process killed with SIGKILL at three moments (after 1, 4 and 7 finished trials, each time with
 * a trial started but unfinished) and restarted each time ends with the same search.csv and the same parameters and
 * predictions per trial as an uninterrupted run: the same trials proposed, the same numbers.
 */
class SearchKillTest {
    private static final String EXPERIMENT = """
            dataset: {source: toy-mapping, input_scaling: none}
            model: {hidden: [3], activation: sigmoid}
            training: {lr: 0.05, batch_size: 4, epochs: 200, reduction: sum, initialiser: uniform, init_range: 1.0}
            seeds: [1]
            sweep:
              tpe:
                metric: final_train_mse
                trials: 10
                startup: 3
                batch: 2
                seed: 5
                params:
                  training.lr: {log_uniform: [0.01, 1.0]}
                  model.hidden: {int_uniform: [1, 6]}
            """;

    @TempDir
    Path dir;

    private Process start(Path results, String name) throws IOException {
        Path experiments = Files.createDirectories(dir.resolve("experiments"));
        Files.writeString(experiments.resolve("search.yaml"), EXPERIMENT);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", "search", "--threads", "1", "--experiments", experiments.toString(), "--results", results.toString());
        pb.redirectErrorStream(true).redirectOutput(dir.resolve(name + ".out").toFile());
        return pb.start();
    }

    private String output(String name) throws IOException {
        return Files.readString(dir.resolve(name + ".out"));
    }

    /** search.csv, and per trial of it its parameters and predictions. */
    private static Map<String, String> fingerprint(Path results) throws IOException {
        Path exp = results.resolve("search");
        Map<String, String> out = new TreeMap<>();
        out.put(SearchTable.FILE, Files.readString(exp.resolve(SearchTable.FILE)));
        for (SearchTable.Row row : SearchTable.read(exp)) {
            for (String id : row.trials()) {
                Path t = exp.resolve("trials").resolve(id);
                out.put(id, Files.readString(t.resolve(TrialDirectory.PARAMETERS)) + Files.readString(t.resolve(TrialDirectory.PREDICTIONS)));
            }
        }
        return out;
    }

    @Test
    void killedThreeTimesAndRestartedGivesTheSameSearch() throws Exception {
        Path reference = dir.resolve("reference");
        Process alone = start(reference, "reference");
        assertTrue(alone.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, alone.exitValue(), output("reference"));
        Map<String, String> expected = fingerprint(reference);
        assertEquals(1 + 10, expected.size(), expected.keySet().toString());

        Path results = dir.resolve("results");
        ExperimentDirectory exp = new ExperimentDirectory(results.resolve("search"));
        int kills = 0;
        for (int atLeast : new int[] {1, 4, 7}) {
            Process victim = start(results, "victim-" + atLeast);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline && victim.isAlive()) {
                List<TrialDirectory> trials = Files.isDirectory(exp.path().resolve("trials")) ? exp.trials() : List.of();
                long done = trials.stream().filter(TrialDirectory::finished).count();
                if (done >= atLeast && trials.size() > done) {
                    break;
                }
                Thread.sleep(5);
            }
            if (victim.isAlive()) {
                victim.destroyForcibly(); // SIGKILL on Linux
                kills++;
            }
            victim.waitFor(30, TimeUnit.SECONDS);
        }
        assertTrue(kills >= 2, "the runs were killed " + kills + " times");
        Process resumed = start(results, "resumed");
        assertTrue(resumed.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, resumed.exitValue(), output("resumed"));
        assertEquals(expected, fingerprint(results));
    }
}
