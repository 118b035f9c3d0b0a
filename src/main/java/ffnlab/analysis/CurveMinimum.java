package ffnlab.analysis;

import java.util.Optional;

/**
 * The lowest mean of a curve over a numeric swept axis (a time against batch size) with its 95% confidence interval,
 * and whether the seeds place it: an interior minimum is separated when the intervals at the smallest and the
 * largest x both lie wholly above its interval (a U whose bottom the seeds establish); a minimum at an end is
 * separated when every other interval lies wholly above it (the curve falls or rises over the whole sweep).
 * Points with a NaN mean (not measured, target not reached) take no part. Where a point's value is only known to lie
 * in a range (a time to target measured once an epoch), the mean is the range's top and a lower bound is given: a
 * point then lies above the minimum only when its lower bound's interval lies wholly above the minimum's top.
 *
 * @param row       the minimum's index in the arrays given
 * @param x         its x
 * @param mean      its mean
 * @param ci95      its interval's half-width (NaN with one seed)
 * @param interior  whether it lies strictly between the smallest and the largest x that have a mean
 * @param separated whether the intervals separate it as above; false without intervals
 * @param intervals whether the points have intervals at all (false: one seed each, nothing to judge)
 * @param first     the index of the smallest x with a mean
 * @param last      the index of the largest x with a mean
 */
public record CurveMinimum(int row, double x, double mean, double ci95, boolean interior, boolean separated,
                           boolean intervals, int first, int last) {

    /**
     * @param x    the swept values
     * @param mean the mean at each (NaN where none)
     * @param ci95 the half-width of its 95% interval (NaN where none)
     * @return empty when no point has a mean
     */
    public static Optional<CurveMinimum> of(double[] x, double[] mean, double[] ci95) {
        return of(x, mean, ci95, mean, ci95);
    }

    /**
     * @param x         the swept values
     * @param mean      the mean at each (NaN where none): the top of its range
     * @param ci95      the half-width of its 95% interval (NaN where none)
     * @param lower     the mean lower bound of each value's range
     * @param lowerCi95 the half-width of that lower bound's 95% interval
     * @return empty when no point has a mean
     */
    public static Optional<CurveMinimum> of(double[] x, double[] mean, double[] ci95, double[] lower, double[] lowerCi95) {
        int best = -1;
        int first = -1;
        int last = -1;
        for (int i = 0; i < mean.length; i++) {
            if (!Double.isFinite(mean[i])) {
                continue;
            }
            best = best < 0 || mean[i] < mean[best] ? i : best;
            first = first < 0 || x[i] < x[first] ? i : first;
            last = last < 0 || x[i] > x[last] ? i : last;
        }
        if (best < 0) {
            return Optional.empty();
        }
        boolean intervals = false;
        for (int i = 0; i < mean.length; i++) {
            intervals |= Double.isFinite(mean[i]) && Double.isFinite(ci95[i]);
        }
        boolean interior = best != first && best != last;
        boolean separated;
        if (interior) {
            separated = above(lower, lowerCi95, first, mean, ci95, best) && above(lower, lowerCi95, last, mean, ci95, best);
        } else {
            separated = true;
            for (int i = 0; i < mean.length; i++) {
                separated &= i == best || !Double.isFinite(mean[i]) || above(lower, lowerCi95, i, mean, ci95, best);
            }
            separated &= first != last;
        }
        return Optional.of(new CurveMinimum(best, x[best], mean[best], ci95[best], interior, separated, intervals,
                first, last));
    }

    /** Whether the minimum is an interior one that the seeds separate from both ends: the U shown. */
    public boolean uShown() {
        return interior && separated;
    }

    /** Whether row {@code i}'s lower bound's 95% interval lies wholly above row {@code j}'s interval. */
    private static boolean above(double[] lower, double[] lowerHalf, int i, double[] mean, double[] half, int j) {
        return Double.isFinite(lowerHalf[i]) && Double.isFinite(half[j]) && lower[i] - lowerHalf[i] > mean[j] + half[j];
    }
}
