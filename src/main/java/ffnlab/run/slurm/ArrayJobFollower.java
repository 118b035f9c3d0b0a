package ffnlab.run.slurm;

import ffnlab.run.slurm.ArrayJobOutcome.TaskReport;
import ffnlab.run.slurm.Scheduler.ArrayTaskState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Follows a submitted array until every task has ended, and reports each task as it ends. Every poll interval
 * it asks the controller ({@code squeue}); a task has ended once the controller shows it in a final state
 * ({@link SlurmState#ended()}); PREEMPTED, REQUEUED and states it does not know are waited on. Once the controller
 * no longer knows the job (asked twice), nothing can run it again: accounting ({@code sacct}) gives each task's
 * last recorded state, whatever it is, and a task neither knows is reported as forgotten.
 *
 * <p>The trial's {@code summary.yaml} decides the outcome of an ended task: finished when it exists; else
 * <em>busy</em> when the task exited 0, because the {@code trial} command exits 0 without a summary only when
 * another process holds the trial's lock and is running it; else failed (failed, cancelled, timed out, ...), with
 * its array index and log. A scheduler that does not answer (busy, restarting) is asked again, up to
 * {@link #PATIENCE} times in a row. Runs on the caller's thread; it keeps no state between calls.
 */
public final class ArrayJobFollower {
    private static final Logger LOG = LogManager.getLogger();
    /** Consecutive unanswered polls (slurmctld busy or restarting) tolerated before giving up. */
    static final int PATIENCE = 10;
    static final String FORGOTTEN = "forgotten by the scheduler";
    static final String BUSY = "exited 0 without a summary.yaml: another process holds the trial's lock and is running it";

    private final Scheduler client;
    private final Duration pollInterval;

    public ArrayJobFollower(Scheduler client, Duration pollInterval) {
        this.client = client;
        this.pollInterval = pollInterval;
    }

    /** The finished, busy and failed tasks, in array order, once the array has ended. */
    public Reports follow(String jobId, Submission submission, ArrayJobRequest request, Listener listener)
            throws InterruptedException {
        int total = submission.trialIds().size();
        Map<Integer, TaskReport> finished = new TreeMap<>();
        Map<Integer, TaskReport> busy = new TreeMap<>();
        Map<Integer, TaskReport> failed = new TreeMap<>();
        int unanswered = 0;
        int unknown = 0;
        while (finished.size() + busy.size() + failed.size() < total) {
            Optional<List<ArrayTaskState>> live;
            try {
                live = client.queue(jobId);
                unanswered = 0;
            } catch (SlurmException e) {
                if (++unanswered >= PATIENCE) {
                    throw new SlurmException("job " + jobId + ": the scheduler did not answer " + PATIENCE + " times in a row; the array"
                            + " may still be running (squeue -j " + jobId + "): " + e.getMessage(), e);
                }
                LOG.warn("job {}: the scheduler did not answer ({}); asking again", jobId, e.getMessage());
                Thread.sleep(pollInterval.toMillis());
                continue;
            }
            List<ArrayTaskState> ended;
            if (live.isPresent()) {
                unknown = 0;
                ended = endedLive(live.get(), total);
            } else if (++unknown < 2) {
                Thread.sleep(pollInterval.toMillis());   // ask once more before concluding the job is gone
                continue;
            } else {
                ended = endedForgotten(jobId, total);
            }
            for (ArrayTaskState s : ended) {
                if (s.task() >= total || finished.containsKey(s.task()) || busy.containsKey(s.task()) || failed.containsKey(s.task())) {
                    continue;
                }
                String trial = submission.trial(s.task());
                int count = finished.size() + busy.size() + failed.size() + 1;
                if (request.finished(trial)) {
                    TaskReport report = new TaskReport(s.task(), trial, s.state(), s.detail(), submission.log(jobId, s.task()));
                    finished.put(s.task(), report);
                    LOG.info("job {}: {}/{} ended; trial {} finished (task {})", jobId, count, total, trial, s.task());
                    listener.trialFinished(report, count, total);
                } else if (s.state().succeeded()) {
                    TaskReport report = new TaskReport(s.task(), trial, s.state(), BUSY, submission.log(jobId, s.task()));
                    busy.put(s.task(), report);
                    LOG.warn("job {}: {}/{} ended; task {}: trial {} is busy in another process, not finished by this array; log: {}",
                            jobId, count, total, s.task(), trial, report.log());
                    listener.trialBusy(report, count, total);
                } else {
                    TaskReport report = new TaskReport(s.task(), trial, s.state(), s.detail(), submission.log(jobId, s.task()));
                    failed.put(s.task(), report);
                    LOG.warn("job {}: {}/{} ended; task {} {} ({}), trial {} unfinished; log: {}", jobId, count, total,
                            s.task(), s.state(), s.detail(), trial, report.log());
                    listener.taskFailed(report, count, total);
                }
            }
            if (finished.size() + busy.size() + failed.size() < total) {
                Thread.sleep(pollInterval.toMillis());
            }
        }
        return new Reports(List.copyOf(finished.values()), List.copyOf(busy.values()), List.copyOf(failed.values()));
    }

    /**
     * The tasks the controller shows in a final state; while any task is not ended, a task it does not list is
     * waited on, else such a task is forgotten.
     */
    private static List<ArrayTaskState> endedLive(List<ArrayTaskState> states, int total) {
        boolean active = states.stream().anyMatch(s -> !s.state().ended());
        Map<Integer, ArrayTaskState> byTask = new TreeMap<>();
        states.forEach(s -> byTask.put(s.task(), s));
        List<ArrayTaskState> ended = new ArrayList<>();
        for (int task = 0; task < total; task++) {
            ArrayTaskState s = byTask.get(task);
            if (s != null && s.state().ended()) {
                ended.add(s);
            } else if (s == null && !active) {
                ended.add(new ArrayTaskState(task, SlurmState.UNKNOWN, FORGOTTEN));
            }
        }
        return ended;
    }

    /** Every task of a job the controller has forgotten: as accounting last recorded it, else forgotten. */
    private List<ArrayTaskState> endedForgotten(String jobId, int total) {
        Map<Integer, ArrayTaskState> byTask = new TreeMap<>();
        client.accounting(jobId).orElse(List.of()).forEach(s -> byTask.put(s.task(), s));
        if (byTask.isEmpty()) {
            LOG.warn("job {}: the scheduler no longer knows it; tasks not seen to end are judged by their trials' results", jobId);
        }
        List<ArrayTaskState> ended = new ArrayList<>();
        for (int task = 0; task < total; task++) {
            ArrayTaskState s = byTask.get(task);
            if (s == null) {
                ended.add(new ArrayTaskState(task, SlurmState.UNKNOWN, FORGOTTEN));
            } else if (s.state().ended()) {
                ended.add(s);
            } else {
                ended.add(new ArrayTaskState(task, s.state(), "last recorded " + s.state() + (s.detail().isEmpty() ? "" : " (" + s.detail() + ")")
                        + " by accounting; " + FORGOTTEN));
            }
        }
        return ended;
    }

    /** The ended tasks, split by whether their trial finished, is busy in another process, or is unfinished. */
    public record Reports(List<TaskReport> finished, List<TaskReport> busy, List<TaskReport> failed) {
    }

    /** Progress of a submitted array job, as the follower sees it. Called on the submitter's thread. */
    public interface Listener {
        /** The array was accepted by sbatch. */
        default void submitted(String jobId, Submission submission) {
        }

        /** A task ended and its trial is finished ({@code summary.yaml} written); {@code ended} of {@code total} tasks have ended. */
        default void trialFinished(TaskReport report, int ended, int total) {
        }

        /**
         * A task exited 0 without finishing its trial because another process holds the trial's lock and is running
         * it; the trial's result appears when that process finishes.
         */
        default void trialBusy(TaskReport report, int ended, int total) {
        }

        /** A task ended without finishing its trial (failed, cancelled, timed out, ...); its trial stays unfinished. */
        default void taskFailed(TaskReport report, int ended, int total) {
        }

        /** Ignores everything. */
        Listener NONE = new Listener() {
        };
    }
}
