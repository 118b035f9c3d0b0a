package ffnlab.analysis;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The 95% confidence interval of a difference of two means, {@code mean(b) - mean(a)}, by Welch's t: the standard
 * error {@code se = sqrt(s_a^2/n_a + s_b^2/n_b)} (sample variances, n - 1 in the denominator), the
 * Welch-Satterthwaite degrees of freedom {@code df = se^4 / ((s_a^2/n_a)^2/(n_a-1) + (s_b^2/n_b)^2/(n_b-1))} and the
 * interval {@code diff +- t_{0.975, df} se}. It does not assume equal variances or equal seed counts. When both sides
 * have no spread the interval is the difference itself.
 *
 * @param difference mean(b) - mean(a)
 * @param low        the interval's lower end; NaN when not assessed
 * @param high       the interval's upper end; NaN when not assessed
 * @param df         the degrees of freedom; NaN when not assessed or without spread
 */
public record WelchInterval(double difference, double low, double high, double df) {

    /** The interval of {@code mean(b) - mean(a)}; ends NaN when a side has fewer than 2 values. */
    public static WelchInterval of(double[] a, double[] b) {
        double difference = mean(b) - mean(a);
        if (a.length < 2 || b.length < 2) {
            return new WelchInterval(difference, Double.NaN, Double.NaN, Double.NaN);
        }
        double va = variance(a) / a.length;
        double vb = variance(b) / b.length;
        double se = Math.sqrt(va + vb);
        if (se == 0) {
            return new WelchInterval(difference, difference, difference, Double.NaN);
        }
        double df = (va + vb) * (va + vb) / (va * va / (a.length - 1) + vb * vb / (b.length - 1));
        double half = new TDistribution(df).inverseCumulativeProbability(0.975) * se;
        return new WelchInterval(difference, difference - half, difference + half, df);
    }

    /** Whether both sides had at least 2 values. */
    public boolean assessed() {
        return !Double.isNaN(low);
    }

    /** Whether the interval contains 0. */
    public boolean containsZero() {
        return low <= 0 && high >= 0;
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return x.length == 0 ? Double.NaN : s / x.length;
    }

    private static double variance(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return s / (x.length - 1);
    }
}
