package ffnlab.run;

import ffnlab.sweep.TrialSpec;
import ffnlab.train.EpochRecord;

/** Told what a run is doing, from the scheduler's threads (implementations are thread-safe). */
public interface Progress extends AutoCloseable {
    /** The run starts: {@code toRun} trials to train, {@code finished} already done earlier. */
    void started(String experiment, int toRun, int finished);

    void trialStarted(TrialSpec trial);

    void epoch(TrialSpec trial, EpochRecord record);

    void trialEnded(TrialOutcome outcome);

    /** Ends the progress; may be called more than once. */
    @Override
    void close();

    /** A progress bar on a terminal, plain log lines otherwise. */
    static Progress forConsole() {
        return System.console() != null && System.console().isTerminal() ? new TerminalProgress() : new LogProgress();
    }

    /** Tells {@code first}, then {@code second}, everything; closes both, {@code second} even when {@code first} fails. */
    static Progress both(Progress first, Progress second) {
        return new Progress() {
            @Override
            public void started(String experiment, int toRun, int finished) {
                first.started(experiment, toRun, finished);
                second.started(experiment, toRun, finished);
            }

            @Override
            public void trialStarted(TrialSpec trial) {
                first.trialStarted(trial);
                second.trialStarted(trial);
            }

            @Override
            public void epoch(TrialSpec trial, EpochRecord record) {
                first.epoch(trial, record);
                second.epoch(trial, record);
            }

            @Override
            public void trialEnded(TrialOutcome outcome) {
                first.trialEnded(outcome);
                second.trialEnded(outcome);
            }

            @Override
            public void close() {
                try (second) {
                    first.close();
                }
            }
        };
    }
}
