package ffnlab.data;

import java.util.List;

/**
 * A dataset ready to train on: preprocessed train and test examples, plus what is needed to report
 * errors in the data's original units and to name classes.
 *
 * @param name        dataset name, e.g. "california-housing"
 * @param task        regression or classification
 * @param train       the training split, inputs (and regression targets) scaled with statistics fitted on it
 * @param test        the test split, scaled with the training split's statistics
 * @param sha256      SHA-256 of the source file(s), for trial ids and provenance
 * @param featureNames input column names (n entries)
 * @param targetNames  target column names (K entries) for regression; class names (K entries) for classification
 * @param targetScale  per target column, the factor s with m.s.e._original = s^2 * m.s.e._scaled
 *                     (sigma for standardisation, max - min for min-max, 1 when targets are unscaled);
 *                     empty for classification
 */
public record PreparedData(String name, Task task, Examples train, Examples test, String sha256,
                           List<String> featureNames, List<String> targetNames, double[] targetScale) {
    public PreparedData {
        featureNames = List.copyOf(featureNames);
        targetNames = List.copyOf(targetNames);
        targetScale = targetScale.clone();
    }

    /** The m.s.e. in original units, averaged over target columns weighted by their scales. */
    public double mseInOriginalUnits(double scaledMse) {
        if (targetScale.length == 0) {
            return Double.NaN;
        }
        double mean = 0;
        for (double s : targetScale) {
            mean += s * s;
        }
        return scaledMse * mean / targetScale.length;
    }
}
