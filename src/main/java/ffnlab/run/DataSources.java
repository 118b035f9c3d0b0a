package ffnlab.run;

import ffnlab.data.DataRequest;
import ffnlab.data.Datasets;
import ffnlab.data.PreparedData;
import ffnlab.spec.TrialConfig;

/**
 * The data a trial's configuration asks for: its {@code dataset.*} keys become a {@link DataRequest} for
 * {@link Datasets#load}, which memoises per request, so all trials of a sweep share one copy. The model and
 * training keys do not take part. {@link #forTraining} adds the validation split ({@link TrainingData}), also
 * memoised, per request and fraction.
 */
public final class DataSources {
    private record Split(DataRequest request, double validationFraction) {
    }

    private final java.util.concurrent.ConcurrentMap<Split, TrainingData> splits = new java.util.concurrent.ConcurrentHashMap<>();

    /** The training, validation and test examples for {@code config}, scalings fitted on the training rows only. */
    public TrainingData forTraining(TrialConfig config) {
        Split key = new Split(config.data().request(), config.data().validationFraction());
        return splits.computeIfAbsent(key, k -> TrainingData.of(k.request(), k.validationFraction(), Datasets::load));
    }

    /** The prepared data for {@code config}. */
    public PreparedData load(TrialConfig config) {
        return Datasets.load(config.data().request());
    }

    /** Input and output widths of {@code config}'s data. */
    public int[] shape(TrialConfig config) {
        PreparedData d = load(config);
        return new int[] {d.train().features(), d.train().outputs()};
    }
}
