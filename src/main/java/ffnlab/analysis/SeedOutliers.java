package ffnlab.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Seeds far outside the other seeds of their configuration (a collapsed or blown-up run) that would stretch a plot's
 * axis, found by a robust rule that the outliers themselves cannot mask. A value is an outlier when both
 * <ul>
 *   <li>it lies more than {@link #THRESHOLD} robust standard deviations from the median of its configuration's seeds
 *       (1.4826 times the median absolute deviation from the configuration medians, pooled over every configuration,
 *       the median seed's own zero left out, so three seeds of which two agree closely do not give a zero spread), and
 *   <li>it lies beyond the extent of every other value by more than {@link #STRETCH} of that extent: a seed that is
 *       merely the noisiest of its configuration stays on the plot.
 * </ul>
 * A configuration needs at least three seeds: with two, neither can be told to be the odd one.
 */
public final class SeedOutliers {
    /** How many robust standard deviations from its configuration's median make a seed an outlier. */
    public static final double THRESHOLD = 5;
    /** How far beyond the other values' extent, as a fraction of it, an outlier lies. */
    public static final double STRETCH = 0.5;
    /** The fewest seeds of a configuration that let one of them be called an outlier. */
    public static final int MIN_SEEDS = 3;

    private SeedOutliers() {
    }

    /**
     * The outliers among {@code values}: {@code values[c]} holds the finite values of configuration c's seeds.
     *
     * @return for each configuration, the indices into {@code values[c]} of its outlying seeds
     */
    public static List<List<Integer>> find(double[][] values) {
        double[] medians = new double[values.length];
        List<Double> deviations = new ArrayList<>();
        for (int c = 0; c < values.length; c++) {
            medians[c] = median(values[c]);
            if (values[c].length >= MIN_SEEDS) {
                boolean medianSeen = values[c].length % 2 == 0;
                for (double v : values[c]) {
                    if (!medianSeen && v == medians[c]) {
                        medianSeen = true;
                    } else {
                        deviations.add(Math.abs(v - medians[c]));
                    }
                }
            }
        }
        double spread = 1.4826 * median(deviations.stream().mapToDouble(Double::doubleValue).toArray());
        // a floor relative to the values' size, so seeds that agree to the last digit make no outliers of rounding
        double floor = 1e-9 * Arrays.stream(medians).filter(Double::isFinite).map(Math::abs).max().orElse(0);
        boolean[][] candidate = new boolean[values.length][];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < values.length; c++) {
            candidate[c] = new boolean[values[c].length];
            for (int i = 0; i < values[c].length; i++) {
                double distance = Math.abs(values[c][i] - medians[c]);
                candidate[c][i] = values[c].length >= MIN_SEEDS && distance > floor && distance > THRESHOLD * spread;
                if (!candidate[c][i]) {
                    lo = Math.min(lo, values[c][i]);
                    hi = Math.max(hi, values[c][i]);
                }
            }
        }
        double reach = STRETCH * Math.max(hi - lo, floor);
        List<List<Integer>> out = new ArrayList<>();
        for (int c = 0; c < values.length; c++) {
            List<Integer> outliers = new ArrayList<>();
            for (int i = 0; i < values[c].length; i++) {
                if (candidate[c][i] && (values[c][i] > hi + reach || values[c][i] < lo - reach)) {
                    outliers.add(i);
                }
            }
            out.add(List.copyOf(outliers));
        }
        return List.copyOf(out);
    }

    /** The median of {@code values}; NaN when empty. */
    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : sorted[m - 1] / 2 + sorted[m] / 2;
    }
}
