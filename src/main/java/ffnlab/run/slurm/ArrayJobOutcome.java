package ffnlab.run.slurm;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a submission did.
 *
 * @param jobId           the array job's id; empty when nothing had to run
 * @param submission      its files; null when nothing had to run
 * @param alreadyFinished trials skipped because their {@code summary.yaml} exists
 * @param alreadyQueued   trials skipped because a task of an earlier array is still pending or running on them
 * @param finished        tasks that finished their trial (only when followed)
 * @param busy            tasks that exited 0 without finishing their trial because another process is running it
 *                        (only when followed)
 * @param failed          tasks that ended without finishing their trial (only when followed)
 * @param followed        whether the submitter waited for the array to end
 */
public record ArrayJobOutcome(Optional<String> jobId, Submission submission, List<String> alreadyFinished,
                              List<String> alreadyQueued, List<TaskReport> finished, List<TaskReport> busy, List<TaskReport> failed,
                              boolean followed) {
    public ArrayJobOutcome {
        alreadyFinished = List.copyOf(alreadyFinished);
        alreadyQueued = List.copyOf(alreadyQueued);
        finished = List.copyOf(finished);
        busy = List.copyOf(busy);
        failed = List.copyOf(failed);
    }

    /** The number of trials submitted in this array. */
    public int submitted() {
        return submission == null ? 0 : submission.trialIds().size();
    }

    /**
     * How one array task ended.
     *
     * @param task    its array index ({@code SLURM_ARRAY_TASK_ID})
     * @param trialId the trial it ran
     * @param state   its final SLURM state ({@link SlurmState#UNKNOWN} when the scheduler forgot it before we looked)
     * @param detail  the scheduler's reason or exit code, or why a completed task still counts as failed
     * @param log     its output ({@code slurm/submission-NNN/logs/<jobid>_<task>.log})
     */
    public record TaskReport(int task, String trialId, SlurmState state, String detail, Path log) {
    }
}
