package ffnlab.analysis;

import ffnlab.data.Task;
import ffnlab.results.TrialSchema.Column;
import ffnlab.results.TrialSchema.Metric;

/**
 * What "the error" of a trial is for its task, as the chapter plots it: the m.s.e. (in the scaled space the
 * network sees) for regression, lower is better; the accuracy for classification, higher is better.
 *
 * @param task            the task
 * @param finalTrain      the summary metric of the final training error
 * @param finalTest       the summary metric of the final test error; the optimum of a sweep is chosen on it
 * @param curveTrain      the metrics.csv column of the training error per epoch
 * @param curveTest       the metrics.csv column of the test error per epoch
 * @param higherIsBetter  true for accuracy
 * @param label           words for axes
 * @param unit            the unit an axis names: the m.s.e. of the standardised target, or the fraction correct
 */
public record ErrorMeasure(Task task, Metric finalTrain, Metric finalTest, String curveTrain, String curveTest,
                           boolean higherIsBetter, String label, String unit) {

    public static final ErrorMeasure REGRESSION = new ErrorMeasure(Task.REGRESSION, Metric.FINAL_TRAIN_MSE,
            Metric.FINAL_TEST_MSE, Column.TRAIN_MSE.key(), Column.TEST_MSE.key(), false, "m.s.e.", "scaled m.s.e.");
    public static final ErrorMeasure CLASSIFICATION = new ErrorMeasure(Task.CLASSIFICATION, Metric.FINAL_TRAIN_ACCURACY,
            Metric.FINAL_TEST_ACCURACY, Column.TRAIN_ACCURACY.key(), Column.TEST_ACCURACY.key(), true, "accuracy", "fraction");

    public static ErrorMeasure of(Task task) {
        return switch (task) {
            case REGRESSION -> REGRESSION;
            case CLASSIFICATION -> CLASSIFICATION;
        };
    }

    /** The root of an m.s.e. in the data's original units: the RMSE, in the target's own unit (dollars for housing). */
    public static double rmse(double mseOriginalUnits) {
        return Math.sqrt(mseOriginalUnits);
    }

    /** Whether {@code a} is a better error than {@code b}. */
    public boolean better(double a, double b) {
        return higherIsBetter ? a > b : a < b;
    }
}
