package ffnlab.run;

import ffnlab.data.ColumnScaling;
import ffnlab.data.DataRequest;
import ffnlab.data.Examples;
import ffnlab.data.InputScaling;
import ffnlab.data.OutputScaling;
import ffnlab.data.PreparedData;

/**
 * The examples a trial trains, validates and tests on. Without a validation fraction this is the prepared data as
 * loaded. With one, the last {@code floor(P * fraction)} training rows are held out for early stopping <em>before</em>
 * any scaling is fitted: the data is loaded unscaled, the input (and regression target) scalings are fitted on the
 * rows that train only, and applied unchanged to those rows, the validation rows and the test set. So the held-out
 * rows never inform the statistics the network is trained with, as the test set never does.
 *
 * @param data       the training rows and the test set, scaled; target scales and offsets for original units
 * @param validation the held-out rows, scaled like the training rows; null without a validation fraction
 */
public record TrainingData(PreparedData data, Examples validation) {

    /**
     * @param request            the trial's data request (scalings as asked for)
     * @param validationFraction the share of training rows held out, in [0, 1)
     * @param load               loads a request (memoised by the caller)
     */
    static TrainingData of(DataRequest request, double validationFraction, java.util.function.Function<DataRequest, PreparedData> load) {
        if (!(validationFraction > 0)) {
            return new TrainingData(load.apply(request), null);
        }
        PreparedData raw = load.apply(request.withScaling(InputScaling.NONE, OutputScaling.NONE));
        Examples all = raw.train();
        int held = (int) Math.floor(all.rows() * validationFraction);
        Examples train = all.slice(0, all.rows() - held);
        Examples validation = all.slice(all.rows() - held, all.rows());
        Examples test = raw.test() == null ? null : raw.test().slice(0, raw.test().rows());
        ColumnScaling inputs = ColumnScaling.fit(kind(request.inputScaling()), train.x(), train.rows(), train.features());
        for (Examples e : new Examples[] {train, validation, test}) {
            if (e != null) {
                inputs.applyInPlace(e.x(), e.rows());
            }
        }
        if (train.isClassification()) {
            return new TrainingData(new PreparedData(raw.name(), raw.task(), train, test, raw.sha256(), raw.featureNames(),
                    raw.targetNames(), raw.targetScale(), raw.targetOffset()), validation);
        }
        ColumnScaling outputs = ColumnScaling.fit(kind(request.outputScaling()), train.targets(), train.rows(), train.outputs());
        for (Examples e : new Examples[] {train, validation, test}) {
            if (e != null) {
                outputs.applyInPlace(e.targets(), e.rows());
            }
        }
        // d_original = o0 + s0 d_raw and d_raw = o1 + s1 d_scaled, so d_original = (o0 + s0 o1) + s0 s1 d_scaled
        double[] scale = raw.targetScale();
        double[] offset = raw.targetOffset();
        for (int k = 0; k < scale.length; k++) {
            offset[k] += scale[k] * outputs.offset()[k];
            scale[k] *= outputs.scale()[k];
        }
        return new TrainingData(new PreparedData(raw.name(), raw.task(), train, test, raw.sha256(), raw.featureNames(),
                raw.targetNames(), scale, offset), validation);
    }

    private static ColumnScaling.Kind kind(InputScaling s) {
        return switch (s) {
            case NONE -> ColumnScaling.Kind.NONE;
            case MIN_MAX -> ColumnScaling.Kind.MIN_MAX;
            case STANDARDISE -> ColumnScaling.Kind.STANDARDISE;
        };
    }

    private static ColumnScaling.Kind kind(OutputScaling s) {
        return switch (s) {
            case NONE -> ColumnScaling.Kind.NONE;
            case MIN_MAX -> ColumnScaling.Kind.MIN_MAX;
            case STANDARDISE -> ColumnScaling.Kind.STANDARDISE;
        };
    }
}
