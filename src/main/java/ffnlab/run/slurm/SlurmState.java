package ffnlab.run.slurm;

import java.util.Locale;

/**
 * A SLURM job (array task) state as {@code squeue %T} and {@code sacct State} print it. A task is
 * {@linkplain #ended() ended} once SLURM will not run it again; only {@link #COMPLETED} (exit code 0) counts as
 * success, and even then the trial is finished only if its {@code summary.yaml} exists.
 */
public enum SlurmState {
    PENDING, CONFIGURING, RUNNING, COMPLETING, SUSPENDED, REQUEUED, REQUEUE_HOLD, REQUEUE_FED, RESIZING,
    SIGNALING, STAGE_OUT, STOPPED, RESV_DEL_HOLD,
    COMPLETED, FAILED, CANCELLED, TIMEOUT, NODE_FAIL, OUT_OF_MEMORY, PREEMPTED, BOOT_FAIL, DEADLINE, REVOKED, SPECIAL_EXIT,
    /** The scheduler no longer knows the task (aged out of slurmctld, no accounting). */
    UNKNOWN;

    /** True once SLURM will not run the task again. */
    public boolean ended() {
        return ordinal() >= COMPLETED.ordinal();
    }

    /** True for a task that exited with code 0. */
    public boolean succeeded() {
        return this == COMPLETED;
    }

    /**
     * Parses a state word; sacct's {@code "CANCELLED by 0"} and squeue's abbreviations are accepted
     * (only the first word counts; {@code CA}, {@code CD}, {@code F}, ... map to their long names).
     */
    public static SlurmState parse(String text) {
        String word = text.strip().split("\\s+")[0].toUpperCase(Locale.ROOT).replace('-', '_');
        return switch (word) {
            case "PD" -> PENDING;
            case "CF" -> CONFIGURING;
            case "R" -> RUNNING;
            case "CG" -> COMPLETING;
            case "S" -> SUSPENDED;
            case "CD" -> COMPLETED;
            case "F" -> FAILED;
            case "CA" -> CANCELLED;
            case "TO" -> TIMEOUT;
            case "NF" -> NODE_FAIL;
            case "OOM" -> OUT_OF_MEMORY;
            case "PR" -> PREEMPTED;
            case "BF" -> BOOT_FAIL;
            case "DL" -> DEADLINE;
            default -> {
                try {
                    yield valueOf(word);
                } catch (IllegalArgumentException e) {
                    yield UNKNOWN;
                }
            }
        };
    }
}
