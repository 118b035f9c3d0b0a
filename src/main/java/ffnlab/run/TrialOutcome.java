package ffnlab.run;

import ffnlab.sweep.TrialSpec;

/**
 * What became of one trial in a run.
 *
 * @param trial   the trial
 * @param status  {@link Status}
 * @param message for failures: the one-line reason; else a short result ("test_mse 0.31")
 * @param wallS   seconds spent on it in this run
 */
public record TrialOutcome(TrialSpec trial, Status status, String message, double wallS) {
    /** How a trial ended in this run. */
    public enum Status {
        /** trained to the end */
        FINISHED,
        /** trained until its loss became NaN or infinite; recorded as diverged */
        DIVERGED,
        /** already finished by an earlier run: not trained again */
        SKIPPED,
        /** another process holds its lock and is training it */
        BUSY,
        /** could not run (e.g. missing data); nothing recorded as finished */
        FAILED
    }
}
