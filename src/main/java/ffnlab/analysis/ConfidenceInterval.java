package ffnlab.analysis;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The 95% confidence interval of a mean over n seeds, from Student's t:
 * {@code mean +- t_{0.975, n-1} * s / sqrt(n)}, s the sample standard deviation (n - 1 in the denominator).
 */
public final class ConfidenceInterval {
    private ConfidenceInterval() {
    }

    /** t_{0.975, n-1}; NaN for n < 2 (one seed says nothing about spread). */
    public static double tQuantile975(int n) {
        if (n < 2) {
            return Double.NaN;
        }
        return new TDistribution(n - 1).inverseCumulativeProbability(0.975);
    }

    /** The half-width t_{0.975, n-1} s / sqrt(n); NaN for n < 2 or a NaN s. */
    public static double halfWidth95(double sampleStd, int n) {
        return tQuantile975(n) * sampleStd / Math.sqrt(n);
    }

    /**
     * The mean of {@code values} with the half-width of its 95% interval (NaN with fewer than two values).
     *
     * @param mean      the sample mean (NaN for no values)
     * @param halfWidth t_{0.975, n-1} s / sqrt(n)
     * @param n         how many values
     */
    public record Mean(double mean, double halfWidth, int n) {
    }

    /** The mean of {@code values} and its 95% half-width. */
    public static Mean of(double[] values) {
        int n = values.length;
        double mean = java.util.Arrays.stream(values).average().orElse(Double.NaN);
        double std = n < 2 ? Double.NaN
                : Math.sqrt(java.util.Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (n - 1));
        return new Mean(mean, halfWidth95(std, n), n);
    }
}
