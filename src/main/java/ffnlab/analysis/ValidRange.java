package ffnlab.analysis;

import ffnlab.results.TrialSchema.Column;
import ffnlab.results.TrialSchema.Metric;

/**
 * The values a metric can take: errors, losses, times and epochs are never negative; an accuracy is a fraction in
 * [0, 1]. A confidence interval is drawn and quoted clipped to this range, so no interval claims an impossible value.
 *
 * @param min the smallest possible value
 * @param max the largest possible value (infinite when unbounded)
 */
public record ValidRange(double min, double max) {
    public static final ValidRange NON_NEGATIVE = new ValidRange(0, Double.POSITIVE_INFINITY);
    public static final ValidRange FRACTION = new ValidRange(0, 1);

    /** The range of a summary metric. */
    public static ValidRange of(Metric metric) {
        return switch (metric) {
            case FINAL_TRAIN_ACCURACY, FINAL_TEST_ACCURACY, BEST_TEST_ACCURACY -> FRACTION;
            case FINAL_TRAIN_LOSS, FINAL_TEST_LOSS, FINAL_TRAIN_MSE, FINAL_TEST_MSE, FINAL_TRAIN_MSE_ORIG,
                 FINAL_TEST_MSE_ORIG, FINAL_EPOCH, BEST_TEST_MSE, BEST_TEST_EPOCH, MEAN_EPOCH_TIME_S,
                 MEAN_UPDATE_TIME_US -> NON_NEGATIVE;
        };
    }

    /** The range of a metrics.csv column. */
    public static ValidRange of(Column column) {
        return switch (column) {
            case TRAIN_ACCURACY, TEST_ACCURACY -> FRACTION;
            case EPOCH, TRAIN_LOSS, TEST_LOSS, TRAIN_MSE, TEST_MSE, TRAIN_MSE_ORIG, TEST_MSE_ORIG, EPOCH_TIME_S, UPDATES,
                 UPDATE_TIME_US -> NON_NEGATIVE;
        };
    }

    /** {@code v} moved into the range (NaN stays NaN). */
    public double clip(double v) {
        return Double.isNaN(v) ? v : Math.max(min, Math.min(max, v));
    }

    /** The lower end of {@code mean - halfWidth} clipped to the range; the mean itself when the half-width is not finite. */
    public double lower(double mean, double halfWidth) {
        return clip(Double.isFinite(halfWidth) ? mean - halfWidth : mean);
    }

    /** The upper end of {@code mean + halfWidth} clipped to the range; the mean itself when the half-width is not finite. */
    public double upper(double mean, double halfWidth) {
        return clip(Double.isFinite(halfWidth) ? mean + halfWidth : mean);
    }
}
