package ffnlab.run.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.run.slurm.ArrayJobOutcome.TaskReport;
import ffnlab.run.slurm.Scheduler.ArrayTaskState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The follower against a scripted scheduler: which states end a task, and how an ended task is judged. */
@Timeout(20)
class ArrayJobFollowerTest {
    @TempDir
    Path dir;

    private ArrayJobRequest request(List<String> ids) {
        return new ArrayJobRequest("e", dir.resolve("results/e"), ids, List.of("true"), dir);
    }

    private void finish(ArrayJobRequest request, String id) throws Exception {
        Files.createDirectories(request.trialDirectory(id));
        Files.writeString(request.trialDirectory(id).resolve("summary.yaml"), "status: finished\n");
    }

    private static List<ArrayTaskState> states(SlurmState... s) {
        return java.util.stream.IntStream.range(0, s.length).mapToObj(i -> new ArrayTaskState(i, s[i], "")).toList();
    }

    @Test
    void preemptedRequeuedAndUnknownStatesAreWaitedOnNotReportedAsEnded() throws Exception {
        ArrayJobRequest request = request(List.of("a", "b", "c"));
        Submission submission = new JobScriptWriter().write(request, SlurmOptions.fromSettings(java.util.Map.of(), java.util.Map.of()));
        FakeScheduler scheduler = new FakeScheduler();
        scheduler.script(List.of(
                states(SlurmState.PREEMPTED, SlurmState.REQUEUED, SlurmState.parse("SOMETHING_NEW")),
                states(SlurmState.PENDING, SlurmState.RUNNING, SlurmState.SPECIAL_EXIT),
                states(SlurmState.COMPLETED, SlurmState.COMPLETED, SlurmState.FAILED)));
        finish(request, "a");
        finish(request, "b");
        List<Integer> seenAtPoll = new java.util.ArrayList<>();
        ArrayJobFollower.Listener listener = new ArrayJobFollower.Listener() {
            @Override
            public void trialFinished(TaskReport report, int ended, int total) {
                seenAtPoll.add(scheduler.polls());
            }

            @Override
            public void taskFailed(TaskReport report, int ended, int total) {
                seenAtPoll.add(scheduler.polls());
            }
        };

        ArrayJobFollower.Reports reports = new ArrayJobFollower(scheduler, Duration.ofMillis(1)).follow("7", submission, request, listener);

        assertEquals(List.of(3, 3, 3), seenAtPoll, "no task counts as ended before the third poll shows final states");
        assertEquals(List.of("a", "b"), reports.finished().stream().map(TaskReport::trialId).toList());
        assertEquals(List.of(SlurmState.FAILED), reports.failed().stream().map(TaskReport::state).toList());
    }

    @Test
    void aTaskThatExitedZeroWithoutASummaryIsBusyNotFailed() throws Exception {
        ArrayJobRequest request = request(List.of("a", "b", "c"));
        Submission submission = new JobScriptWriter().write(request, SlurmOptions.fromSettings(java.util.Map.of(), java.util.Map.of()));
        FakeScheduler scheduler = new FakeScheduler();
        scheduler.script(List.of(states(SlurmState.COMPLETED, SlurmState.COMPLETED, SlurmState.FAILED)));
        finish(request, "a");
        List<String> busyHeard = new java.util.ArrayList<>();

        ArrayJobFollower.Reports reports = new ArrayJobFollower(scheduler, Duration.ofMillis(1)).follow("7", submission, request,
                new ArrayJobFollower.Listener() {
                    @Override
                    public void trialBusy(TaskReport report, int ended, int total) {
                        busyHeard.add(report.trialId());
                    }
                });

        assertEquals(List.of("a"), reports.finished().stream().map(TaskReport::trialId).toList());
        assertEquals(List.of("b"), reports.busy().stream().map(TaskReport::trialId).toList());
        assertEquals(List.of("b"), busyHeard);
        assertTrue(reports.busy().getFirst().detail().contains("another process"), reports.busy().getFirst().detail());
        assertEquals(List.of("c"), reports.failed().stream().map(TaskReport::trialId).toList());
    }

    @Test
    void onceTheControllerForgetsTheJobAccountingsLastStateIsFinalWhateverItIs() throws Exception {
        ArrayJobRequest request = request(List.of("a", "b", "c"));
        Submission submission = new JobScriptWriter().write(request, SlurmOptions.fromSettings(java.util.Map.of(), java.util.Map.of()));
        FakeScheduler scheduler = new FakeScheduler();
        scheduler.account("7", List.of(new ArrayTaskState(0, SlurmState.PREEMPTED, "0:15"), new ArrayTaskState(1, SlurmState.TIMEOUT, "0:0")));
        finish(request, "b");

        ArrayJobFollower.Reports reports = new ArrayJobFollower(scheduler, Duration.ofMillis(1)).follow("7", submission, request,
                ArrayJobFollower.Listener.NONE);

        assertEquals(List.of("b"), reports.finished().stream().map(TaskReport::trialId).toList());
        assertEquals(List.of(SlurmState.PREEMPTED, SlurmState.UNKNOWN), reports.failed().stream().map(TaskReport::state).toList());
        assertTrue(reports.failed().get(0).detail().startsWith("last recorded PREEMPTED (0:15) by accounting"), reports.failed().get(0).detail());
        assertEquals(ArrayJobFollower.FORGOTTEN, reports.failed().get(1).detail());
    }
}
