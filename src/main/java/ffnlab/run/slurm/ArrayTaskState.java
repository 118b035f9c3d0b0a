package ffnlab.run.slurm;

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
