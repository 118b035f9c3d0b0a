package ffnlab.run;

import ffnlab.sweep.TrialSpec;
import ffnlab.train.EpochRecord;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar (trials done / total, ETA) whose message shows the current trials' epochs. */
final class TerminalProgress implements Progress {
    private final Map<String, String> running = new ConcurrentHashMap<>();
    private ProgressBar bar;

    @Override
    public synchronized void started(String experiment, int toRun, int finished) {
        System.setProperty("org.jline.terminal.disableDeprecatedProviderWarning", "true");
        bar = new ProgressBarBuilder().setTaskName(experiment).setInitialMax(toRun).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250).continuousUpdate().build();
        bar.setExtraMessage(finished > 0 ? finished + " finished earlier" : "");
    }

    @Override
    public void trialStarted(TrialSpec trial) {
        running.put(trial.id(), "epoch 0/" + trial.config().training().epochs());
        message();
    }

    @Override
    public void epoch(TrialSpec trial, EpochRecord record) {
        running.put(trial.id(), "epoch " + record.epoch() + "/" + trial.config().training().epochs());
        message();
    }

    @Override
    public void trialEnded(TrialOutcome outcome) {
        running.remove(outcome.trial().id());
        synchronized (this) {
            if (bar != null) {
                bar.step();
            }
        }
        message();
    }

    private synchronized void message() {
        if (bar != null) {
            bar.setExtraMessage(running.isEmpty() ? "" : " " + String.join(" | ", running.values()));
        }
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
