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

    @Override
    void close();

    /** A progress bar on a terminal, plain log lines otherwise. */
    static Progress forConsole() {
        return System.console() != null && System.console().isTerminal() ? new TerminalProgress() : new LogProgress();
    }
}
