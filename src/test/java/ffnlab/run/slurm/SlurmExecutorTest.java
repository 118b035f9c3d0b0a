package ffnlab.run.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.run.slurm.ArrayJobOutcome.TaskReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The executor against a real single-node SLURM cluster, with a stand-in for the trial command: a shell
 * script that sleeps, then writes the trial's {@code summary.yaml} atomically (or fails for one injected id).
 * Cancelling and resubmitting is tested with real trials in {@link SlurmSweepTest}.
 */
@ExtendWith(SlurmClusterExtension.class)
@Timeout(90)
class SlurmExecutorTest {
    private static final String STAND_IN = """
            #!/bin/bash
            # stand-in trial: RESULTS FAIL_ID PAUSE_S ID
            set -eu
            results="$1"; fail="$2"; pause="$3"; id="$4"
            sleep "$pause"
            if [ "$id" = "$fail" ]; then echo "injected failure in trial $id" >&2; exit 3; fi
            mkdir -p "$results/trials/$id"
            echo "threads=$SLURM_CPUS_PER_TASK task=$SLURM_ARRAY_TASK_ID" > "$results/trials/$id/ran.txt"
            printf 'status: finished\\n' > "$results/trials/$id/.summary.tmp"
            mv "$results/trials/$id/.summary.tmp" "$results/trials/$id/summary.yaml"
            """;

    private static List<String> ids(int n) {
        return IntStream.range(0, n).mapToObj(i -> String.format("%016x", 0xabc000L + i)).toList();
    }

    private static ArrayJobRequest request(SlurmCluster cluster, TestInfo info, List<String> ids, String fail, double pause) throws Exception {
        Path work = cluster.workDir(info.getTestMethod().orElseThrow().getName());
        Path standIn = work.resolve("stand-in.sh");
        if (!Files.exists(standIn)) {
            Files.writeString(standIn, STAND_IN);
        }
        Path results = work.resolve("results/stand-in");
        return new ArrayJobRequest("stand-in", results, ids,
                List.of("bash", standIn.toString(), results.toString(), fail, Double.toString(pause)), work);
    }

    private static SlurmOptions options(int maxParallel, boolean follow) {
        return new SlurmOptions(null, "5", 1, null, List.of(), maxParallel, SlurmOptions.thisJava(), List.of(), follow, Duration.ofMillis(300));
    }

    @Test
    void runsThePendingTrialsAsOneArrayAndSkipsFinishedOnes(SlurmCluster cluster, TestInfo info) throws Exception {
        List<String> ids = ids(6);
        ArrayJobRequest request = request(cluster, info, ids, "none", 0);
        Path done = request.trialDirectory(ids.get(4));
        Files.createDirectories(done);
        Files.writeString(done.resolve("summary.yaml"), "status: finished\n");
        SlurmClient client = new SlurmClient(cluster.clientEnvironment());

        ArrayJobOutcome outcome = new SlurmExecutor(client).execute(request, options(0, true), ArrayJobFollower.Listener.NONE);

        assertEquals(List.of(ids.get(4)), outcome.alreadyFinished());
        assertEquals(5, outcome.submitted());
        assertEquals(List.of(), outcome.failed());
        assertEquals(List.of(ids.get(0), ids.get(1), ids.get(2), ids.get(3), ids.get(5)),
                outcome.finished().stream().map(TaskReport::trialId).toList());
        assertEquals(List.of(0, 1, 2, 3, 4), outcome.finished().stream().map(TaskReport::task).toList());
        assertEquals("threads=1 task=4", Files.readString(request.trialDirectory(ids.get(5)).resolve("ran.txt")).strip());
        assertTrue(Files.exists(outcome.submission().jobIdFile()));
        assertEquals(outcome.jobId().orElseThrow(), Files.readString(outcome.submission().jobIdFile()).strip());

        ArrayJobOutcome again = new SlurmExecutor(client).execute(request, options(0, true), ArrayJobFollower.Listener.NONE);
        assertTrue(again.jobId().isEmpty(), "nothing is left to submit");
        assertEquals(ids, again.alreadyFinished());
    }

    @Test
    void anInjectedFailureIsReportedWithItsTaskIdAndLogWhileTheRestFinish(SlurmCluster cluster, TestInfo info) throws Exception {
        List<String> ids = ids(4);
        SlurmClient client = new SlurmClient(cluster.clientEnvironment());
        ArrayJobRequest failing = request(cluster, info, ids, ids.get(2), 0);
        List<TaskReport> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        ArrayJobFollower.Listener listener = new ArrayJobFollower.Listener() {
            @Override
            public void taskFailed(TaskReport report, int ended, int total) {
                heard.add(report);
            }
        };

        ArrayJobOutcome outcome = new SlurmExecutor(client).execute(failing, options(0, true), listener);

        assertEquals(3, outcome.finished().size());
        assertEquals(1, outcome.failed().size());
        TaskReport failed = outcome.failed().getFirst();
        assertEquals(2, failed.task());
        assertEquals(ids.get(2), failed.trialId());
        assertEquals(SlurmState.FAILED, failed.state());
        assertEquals(outcome.submission().log(outcome.jobId().orElseThrow(), 2), failed.log());
        assertTrue(Files.readString(failed.log()).contains("injected failure in trial " + ids.get(2)), "the task's log holds its error");
        assertEquals(List.of(failed), heard);
        assertTrue(!failing.finished(ids.get(2)), "a failed task leaves its trial unfinished");

        ArrayJobOutcome retry = new SlurmExecutor(client).execute(request(cluster, info, ids, "none", 0), options(0, true), ArrayJobFollower.Listener.NONE);
        assertEquals(List.of(ids.get(2)), retry.submission().trialIds(), "the retry runs only the failed trial");
        assertEquals(1, retry.finished().size());
    }

    @Test
    void whenSbatchRefusesItsMessageIsTheErrorAndNoSubmissionIsLeft(SlurmCluster cluster, TestInfo info) throws Exception {
        ArrayJobRequest request = request(cluster, info, ids(2), "none", 0);
        SlurmOptions noSuchPartition = new SlurmOptions("no-such-partition", null, 1, null, List.of(), 0, SlurmOptions.thisJava(),
                List.of(), false, Duration.ofMillis(300));
        SlurmException e = org.junit.jupiter.api.Assertions.assertThrows(SlurmException.class,
                () -> new SlurmExecutor(new SlurmClient(cluster.clientEnvironment())).execute(request, noSuchPartition, ArrayJobFollower.Listener.NONE));
        assertTrue(e.getMessage().startsWith("sbatch refused ") && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("partition"),
                e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        try (var left = Files.list(request.resultsDirectory().resolve("slurm"))) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith("submission-")).toList());
        }
    }

    @Test
    void aJobTheSchedulerHasForgottenIsJudgedByItsTrialsResults(SlurmCluster cluster, TestInfo info) throws Exception {
        List<String> ids = ids(2);
        ArrayJobRequest request = request(cluster, info, ids, "none", 0);
        Submission submission = new JobScriptWriter().write(request, options(0, true));
        Files.createDirectories(request.trialDirectory(ids.get(0)));
        Files.writeString(request.trialDirectory(ids.get(0)).resolve("summary.yaml"), "status: finished\n");

        ArrayJobFollower.Reports reports = new ArrayJobFollower(new SlurmClient(cluster.clientEnvironment()), Duration.ofMillis(100))
                .follow("999999", submission, request, ArrayJobFollower.Listener.NONE);

        assertEquals(List.of(ids.get(0)), reports.finished().stream().map(TaskReport::trialId).toList());
        assertEquals(1, reports.failed().size());
        assertEquals(SlurmState.UNKNOWN, reports.failed().getFirst().state());
        assertEquals(1, reports.failed().getFirst().task());
    }

    @Test
    void aRecordedJobIdThatNowNamesSomeoneElsesJobHoldsNoTrial(SlurmCluster cluster, TestInfo info) throws Exception {
        List<String> ids = ids(2);
        SlurmClient client = new SlurmClient(cluster.clientEnvironment());
        ArrayJobRequest request = request(cluster, info, ids, "none", 0);
        String foreign = cluster.client("sbatch", "--parsable", "--array=0-1", "--job-name=someone-else", "--output=/dev/null",
                "--wrap=sleep 2").strip();
        Path old = Files.createDirectories(request.resultsDirectory().resolve("slurm/submission-001"));
        Files.writeString(old.resolve("trials.txt"), String.join("\n", ids) + "\n");
        Files.writeString(old.resolve("job-id"), foreign + "\n");

        assertEquals(Map.of(), new SlurmExecutor(client).queuedTrials(request), "job " + foreign + " is not an ffnlab array");
        ArrayJobOutcome outcome = new SlurmExecutor(client).execute(request, options(0, true), ArrayJobFollower.Listener.NONE);
        assertEquals(ids, outcome.submission().trialIds());
        assertEquals("submission-002", outcome.submission().folder().getFileName().toString());
        assertEquals(2, outcome.finished().size());
    }

    @Test
    void aTrialStillQueuedInAnEarlierArrayIsNotSubmittedAgain(SlurmCluster cluster, TestInfo info) throws Exception {
        List<String> ids = ids(3);
        SlurmClient client = new SlurmClient(cluster.clientEnvironment());
        ArrayJobRequest request = request(cluster, info, ids, "none", 2);
        ArrayJobOutcome first = new SlurmExecutor(client).execute(request, options(0, false), ArrayJobFollower.Listener.NONE);

        ArrayJobOutcome second = new SlurmExecutor(client).execute(request, options(0, false), ArrayJobFollower.Listener.NONE);
        assertTrue(second.jobId().isEmpty(), "every trial is held by the first array");
        assertEquals(ids.size(), second.alreadyQueued().size() + second.alreadyFinished().size());

        ArrayJobOutcome waiting = new SlurmExecutor(client).execute(request, options(0, true), ArrayJobFollower.Listener.NONE);
        assertTrue(waiting.jobId().isEmpty(), "still nothing new to submit");
        assertTrue(waiting.followed(), "a waiting submitter follows the earlier array");
        assertEquals(waiting.alreadyQueued(), waiting.finished().stream().map(TaskReport::trialId).toList());
        assertTrue(waiting.finished().stream().allMatch(r -> r.log().toString().contains(first.jobId().orElseThrow() + "_")));
        assertTrue(ids.stream().allMatch(request::finished));
        assertEquals(Map.of(), Map.copyOf(new SlurmExecutor(client).queuedTrials(request)));
    }

    @Test
    void twoSubmittersRacingOnTheClusterRunEachTrialOnce(SlurmCluster cluster, TestInfo info) throws Exception {
        List<String> ids = ids(5);
        SlurmClient client = new SlurmClient(cluster.clientEnvironment());
        ArrayJobRequest request = request(cluster, info, ids, "none", 1);
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.Callable<ArrayJobOutcome> submitter = () -> {
            start.await();
            return new SlurmExecutor(client).execute(request, options(0, true), ArrayJobFollower.Listener.NONE);
        };
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(submitter);
            var b = pool.submit(submitter);
            List<ArrayJobOutcome> outcomes = List.of(a.get(), b.get());

            assertEquals(1, outcomes.stream().filter(o -> o.jobId().isPresent()).count(), "one array job");
            ArrayJobOutcome winner = outcomes.stream().filter(o -> o.jobId().isPresent()).findFirst().orElseThrow();
            ArrayJobOutcome follower = outcomes.stream().filter(o -> o.jobId().isEmpty()).findFirst().orElseThrow();
            assertEquals(ids, winner.submission().trialIds());
            assertEquals(ids, follower.alreadyQueued());
            assertTrue(follower.followed(), "the second submitter follows the first one's array");
            for (ArrayJobOutcome o : outcomes) {
                assertEquals(ids, o.finished().stream().map(TaskReport::trialId).toList());
                assertEquals(List.of(), o.busy());
                assertEquals(List.of(), o.failed());
            }
            try (var folders = Files.list(request.resultsDirectory().resolve("slurm"))) {
                assertEquals(1, folders.filter(p -> p.getFileName().toString().startsWith("submission-")).count());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aJobWhoseIdWasNeverRecordedIsFoundByItsScriptAndAdopted(SlurmCluster cluster, TestInfo info) throws Exception {
        List<String> ids = ids(2);
        SlurmClient client = new SlurmClient(cluster.clientEnvironment());
        ArrayJobRequest request = request(cluster, info, ids, "none", 1);
        Submission orphan = new JobScriptWriter().write(request, options(0, false));
        String lost = client.submit(orphan.script(), "0-1");   // the submitter died after sbatch, before recording the id

        ArrayJobOutcome outcome = new SlurmExecutor(client).execute(request, options(0, true), ArrayJobFollower.Listener.NONE);

        assertTrue(outcome.jobId().isEmpty(), "nothing submitted twice");
        assertEquals(lost, Files.readString(orphan.jobIdFile()).strip());
        assertEquals(ids, outcome.alreadyQueued());
        assertEquals(ids, outcome.finished().stream().map(TaskReport::trialId).toList());
    }

    @Test
    void aTaskWhoseTrialIsLockedByAnotherProcessIsReportedBusy(SlurmCluster cluster, TestInfo info) throws Exception {
        List<String> ids = ids(2);
        SlurmClient client = new SlurmClient(cluster.clientEnvironment());
        Path work = cluster.workDir(info.getTestMethod().orElseThrow().getName());
        Path results = work.resolve("results/stand-in");
        Path busyStandIn = work.resolve("busy-stand-in.sh");
        // the trial command's contract: exit 0 without a summary only when another process holds the trial
        Files.writeString(busyStandIn, "#!/bin/bash\nid=\"$2\"\nif [ \"$id\" = \"$1\" ]; then exit 0; fi\n"
                + "mkdir -p " + results + "/trials/$id && echo 'status: finished' > " + results + "/trials/$id/summary.yaml\n");
        ArrayJobRequest request = new ArrayJobRequest("stand-in", results, ids, List.of("bash", busyStandIn.toString(), ids.get(1)), work);

        ArrayJobOutcome outcome = new SlurmExecutor(client).execute(request, options(0, true), ArrayJobFollower.Listener.NONE);

        assertEquals(List.of(ids.get(0)), outcome.finished().stream().map(TaskReport::trialId).toList());
        assertEquals(List.of(ids.get(1)), outcome.busy().stream().map(TaskReport::trialId).toList());
        assertEquals(List.of(), outcome.failed());
    }
}
