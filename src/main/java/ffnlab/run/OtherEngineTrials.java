package ffnlab.run;

import ffnlab.analysis.FinishedTrial;
import ffnlab.analysis.ResultsFileException;
import ffnlab.results.ExperimentDirectory;
import ffnlab.results.TrialDirectory;
import ffnlab.sweep.TrialSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finished trials of an experiment that other code trained: for a planned trial, the finished trial with the same
 * configuration, resolved backend, seed and data ({@link TrialSpec#idIgnoringEngine}, recorded in trial.yaml as
 * {@code id_ignoring_engine}) under a different engine fingerprint. Used only when a run is asked to reuse any
 * engine's results; a trial folder without those keys is never a stand-in.
 */
final class OtherEngineTrials {
    private final Map<String, FinishedTrial> byIdIgnoringEngine = new HashMap<>();

    /**
     * Indexes the finished trials of {@code directory}; of several for one trial, the last by id is taken. A trial
     * whose files cannot be read is no stand-in.
     */
    OtherEngineTrials(ExperimentDirectory directory) {
        for (TrialDirectory dir : directory.trials()) {
            if (!dir.finished()) {
                continue;
            }
            try {
                FinishedTrial t = FinishedTrial.read(dir.path());
                if (t.trial().get("id_ignoring_engine") instanceof String key && t.trial().get("engine_fingerprint") instanceof String) {
                    byIdIgnoringEngine.put(key, t);
                }
            } catch (ResultsFileException e) {
                continue;
            }
        }
    }

    /** {@code trial} when it is finished itself; else a finished trial of other code standing for it, when there is one. */
    TrialSpec standIn(TrialSpec trial, ExperimentDirectory directory) {
        if (directory.trial(trial.id()).finished()) {
            return trial;
        }
        return Optional.ofNullable(byIdIgnoringEngine.get(trial.idIgnoringEngine()))
                .map(t -> new TrialSpec(t.dir().getFileName().toString(), trial.experiment(), trial.configuration(), trial.seed(),
                        trial.dataSha256(), trial.backend(), (String) t.trial().get("engine_fingerprint")))
                .orElse(trial);
    }

    /** The plan's trials, each replaced by its stand-in where there is one. */
    static List<TrialSpec> standIns(List<TrialSpec> trials, ExperimentDirectory directory) {
        OtherEngineTrials others = new OtherEngineTrials(directory);
        return trials.stream().map(t -> others.standIn(t, directory)).toList();
    }
}
