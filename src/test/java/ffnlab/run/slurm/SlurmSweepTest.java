package ffnlab.run.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.run.DataSources;
import ffnlab.run.ExperimentRun;
import ffnlab.run.Progress;
import ffnlab.run.RunOptions;
import ffnlab.run.RunReport;
import ffnlab.run.slurm.ArrayJobOutcome.TaskReport;
import ffnlab.spec.Profile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real thing on a real single-node SLURM cluster: a smoke-profile sweep of 6 trials runs as one array job
 * whose tasks run {@code ffnlab.cli.Main trial} in their own JVMs, and its results equal the local executor's
 * bit for bit (timings aside); cancelling halfway and resubmitting runs only the missing trials; a trial that
 * fails on the node is reported with its array task id and log while the others finish.
 */
@ExtendWith(SlurmClusterExtension.class)
@Timeout(120)
class SlurmSweepTest {
    private static final String EXPERIMENT = "slurm-sweep";
    /** The same sweep at one width: 3 trials. */
    private static final String SMALL = "slurm-sweep-small";
    /** Columns and keys that hold wall-clock measurements, the only things allowed to differ between runs. */
    private static final List<String> TIMINGS = List.of("epoch_time_s", "update_time_us", "mean_epoch_time_s", "mean_update_time_us", "wall_time_s");

    private static Path experiments(SlurmCluster cluster, TestInfo info) throws IOException {
        Path work = cluster.workDir(info.getTestMethod().orElseThrow().getName());
        Path dir = Files.createDirectories(work.resolve("experiments"));
        for (String name : List.of(EXPERIMENT, SMALL)) {
            try (InputStream in = SlurmSweepTest.class.getResourceAsStream(name + ".yaml")) {
                Files.copy(in, dir.resolve(name + ".yaml"));
            }
        }
        return dir;
    }

    private static RunOptions runOptions(Path experiments, String results) {
        return new RunOptions(experiments, experiments.resolveSibling(results), Profile.SMOKE, Map.of(), false, 2);
    }

    private static SlurmSweep sweep(SlurmCluster cluster, RunOptions options) {
        return new SlurmSweep(options, new DataSources(), null, new SlurmClient(cluster.clientEnvironment()));
    }

    private static Map<String, String> settings(String... keyValues) {
        Map<String, String> s = new HashMap<>(Map.of("poll_s", "0.3"));
        for (int i = 0; i < keyValues.length; i += 2) {
            s.put(keyValues[i], keyValues[i + 1]);
        }
        return s;
    }

    @Test
    void aSmokeSweepAsAnArrayJobEqualsTheLocalExecutorBitwise(SlurmCluster cluster, TestInfo info) throws Exception {
        Path experiments = experiments(cluster, info);
        RunOptions slurm = runOptions(experiments, "results-slurm");
        SlurmSweep.Prepared prepared = sweep(cluster, slurm).prepare(EXPERIMENT, settings());
        assertEquals(6, prepared.plan().trials().size(), "3 learning rates x 2 widths x 1 seed (smoke)");
        assertEquals(1, prepared.options().cpusPerTask(), "the experiment file's slurm: section applies");

        // the user's command, in its own JVM: run NAME --executor slurm --wait
        Path output = experiments.resolveSibling("submitter.out");
        ProcessBuilder submitter = new ProcessBuilder(SlurmOptions.thisJava(), "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), TrialCommand.MAIN, "run", EXPERIMENT, "--experiments", experiments.toString(),
                "--results", slurm.results().toString(), "--profile", "smoke", "--executor", "slurm", "--wait", "--slurm", "poll_s=0.3")
                .directory(experiments.getParent().toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        submitter.environment().putAll(cluster.clientEnvironment());
        Process p = submitter.start();
        assertTrue(p.waitFor(100, java.util.concurrent.TimeUnit.SECONDS), "the submitter ends with the array");
        String printed = Files.readString(output);
        assertEquals(0, p.exitValue(), printed);
        for (int task = 0; task < 6; task++) {
            String trial = prepared.request().trialIds().get(task);
            assertTrue(printed.contains("] task " + task + ": trial " + trial + " finished"), "progress of task " + task + ":\n" + printed);
        }
        assertTrue(printed.contains("slurm-sweep-smoke: job ") && printed.contains(" ended: 6 trials finished, 0 busy (another process), 0 tasks failed"), printed);
        assertTrue(printed.contains("training.lr=0.2"), "the results table:\n" + printed);
        assertTrue(Files.isRegularFile(slurm.results().resolveSibling("reports").resolve("slurm-sweep-smoke/index.html")),
                "the report is built when the array ends:\n" + printed);

        RunOptions local = runOptions(experiments, "results-local");
        RunReport report = runLocally(local);
        assertEquals(6, report.outcomes().size());
        for (String id : prepared.request().trialIds()) {
            Path localTrial = local.results().resolve("slurm-sweep-smoke/trials").resolve(id);
            assertSameTrial(localTrial, prepared.request().trialDirectory(id));
            assertTrue(Files.readString(localTrial.resolve("provenance.yaml")).contains("\nthreads: 2\n"), "local budget 2");
            assertTrue(Files.readString(prepared.request().trialDirectory(id).resolve("provenance.yaml")).contains("\nthreads: 1\n"),
                    "an array task's thread budget is SLURM_CPUS_PER_TASK (1)");
        }
    }

    @Test
    void aVariantsTasksWriteIntoTheVariantsFolder(SlurmCluster cluster, TestInfo info) throws Exception {
        Path experiments = experiments(cluster, info);
        RunOptions variant = new RunOptions(experiments, experiments.resolveSibling("results"), Profile.SMOKE, Map.of(), false, 2,
                RunOptions.Reuse.SAME_ENGINE, "wide");
        ArrayJobRequest request = sweep(cluster, variant).prepare(EXPERIMENT, settings()).request();
        assertEquals("slurm-sweep-smoke@wide", request.experiment());
        assertEquals(variant.results().toAbsolutePath().normalize().resolve("slurm-sweep-smoke@wide"), request.resultsDirectory());
        int at = request.taskCommand().indexOf("--variant");
        assertTrue(at > 0 && request.taskCommand().get(at + 1).equals("wide"), "each task runs the variant: " + request.taskCommand());
    }

    @Test
    void cancellingHalfwayThenResubmittingRunsOnlyTheMissingTrials(SlurmCluster cluster, TestInfo info) throws Exception {
        RunOptions options = runOptions(experiments(cluster, info), "results");
        SlurmClient client = new SlurmClient(cluster.clientEnvironment());
        SlurmSweep.Prepared first = sweep(cluster, options).prepare(EXPERIMENT, settings("max_parallel", "1"));
        ArrayJobRequest request = first.request();
        String jobId = sweep(cluster, options).submit(first, ArrayJobFollower.Listener.NONE).jobId().orElseThrow();
        // the experiment file goes away while the array runs: its tasks run the frozen copy made at submission
        Path file = options.experiments().resolve(EXPERIMENT + ".yaml");
        Path aside = Files.move(file, file.resolveSibling("aside.txt"));
        while (request.trialIds().stream().filter(request::finished).count() < 2) {
            Thread.sleep(100);
        }
        client.cancel(jobId);
        Files.move(aside, file);
        while (client.queue(jobId).orElse(List.of()).stream().anyMatch(s -> !s.state().ended())) {
            Thread.sleep(100);
        }
        List<String> done = request.trialIds().stream().filter(request::finished).toList();
        List<String> missing = request.trialIds().stream().filter(id -> !request.finished(id)).toList();
        assertTrue(done.size() >= 2 && !missing.isEmpty(), "cancelled halfway: " + done.size() + " of 6 finished");
        Map<String, String> before = new HashMap<>();
        for (String id : done) {
            before.put(id, Files.readString(request.trialDirectory(id).resolve("summary.yaml")));
        }

        SlurmSweep.Prepared second = sweep(cluster, options).prepare(EXPERIMENT, settings("wait", "true"));
        ArrayJobOutcome resumed = sweep(cluster, options).submit(second, ArrayJobFollower.Listener.NONE);

        assertEquals(missing, resumed.submission().trialIds(), "only the missing trials are submitted");
        assertEquals(done, resumed.alreadyFinished());
        assertEquals(List.of(), resumed.failed(), () -> "failed tasks: " + resumed.failed() + logs(resumed));
        assertTrue(request.trialIds().stream().allMatch(request::finished));
        for (String id : done) {
            assertEquals(before.get(id), Files.readString(request.trialDirectory(id).resolve("summary.yaml")), "finished trials are not rerun");
        }
    }

    @Test
    void aTrialThatFailsOnTheNodeIsReportedWithItsTaskIdAndLogWhileTheRestFinish(SlurmCluster cluster, TestInfo info) throws Exception {
        RunOptions options = runOptions(experiments(cluster, info), "results");
        SlurmSweep.Prepared prepared = sweep(cluster, options).prepare(SMALL, settings("wait", "true"));
        ArrayJobRequest request = prepared.request();
        assertEquals(3, request.trialIds().size());
        String broken = request.trialIds().get(1);
        // injected failure: a plain file where the trial's folder must go, so the trial cannot be written on the node
        Files.createDirectories(request.trialDirectory(broken).getParent());
        Files.writeString(request.trialDirectory(broken), "not a folder\n");

        ArrayJobOutcome outcome = sweep(cluster, options).submit(prepared, ArrayJobFollower.Listener.NONE);

        assertEquals(2, outcome.finished().size(), () -> "finished: " + outcome.finished() + logs(outcome));
        assertEquals(1, outcome.failed().size());
        TaskReport failed = outcome.failed().getFirst();
        assertEquals(1, failed.task(), "array task 1 ran the 2nd trial");
        assertEquals(broken, failed.trialId());
        assertEquals(SlurmState.FAILED, failed.state());
        assertEquals(outcome.submission().log(outcome.jobId().orElseThrow(), 1), failed.log());
        String log = Files.readString(failed.log());
        assertTrue(log.contains("array task 1") && log.contains(broken), log);
        assertTrue(log.contains("trial " + broken + " (") && log.contains("failed: "), "the node's error is in the task's log:\n" + log);

        Files.delete(request.trialDirectory(broken));
        ArrayJobOutcome retry = sweep(cluster, options).submit(sweep(cluster, options).prepare(SMALL, settings("wait", "true")),
                ArrayJobFollower.Listener.NONE);
        assertEquals(List.of(broken), retry.submission().trialIds());
        assertEquals(1, retry.finished().size(), () -> "retry: " + retry.failed() + logs(retry));
    }

    @Test
    void twoTasksOnOneTrialNeverBothTrainIt(SlurmCluster cluster, TestInfo info) throws Exception {
        RunOptions options = runOptions(experiments(cluster, info), "results");
        SlurmSweep.Prepared prepared = sweep(cluster, options).prepare(EXPERIMENT, settings());
        ArrayJobRequest one = prepared.request().withTrials(List.of(prepared.request().trialIds().getFirst()));
        SlurmClient client = new SlurmClient(cluster.clientEnvironment());
        // bypass the executor's own guard (it would not submit a trial that is still queued): two arrays race for one trial
        List<Submission> submissions = List.of(new JobScriptWriter().write(one, prepared.options()),
                new JobScriptWriter().write(one, prepared.options()));
        List<String> jobs = new ArrayList<>();
        for (Submission s : submissions) {
            jobs.add(client.submit(s.script(), "0-0"));
        }
        ArrayJobFollower follower = new ArrayJobFollower(client, Duration.ofMillis(300));
        for (int i = 0; i < 2; i++) {
            follower.follow(jobs.get(i), submissions.get(i), one, ArrayJobFollower.Listener.NONE);
        }

        assertTrue(one.finished(one.trialIds().getFirst()));
        List<String> logs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            logs.add(Files.readString(submissions.get(i).log(jobs.get(i), 0)));
        }
        assertEquals(1, logs.stream().filter(l -> l.contains(" 1 trained,")).count(), () -> "exactly one task trained the trial:\n" + logs);
        assertEquals(1, logs.stream().filter(l -> l.contains(" 0 trained,")).count(), () -> "the other found it busy or finished:\n" + logs);
    }

    private static RunReport runLocally(RunOptions options) {
        ExperimentRun run = new ExperimentRun(options, new DataSources());
        try (Progress progress = Progress.forConsole()) {
            return run.run(run.plan(EXPERIMENT), null, progress);
        }
    }

    /** Every file of the trial is equal, byte for byte, apart from timing columns and keys and provenance. */
    private static void assertSameTrial(Path local, Path slurm) throws IOException {
        for (String file : List.of("trial.yaml", "predictions.csv", "parameters.csv")) {
            assertEquals(Files.readString(local.resolve(file)), Files.readString(slurm.resolve(file)), slurm + "/" + file);
        }
        assertEquals(withoutTimings(Files.readString(local.resolve("metrics.csv"))), withoutTimings(Files.readString(slurm.resolve("metrics.csv"))),
                slurm + "/metrics.csv");
        assertEquals(withoutTimings(Files.readString(local.resolve("summary.yaml"))), withoutTimings(Files.readString(slurm.resolve("summary.yaml"))),
                slurm + "/summary.yaml");
    }

    /** The text without timing CSV columns (by header) and timing YAML keys. */
    private static String withoutTimings(String text) {
        List<String> lines = text.lines().toList();
        if (lines.getFirst().contains(",")) {
            List<String> header = List.of(lines.getFirst().split(","));
            List<String> out = new ArrayList<>();
            for (String line : lines) {
                String[] cells = line.split(",", -1);
                List<String> kept = new ArrayList<>();
                for (int c = 0; c < cells.length; c++) {
                    if (!TIMINGS.contains(header.get(c))) {
                        kept.add(cells[c]);
                    }
                }
                out.add(String.join(",", kept));
            }
            assertTrue(header.containsAll(List.of("epoch_time_s", "update_time_us")));
            return String.join("\n", out);
        }
        return String.join("\n", lines.stream().filter(l -> TIMINGS.stream().noneMatch(t -> l.startsWith(t + ":"))).toList());
    }

    private static String logs(ArrayJobOutcome outcome) {
        StringBuilder s = new StringBuilder();
        for (TaskReport r : outcome.failed()) {
            try {
                s.append("\n== ").append(r.log()).append('\n').append(Files.readString(r.log()));
            } catch (IOException e) {
                s.append("\n(no log ").append(r.log()).append(')');
            }
        }
        return s.toString();
    }
}
