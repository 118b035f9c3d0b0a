package ffnlab.run.slurm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Follows a submitted array until every task has ended: asks {@code squeue} (and {@code sacct} once slurmctld
 * has forgotten the job) every poll interval, and reports each task as it ends. The trial's {@code summary.yaml}
 * decides success: a task counts as finished only if its trial is; a failed, cancelled or timed-out task (or a
 * completed one that wrote no summary) is reported with its array index and log. A scheduler that does not
 * answer (busy, restarting) is asked again, up to {@link #PATIENCE} times in a row.
 */
public final class ArrayJobFollower {
    private static final Logger LOG = LogManager.getLogger();
    /** Consecutive unanswered polls (slurmctld busy or restarting) tolerated before giving up. */
    static final int PATIENCE = 10;

    private final SlurmClient client;
    private final Duration pollInterval;

    public ArrayJobFollower(SlurmClient client, Duration pollInterval) {
        this.client = client;
        this.pollInterval = pollInterval;
    }

    /** The finished and the failed tasks, in array order, once the array has ended. */
    public Reports follow(String jobId, Submission submission, ArrayJobRequest request, ArrayJobListener listener)
            throws InterruptedException {
        int total = submission.trialIds().size();
        Map<Integer, TaskReport> finished = new TreeMap<>();
        Map<Integer, TaskReport> failed = new TreeMap<>();
        int unanswered = 0;
        int unknown = 0;
        while (finished.size() + failed.size() < total) {
            Optional<List<ArrayTaskState>> states;
            try {
                states = client.queue(jobId).or(() -> client.accounting(jobId));
                unanswered = 0;
                if (states.isPresent()) {
                    unknown = 0;
                }
            } catch (SlurmException e) {
                if (++unanswered >= PATIENCE) {
                    throw new SlurmException("job " + jobId + ": the scheduler did not answer " + PATIENCE + " times in a row; the array"
                            + " may still be running (squeue -j " + jobId + "): " + e.getMessage(), e);
                }
                LOG.warn("job {}: the scheduler did not answer ({}); asking again", jobId, e.getMessage());
                Thread.sleep(pollInterval.toMillis());
                continue;
            }
            List<ArrayTaskState> ended = new ArrayList<>();
            if (states.isEmpty() && ++unknown < 2) {
                Thread.sleep(pollInterval.toMillis());   // ask once more before concluding the job is gone
                continue;
            }
            if (states.isEmpty()) {
                LOG.warn("job {}: the scheduler no longer knows it; tasks not seen to end are judged by their trials' results", jobId);
                for (int task = 0; task < total; task++) {
                    ended.add(new ArrayTaskState(task, SlurmState.UNKNOWN, "forgotten by the scheduler"));
                }
            } else {
                boolean active = states.get().stream().anyMatch(s -> !s.state().ended());
                Map<Integer, ArrayTaskState> byTask = new TreeMap<>();
                states.get().forEach(s -> byTask.put(s.task(), s));
                for (int task = 0; task < total; task++) {
                    ArrayTaskState s = byTask.get(task);
                    if (s != null && s.state().ended()) {
                        ended.add(s);
                    } else if (s == null && !active) {
                        ended.add(new ArrayTaskState(task, SlurmState.UNKNOWN, "forgotten by the scheduler"));
                    }
                }
            }
            for (ArrayTaskState s : ended) {
                if (finished.containsKey(s.task()) || failed.containsKey(s.task()) || s.task() >= total) {
                    continue;
                }
                String trial = submission.trial(s.task());
                boolean done = request.finished(trial);
                String detail = s.state().succeeded() && !done ? "exited 0 but wrote no summary.yaml" : s.detail();
                TaskReport report = new TaskReport(s.task(), trial, s.state(), detail, submission.log(jobId, s.task()));
                int count = finished.size() + failed.size() + 1;
                if (done) {
                    finished.put(s.task(), report);
                    LOG.info("job {}: {}/{} ended; trial {} finished (task {})", jobId, count, total, trial, s.task());
                    listener.trialFinished(report, count, total);
                } else {
                    failed.put(s.task(), report);
                    LOG.warn("job {}: {}/{} ended; task {} {} ({}), trial {} unfinished; log: {}", jobId, count, total,
                            s.task(), s.state(), detail, trial, report.log());
                    listener.taskFailed(report, count, total);
                }
            }
            if (finished.size() + failed.size() < total) {
                Thread.sleep(pollInterval.toMillis());
            }
        }
        return new Reports(List.copyOf(finished.values()), List.copyOf(failed.values()));
    }

    /** The ended tasks, split by whether their trial finished. */
    public record Reports(List<TaskReport> finished, List<TaskReport> failed) {
    }
}
