package ffnlab.run.slurm;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The scheduler operations the executor and the follower need: submit an array, list its tasks (live from the
 * controller, or final from accounting), find a job by its script, cancel. {@link SlurmClient} runs SLURM's
 * commands; tests substitute a scheduler of their own.
 */
public interface Scheduler {
    /**
     * Submits {@code script} as an array job over {@code arraySpec} and returns its job id.
     *
     * @throws SlurmException.SbatchRefused when the scheduler refuses (nothing was queued)
     * @throws SlurmException when it is unknown whether the job was queued (no answer, an unreadable one)
     */
    String submit(Path script, String arraySpec);

    /**
     * Every task the controller still knows (recently ended ones included), counting the job only if it is named
     * {@code jobName} (null = any name); empty when the controller no longer knows the job.
     */
    Optional<List<ArrayTaskState>> queue(String jobId, String jobName);

    /** As {@link #queue(String, String)} for a job of any name. */
    default Optional<List<ArrayTaskState>> queue(String jobId) {
        return queue(jobId, null);
    }

    /** The tasks' states as the accounting database recorded them; empty where there is no accounting. */
    Optional<List<ArrayTaskState>> accounting(String jobId);

    /**
     * The id of a job the controller still knows that is named {@code jobName} and runs {@code script}; empty when
     * there is none (never submitted, or ended and forgotten).
     */
    Optional<String> findJob(String jobName, Path script);

    /** Cancels every task of the array that has not ended. */
    void cancel(String jobId);

    /**
     * One array task as the scheduler reports it.
     *
     * @param task   the array index ({@code SLURM_ARRAY_TASK_ID}), 0..n-1
     * @param state  its state
     * @param detail squeue's reason or sacct's exit code ({@code "NonZeroExitCode"}, {@code "3:0"}); may be empty
     */
    public record ArrayTaskState(int task, SlurmState state, String detail) {
        public ArrayTaskState {
            if (task < 0) {
                throw new IllegalArgumentException("array task index must be >= 0, got " + task);
            }
            detail = detail == null ? "" : detail;
        }
    }
}
