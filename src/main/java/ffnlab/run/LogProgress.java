package ffnlab.run;

import ffnlab.sweep.TrialSpec;
import ffnlab.train.EpochRecord;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** Progress as plain log lines (no terminal): one line per trial started and ended, with the count and ETA. */
final class LogProgress implements Progress {
    private static final Logger LOG = LogManager.getLogger();
    private final AtomicInteger done = new AtomicInteger();
    private volatile int total;
    private volatile long startNanos;

    @Override
    public void started(String experiment, int toRun, int finished) {
        total = toRun;
        startNanos = System.nanoTime();
        LOG.info("{}: {} trials to run, {} finished earlier", experiment, toRun, finished);
    }

    @Override
    public void trialStarted(TrialSpec trial) {
        LOG.debug("trial {} started: {}", trial.id(), trial.label());
    }

    @Override
    public void epoch(TrialSpec trial, EpochRecord record) {
        // one line per trial is enough in a log
    }

    @Override
    public void trialEnded(TrialOutcome o) {
        int n = done.incrementAndGet();
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        double eta = n == 0 ? 0 : elapsed / n * (total - n);
        LOG.info("[{}/{}] trial {} {}: {} ({}, {} s; ETA {} s)", n, total, o.trial().id(), o.status().name().toLowerCase(java.util.Locale.ROOT),
                o.trial().label(), o.message(), String.format(java.util.Locale.ROOT, "%.1f", o.wallS()),
                String.format(java.util.Locale.ROOT, "%.0f", eta));
    }

    @Override
    public void close() {
        // nothing held
    }
}
