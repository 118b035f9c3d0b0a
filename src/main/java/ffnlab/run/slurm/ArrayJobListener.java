package ffnlab.run.slurm;

/** Progress of a submitted array job, as the follower sees it. Called on the submitter's thread. */
public interface ArrayJobListener {
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
    ArrayJobListener NONE = new ArrayJobListener() {
    };
}
