package ffnlab.run.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the executor claims trials, against an in-memory scheduler: racing submitters submit each trial once, and a
 * submission whose submitter stopped before recording the job id is adopted or released.
 */
@Timeout(30)
class SubmissionClaimTest {
    @TempDir
    Path dir;

    private final SlurmOptions noWait = SlurmOptions.fromSettings(Map.of(), Map.of()).withFollow(false);

    private ArrayJobRequest request(int n) {
        List<String> ids = IntStream.range(0, n).mapToObj(i -> "t" + i).toList();
        return new ArrayJobRequest("race", dir.resolve("results/race"), ids, List.of("true"), dir);
    }

    private static List<String> submittedTrials(FakeScheduler scheduler) throws Exception {
        List<String> all = new ArrayList<>();
        for (FakeScheduler.Job job : scheduler.submitted()) {
            all.addAll(Files.readAllLines(job.script().resolveSibling("trials.txt")));
        }
        return all;
    }

    @Test
    void twoRacingSubmittersSubmitEachTrialExactlyOnce() throws Exception {
        ArrayJobRequest request = request(8);
        FakeScheduler scheduler = new FakeScheduler().submitDelay(300);   // a slow sbatch: a wide window for a second submitter to claim the same trials
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<ArrayJobOutcome> submitter = () -> {
            start.await();
            return new SlurmExecutor(scheduler).execute(request, noWait, ArrayJobFollower.Listener.NONE);
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<ArrayJobOutcome> a = pool.submit(submitter);
            Future<ArrayJobOutcome> b = pool.submit(submitter);
            ArrayJobOutcome first = a.get();
            ArrayJobOutcome second = b.get();

            assertEquals(1, scheduler.submitted().size(), "one array job in all");
            assertEquals(request.trialIds(), submittedTrials(scheduler));
            ArrayJobOutcome winner = first.jobId().isPresent() ? first : second;
            ArrayJobOutcome loser = winner == first ? second : first;
            assertEquals(8, winner.submitted());
            assertTrue(loser.jobId().isEmpty(), "the second submitter submits nothing");
            assertEquals(request.trialIds(), loser.alreadyQueued(), "it sees every trial as queued in the first array");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void submittersKeepEachTrialInOneLiveTaskAsTasksFinishAndFail() throws Exception {
        ArrayJobRequest request = request(4);
        FakeScheduler scheduler = new FakeScheduler();
        String first = new SlurmExecutor(scheduler).execute(request, noWait, ArrayJobFollower.Listener.NONE).jobId().orElseThrow();
        scheduler.set(first, 0, SlurmState.COMPLETED);
        Files.createDirectories(request.trialDirectory("t0"));
        Files.writeString(request.trialDirectory("t0").resolve("summary.yaml"), "status: finished\n");
        scheduler.set(first, 1, SlurmState.FAILED);
        scheduler.set(first, 2, SlurmState.PREEMPTED);

        ArrayJobOutcome again = new SlurmExecutor(scheduler).execute(request, noWait, ArrayJobFollower.Listener.NONE);

        assertEquals(List.of("t0"), again.alreadyFinished());
        assertEquals(List.of("t2", "t3"), again.alreadyQueued(), "a preempted task may be requeued: its trial stays held");
        assertEquals(List.of("t1"), again.submission().trialIds(), "only the failed task's trial is submitted again");
    }

    @Test
    void anInterruptedSubmissionWhoseJobTheSchedulerKnowsIsAdopted() throws Exception {
        ArrayJobRequest request = request(3);
        FakeScheduler scheduler = new FakeScheduler();
        Submission orphan = new JobScriptWriter().write(request, noWait);
        String lost = scheduler.submit(orphan.script(), "0-2");   // sbatch went through; the submitter died before recording it

        ArrayJobOutcome outcome = new SlurmExecutor(scheduler).execute(request, noWait, ArrayJobFollower.Listener.NONE);

        assertTrue(outcome.jobId().isEmpty(), "nothing is submitted twice");
        assertEquals(request.trialIds(), outcome.alreadyQueued());
        assertEquals(lost, Files.readString(orphan.jobIdFile()).strip(), "the found job id is recorded");
        assertEquals(1, scheduler.submitted().size());
    }

    @Test
    void anInterruptedSubmissionTheSchedulerDoesNotKnowIsMarkedAndItsTrialsSubmitted() throws Exception {
        ArrayJobRequest request = request(3);
        FakeScheduler scheduler = new FakeScheduler();
        Submission orphan = new JobScriptWriter().write(request, noWait);   // the submitter died before sbatch

        ArrayJobOutcome outcome = new SlurmExecutor(scheduler).execute(request, noWait, ArrayJobFollower.Listener.NONE);

        assertEquals(request.trialIds(), outcome.submission().trialIds());
        assertTrue(Files.readString(orphan.folder().resolve(SlurmExecutor.NOT_SUBMITTED)).contains(orphan.script().toString()));
        assertTrue(Files.notExists(orphan.jobIdFile()));
        assertEquals(request.trialIds(), new SlurmExecutor(scheduler).execute(request, noWait, ArrayJobFollower.Listener.NONE).alreadyQueued(),
                "the new array holds the trials; the marked folder is passed over");
    }

    @Test
    void aSubmitterWaitsNoLongerThanItsPatienceAndNamesTheHolder() throws Exception {
        ArrayJobRequest request = request(2);
        FakeScheduler scheduler = new FakeScheduler();
        Path slurm = request.resultsDirectory().resolve(JobScriptWriter.SLURM_FOLDER);
        try (SubmitLock held = SubmitLock.acquire(slurm, Duration.ofSeconds(1))) {
            ExecutorService other = Executors.newSingleThreadExecutor();
            try {
                Future<Throwable> waited = other.submit(() -> {
                    try {
                        new SlurmExecutor(scheduler, new JobScriptWriter(), Duration.ofMillis(300)).execute(request, noWait, ArrayJobFollower.Listener.NONE);
                        return null;
                    } catch (SlurmException e) {
                        return e;
                    }
                });
                Throwable e = waited.get();
                assertTrue(e != null && e.getMessage().contains(SubmitLock.self()), String.valueOf(e));
            } finally {
                other.shutdownNow();
            }
        }
        assertEquals(List.of(), scheduler.submitted());
    }

    @Test
    void aRefusedSubmissionIsRemovedButOneWhoseAnswerWasLostIsKeptAndAdopted() throws Exception {
        ArrayJobRequest request = request(2);
        FakeScheduler scheduler = new FakeScheduler();
        Path slurm = request.resultsDirectory().resolve(JobScriptWriter.SLURM_FOLDER);

        scheduler.failNextSubmit(new SlurmException.SbatchRefused("sbatch refused job.sh (exit 1): invalid partition"), false);
        assertThrows(SlurmException.SbatchRefused.class, () -> new SlurmExecutor(scheduler).execute(request, noWait, ArrayJobFollower.Listener.NONE));
        try (var left = Files.list(slurm)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith("submission-")).toList());
        }

        scheduler.failNextSubmit(new SlurmException("sbatch --parsable ... did not answer within 60 s"), true);
        assertThrows(SlurmException.class, () -> new SlurmExecutor(scheduler).execute(request, noWait, ArrayJobFollower.Listener.NONE));
        ArrayJobOutcome next = new SlurmExecutor(scheduler).execute(request, noWait, ArrayJobFollower.Listener.NONE);

        assertTrue(next.jobId().isEmpty(), "the job queued despite the lost answer is found, not submitted again");
        assertEquals(request.trialIds(), next.alreadyQueued());
        assertEquals(1, scheduler.submitted().size());
    }
}
