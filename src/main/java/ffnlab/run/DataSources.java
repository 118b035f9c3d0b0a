package ffnlab.run;

import ffnlab.data.DataRequest;
import ffnlab.data.Datasets;
import ffnlab.data.InputScaling;
import ffnlab.data.OutputScaling;
import ffnlab.data.PreparedData;
import ffnlab.data.Task;
import ffnlab.spec.TrialConfig;
import java.nio.file.Path;
import java.util.List;

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
        Split key = new Split(request(config), config.number("dataset.validation_fraction"));
        return splits.computeIfAbsent(key, k -> TrainingData.of(k.request(), k.validationFraction(), Datasets::load));
    }

    /** The prepared data for {@code config}. */
    public PreparedData load(TrialConfig config) {
        return Datasets.load(request(config));
    }

    /** Input and output widths of {@code config}'s data. */
    public int[] shape(TrialConfig config) {
        PreparedData d = load(config);
        return new int[] {d.train().features(), d.train().outputs()};
    }

    /** The request the {@code dataset.*} keys describe. */
    static DataRequest request(TrialConfig c) {
        String csv = c.text("dataset.csv_file");
        @SuppressWarnings("unchecked")
        List<String> targets = (List<String>) c.get("dataset.target_columns");
        return new DataRequest(c.source(), csv == null ? null : Path.of(csv), targets,
                c.source().equals("csv") ? (c.task() == Task.CLASSIFICATION ? Task.CLASSIFICATION : Task.REGRESSION) : null,
                c.number("dataset.test_fraction"), (Long) c.get("dataset.split_seed"),
                InputScaling.parse(c.text("dataset.input_scaling")), OutputScaling.parse(c.text("dataset.output_scaling")),
                c.integer("dataset.train_limit"), c.integer("dataset.test_limit"));
    }
}
