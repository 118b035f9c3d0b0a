package ffnlab.run;

import java.nio.file.Path;
import java.util.List;

/**
 * What a run did.
 *
 * @param experiment the results name (experiment, plus "-smoke" under a profile)
 * @param directory  results/&lt;experiment&gt;
 * @param outcomes   one per trial, in sweep order
 * @param wallS      the run's wall time, seconds
 */
public record RunReport(String experiment, Path directory, List<TrialOutcome> outcomes, double wallS) {
    public RunReport {
        outcomes = List.copyOf(outcomes);
    }

    public long count(TrialOutcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    /** "16 trials: 12 finished, 4 skipped (finished earlier), 0 diverged, 0 busy, 0 failed in 41.2 s". */
    public String line() {
        return String.format(java.util.Locale.ROOT, "%s: %d trials: %d trained, %d diverged, %d skipped (finished earlier), "
                        + "%d busy (another process), %d failed in %.1f s; results in %s", experiment, outcomes.size(),
                count(TrialOutcome.Status.FINISHED), count(TrialOutcome.Status.DIVERGED), count(TrialOutcome.Status.SKIPPED),
                count(TrialOutcome.Status.BUSY), count(TrialOutcome.Status.FAILED), wallS, directory);
    }
}
