package ffnlab.search;

import ffnlab.sweep.Configuration;
import java.util.Comparator;
import java.util.List;

/**
 * One configuration's result in a search: the mean of the search's metric over its seeds' trials.
 *
 * @param configuration the configuration
 * @param trialIds      its trials' ids (one per seed), sorted
 * @param value         the mean over those trials of the metric; NaN when a trial diverged or has no value
 */
public record Observation(Configuration configuration, List<String> trialIds, double value) {
    public Observation {
        trialIds = trialIds.stream().sorted().toList();
        if (trialIds.isEmpty()) {
            throw new IllegalArgumentException("an observation needs at least one trial");
        }
    }

    /** The smallest of its trial ids: breaks ties between equal values, the same on every machine. */
    public String firstTrialId() {
        return trialIds.getFirst();
    }

    /** The value as a loss (lower is better): negated when the metric is maximised, +infinity when NaN. */
    public double loss(boolean maximise) {
        return Double.isNaN(value) ? Double.POSITIVE_INFINITY : maximise ? -value : value;
    }

    /** Best first: by {@link #loss}, ties by {@link #firstTrialId}. */
    public static Comparator<Observation> bestFirst(boolean maximise) {
        return Comparator.comparingDouble((Observation o) -> o.loss(maximise)).thenComparing(Observation::firstTrialId);
    }
}
