package ffnlab.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Which data a trial trains on and how it is prepared. Records compare by value, so equal requests share one
 * memoised {@link PreparedData} in {@link Datasets#load}.
 *
 * @param source        "california-housing", "fashion-mnist", "toy-mapping" or "csv"
 * @param csvFile       the file for "csv", else null (a relative path resolves against the working directory)
 * @param targetColumns for "csv" (and housing): the target column(s); empty = the dataset's default target
 * @param task          for "csv": regression or classification; null = the dataset's default (regression for csv)
 * @param testFraction  fraction of rows held out for testing, in [0, 1); 0.3 gives the chapter's 14448 / 6192
 *                      housing split; ignored by fashion-mnist (official 60000 / 10000 split) and toy-mapping
 * @param splitSeed     seeds the train/test shuffle (independent of the training seed)
 * @param inputScaling  input preprocessing, fitted on train
 * @param outputScaling regression target preprocessing, fitted on train; ignored for classification
 * @param trainLimit    0 = all; else keep the first N training rows after the split (smoke / ci profiles)
 * @param testLimit     0 = all; else keep the first N test rows after the split
 */
public record DataRequest(String source, Path csvFile, List<String> targetColumns, Task task, double testFraction,
                          long splitSeed, InputScaling inputScaling, OutputScaling outputScaling, int trainLimit,
                          int testLimit) {

    public DataRequest {
        Objects.requireNonNull(source, "source");
        targetColumns = targetColumns == null ? List.of() : List.copyOf(targetColumns);
        inputScaling = inputScaling == null ? InputScaling.NONE : inputScaling;
        outputScaling = outputScaling == null ? OutputScaling.NONE : outputScaling;
        if (!(testFraction >= 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test fraction must be in [0, 1), got " + testFraction);
        }
        if (trainLimit < 0 || testLimit < 0) {
            throw new IllegalArgumentException("row limits must be 0 (all) or positive, got " + trainLimit + ", " + testLimit);
        }
    }

    /** The chapter's housing setting: 70/30 split, inputs standardised, targets standardised (linear output). */
    public static DataRequest californiaHousing(long splitSeed) {
        return new DataRequest("california-housing", null, List.of(), null, 0.3, splitSeed, InputScaling.STANDARDISE,
                OutputScaling.STANDARDISE, 0, 0);
    }

    /** The chapter's Fashion-MNIST setting: the official split, pixels / 255. */
    public static DataRequest fashionMnist() {
        return new DataRequest("fashion-mnist", null, List.of(), null, 0, 0, InputScaling.NONE, OutputScaling.NONE, 0, 0);
    }

    /** The chapter's Example 2 patterns, unscaled. */
    public static DataRequest toyMapping() {
        return new DataRequest("toy-mapping", null, List.of(), null, 0, 0, InputScaling.NONE, OutputScaling.NONE, 0, 0);
    }

    /** A copy with other row limits. */
    public DataRequest withLimits(int train, int test) {
        return new DataRequest(source, csvFile, targetColumns, task, testFraction, splitSeed, inputScaling, outputScaling, train, test);
    }

    /** A copy with other scalings. */
    public DataRequest withScaling(InputScaling inputs, OutputScaling outputs) {
        return new DataRequest(source, csvFile, targetColumns, task, testFraction, splitSeed, inputs, outputs, trainLimit, testLimit);
    }
}
