package ffnlab.run.slurm;

import java.util.Locale;

/**
 * A SLURM job (array task) state as {@code squeue %T} and {@code sacct State} print it. A task is
 * {@linkplain #ended() ended} only in a final state, one from which SLURM never runs it again: COMPLETED,
 * FAILED, CANCELLED, TIMEOUT, NODE_FAIL, OUT_OF_MEMORY, BOOT_FAIL, DEADLINE. Every other state, PREEMPTED,
 * REQUEUED, SPECIAL_EXIT, REVOKED and a word this enum does not know ({@link #UNKNOWN}) included, may still lead
 * to the task running (a preempted task can be requeued, a revoked one runs on a sibling cluster). Only
 * {@link #COMPLETED} (exit code 0) counts as success, and even then the trial is finished only if its
 * {@code summary.yaml} exists.
 */
public enum SlurmState {
    PENDING, CONFIGURING, RUNNING, COMPLETING, SUSPENDED, REQUEUED, REQUEUE_HOLD, REQUEUE_FED, RESIZING,
    SIGNALING, STAGE_OUT, STOPPED, RESV_DEL_HOLD, PREEMPTED, REVOKED, SPECIAL_EXIT,
    COMPLETED, FAILED, CANCELLED, TIMEOUT, NODE_FAIL, OUT_OF_MEMORY, BOOT_FAIL, DEADLINE,
    /** A state word this enum does not know; treated as not ended. */
    UNKNOWN;

    /** True in a final state: SLURM will not run the task again. */
    public boolean ended() {
        return switch (this) {
            case COMPLETED, FAILED, CANCELLED, TIMEOUT, NODE_FAIL, OUT_OF_MEMORY, BOOT_FAIL, DEADLINE -> true;
            default -> false;
        };
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
