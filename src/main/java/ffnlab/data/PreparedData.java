package ffnlab.data;

import java.util.List;

/**
 * A dataset ready to train on: preprocessed train and test examples, plus what is needed to report
 * errors in the data's original units and to name classes.
 *
 * @param name         dataset name, e.g. "california-housing"
 * @param task         regression or classification
 * @param train        the training split, inputs (and regression targets) scaled with statistics fitted on it
 * @param test         the test split, scaled with the training split's statistics; null when the data has no
 *                     test split (toy-mapping, the chapter's Example 2; a CSV with test fraction 0)
 * @param sha256       SHA-256 of the source file(s), for trial ids and provenance
 * @param featureNames input column names (n entries)
 * @param targetNames  target column names (K entries) for regression; class names (K entries) for classification
 * @param targetScale  per target column, the factor s with m.s.e._original = s^2 * m.s.e._scaled
 *                     (sigma for standardisation, max - min for min-max, 1 when targets are unscaled);
 *                     empty for classification
 * @param targetOffset per target column, the value o with d_original = o + s d_scaled (mean, min, or 0);
 *                     empty for classification
 */
public record PreparedData(String name, Task task, Examples train, Examples test, String sha256,
                           List<String> featureNames, List<String> targetNames, double[] targetScale,
                           double[] targetOffset) {
    public PreparedData {
        featureNames = List.copyOf(featureNames);
        targetNames = List.copyOf(targetNames);
        targetScale = targetScale.clone();
        targetOffset = targetOffset == null ? new double[targetScale.length] : targetOffset.clone();
        if (targetOffset.length != targetScale.length) {
            throw new IllegalArgumentException(targetOffset.length + " target offsets for " + targetScale.length + " scales");
        }
    }

    /** Targets whose scaling is a pure factor (offset 0), as before offsets were recorded. */
    public PreparedData(String name, Task task, Examples train, Examples test, String sha256,
                        List<String> featureNames, List<String> targetNames, double[] targetScale) {
        this(name, task, train, test, sha256, featureNames, targetNames, targetScale, null);
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

    /** d_original = o_k + s_k d_scaled: a scaled target or prediction of column k in original units (e.g. dollars). */
    public double originalTarget(int column, double scaled) {
        return targetOffset[column] + targetScale[column] * scaled;
    }

    @Override
    public double[] targetScale() {
        return targetScale.clone();
    }

    @Override
    public double[] targetOffset() {
        return targetOffset.clone();
    }
}
