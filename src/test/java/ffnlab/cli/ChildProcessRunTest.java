package ffnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.analysis.ExperimentResults;
import ffnlab.analysis.FinishedTrial;
import ffnlab.results.ExperimentDirectory;
import ffnlab.results.TrialDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety with real processes: a run killed with SIGKILL and restarted ends with the same results as an
 * uninterrupted run, also when killed in the middle of a trial, which then resumes from its checkpoint; two processes running the same experiment at once train every trial exactly once and
 * leave no corrupt file.
 */
class ChildProcessRunTest {
    private static final String EXPERIMENT = """
            dataset: {source: toy-mapping, input_scaling: none}
            model: {hidden: [3], activation: sigmoid}
            training: {lr: 0.05, batch_size: 4, epochs: 600, reduction: sum, initialiser: uniform, init_range: 1.0, checkpoint_every: 50}
            seeds: [1, 2]
            sweep:
              grid:
                model.hidden: [2, 3, 4, 5]
            """;
    private static final List<String> TIMING = List.of("wall_time_s", "mean_epoch_time_s", "mean_update_time_us");

    @TempDir
    Path dir;
    @TempDir
    static Path shared;
    private static Map<String, String> reference;

    /** The uninterrupted run's results, computed once for both tests. */
    private synchronized Map<String, String> reference() throws Exception {
        if (reference == null) {
            Path experiments = experiments(shared);
            Path results = shared.resolve("reference");
            Process alone = start(experiments, results, shared, "reference");
            assertTrue(alone.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, alone.exitValue(), Files.readString(shared.resolve("reference.out")));
            reference = fingerprint(results);
        }
        return reference;
    }

    private static Path experiments(Path root) throws IOException {
        Path e = root.resolve("experiments");
        Files.createDirectories(e);
        Files.writeString(e.resolve("crash.yaml"), EXPERIMENT);
        return e;
    }

    private Process start(Path experiments, Path results, String name) throws IOException {
        return start(experiments, results, dir, name);
    }

    private static Process start(Path experiments, Path results, Path logs, String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", "crash", "--threads", "1", "--experiments", experiments.toString(), "--results", results.toString());
        pb.redirectErrorStream(true).redirectOutput(logs.resolve(name + ".out").toFile());
        return pb.start();
    }

    private String output(String name) throws IOException {
        return Files.readString(dir.resolve(name + ".out"), StandardCharsets.UTF_8);
    }

    /** Per trial: summary without timings, metrics.csv without its time columns, parameters.csv. */
    private static Map<String, String> fingerprint(Path results) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (FinishedTrial r : ExperimentResults.load(results, "crash").trials()) {
            Map<String, Object> summary = new TreeMap<>(r.summary().root());
            TIMING.forEach(summary::remove);
            StringBuilder metrics = new StringBuilder();
            for (String line : Files.readAllLines(r.dir().resolve(TrialDirectory.METRICS))) {
                String[] f = line.split(",");
                metrics.append(String.join(",", List.of(f).subList(0, 9))).append(',').append(f[10]).append('\n');
            }
            out.put(r.id(), summary + "\n" + metrics + Files.readString(r.dir().resolve(TrialDirectory.PARAMETERS))
                    + Files.readString(r.dir().resolve(TrialDirectory.PREDICTIONS)));
        }
        return out;
    }

    @Test
    void killedWithSigkillAndRestartedGivesTheSameResults() throws Exception {
        Path experiments = experiments(dir);
        Map<String, String> expected = reference();
        assertEquals(8, expected.size());

        Path results = dir.resolve("results");
        Process victim = start(experiments, results, "victim");
        ExperimentDirectory exp = new ExperimentDirectory(results.resolve("crash"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        // kill once at least one trial has finished and another has started but not finished
        while (System.nanoTime() < deadline && victim.isAlive()) {
            List<TrialDirectory> trials = exp.trials();
            long done = trials.stream().filter(TrialDirectory::finished).count();
            if (done >= 1 && trials.size() > done) {
                break;
            }
            Thread.sleep(5);
        }
        assertTrue(victim.isAlive(), "the run ended before it could be killed:\n" + output("victim"));
        victim.destroyForcibly(); // SIGKILL on Linux
        victim.waitFor(30, TimeUnit.SECONDS);
        long finishedAtKill = exp.trials().stream().filter(TrialDirectory::finished).count();
        assertTrue(finishedAtKill < 8, "killed mid-run");

        Process resumed = start(experiments, results, "resumed");
        assertTrue(resumed.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, resumed.exitValue(), output("resumed"));
        assertTrue(output("resumed").contains(finishedAtKill + " skipped (finished earlier)"), output("resumed"));
        assertEquals(expected, fingerprint(results));
        for (TrialDirectory t : exp.trials()) {
            try (var files = Files.list(t.path())) {
                assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left in " + t.path());
            }
        }
    }

    /** A prefix folder with a checkpoint written on the way and none of a last epoch: a trial in the middle of training. */
    private static boolean midTrial(Path checkpoints) throws IOException {
        if (!Files.isDirectory(checkpoints)) {
            return false;
        }
        try (var prefixes = Files.list(checkpoints)) {
            for (Path prefix : prefixes.toList()) {
                try (var files = Files.list(prefix)) {
                    List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ckpt")).toList();
                    if (names.stream().anyMatch(n -> n.endsWith(".resume.ckpt")) && names.stream().allMatch(n -> n.endsWith(".resume.ckpt"))) {
                        return true;
                    }
                } catch (java.nio.file.NoSuchFileException e) {
                    // being created
                }
            }
        }
        return false;
    }

    @Test
    void killedInTheMiddleOfATrialResumesItFromItsCheckpoint() throws Exception {
        Path experiments = experiments(dir);
        Map<String, String> expected = reference();
        Path results = dir.resolve("results");
        Process victim = start(experiments, results, "victim");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && victim.isAlive() && !midTrial(results.resolve("crash/checkpoints"))) {
            Thread.sleep(1);
        }
        assertTrue(victim.isAlive(), "the run ended before it could be killed:\n" + output("victim"));
        victim.destroyForcibly(); // SIGKILL on Linux
        victim.waitFor(30, TimeUnit.SECONDS);
        Process resumed = start(experiments, results, "resumed");
        assertTrue(resumed.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, resumed.exitValue(), output("resumed"));
        assertTrue(output("resumed").contains("resuming from checkpoint"), output("resumed"));
        assertEquals(expected, fingerprint(results));
    }

    @Test
    void twoProcessesAtOnceTrainEachTrialOnceWithoutCorruption() throws Exception {
        Path experiments = experiments(dir);
        Path results = dir.resolve("results");
        List<Process> processes = new ArrayList<>();
        processes.add(start(experiments, results, "a"));
        processes.add(start(experiments, results, "b"));
        for (Process p : processes) {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue());
        }
        int trained = 0;
        for (String name : List.of("a", "b")) {
            var m = java.util.regex.Pattern.compile("8 trials: (\\d+) trained").matcher(output(name));
            assertTrue(m.find(), output(name));
            trained += Integer.parseInt(m.group(1));
        }
        assertEquals(8, trained, "every trial trained exactly once across both processes");
        Map<String, String> both = fingerprint(results);
        assertEquals(8, both.size());
        assertEquals(reference(), both);
    }
}
