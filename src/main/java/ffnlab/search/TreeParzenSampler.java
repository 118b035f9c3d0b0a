package ffnlab.search;

import ffnlab.spec.SweepAxis;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The tree-structured Parzen estimator of Bergstra, Bardenet, Bengio and Kegl (2011), for a space of independent
 * dimensions. A point is one number per dimension in the sampler's internal coordinates: the value for {@code uniform},
 * its logarithm for {@code log_uniform}, the whole number for {@code int_uniform}, the index of the value for {@code choice}.
 *
 * <p>The observed points, sorted by loss (ties by their given order), are split at the quantile {@code gamma}: the first
 * max(1, ceil(gamma n)) are good, the rest bad. Per dimension, l(x) is a Parzen estimator over the good points and g(x)
 * one over the bad: for a numeric dimension, a mixture of normals truncated to the bounds, one at each point and one
 * prior component at the middle with the width of the range, all weighted equally; each point's width is the larger
 * distance to its neighbours (the bounds at the ends), clipped to [range / min(100, n + 1), range]; for a choice, the
 * counts plus one. {@code candidates} points drawn from l are scored by the sum over dimensions of log l - log g; the
 * highest wins (the first drawn on a tie). Integers are drawn as reals in [low - 1/2, high + 1/2] and rounded.
 *
 * <p>Everything is drawn from the {@link SplittableRandom} passed in, so a proposal is a function of that generator's
 * seed and the observations.
 */
public final class TreeParzenSampler {
    private final List<SweepAxis.Distribution> params;
    private final double gamma;
    private final int candidates;

    /** An observed point and its loss (lower is better; +infinity for a diverged trial). */
    public record Observed(double[] point, double loss) {
    }

    public TreeParzenSampler(List<SweepAxis.Distribution> params, double gamma, int candidates) {
        if (!(gamma > 0 && gamma < 1) || candidates < 1 || params.isEmpty()) {
            throw new IllegalArgumentException("gamma in (0, 1), at least one candidate and one dimension");
        }
        this.params = List.copyOf(params);
        this.gamma = gamma;
        this.candidates = candidates;
    }

    /** A point drawn from the prior: each dimension uniform over its internal range (choices equally likely). */
    public double[] prior(SplittableRandom random) {
        double[] x = new double[params.size()];
        for (int d = 0; d < x.length; d++) {
            double[] b = bounds(params.get(d));
            x[d] = snap(params.get(d), b[0] + (b[1] - b[0]) * random.nextDouble());
        }
        return x;
    }

    /** The next point: drawn from the prior while fewer than two points are observed, else by TPE. */
    public double[] propose(List<Observed> observed, SplittableRandom random) {
        if (observed.size() < 2) {
            return prior(random);
        }
        List<Observed> sorted = new ArrayList<>(observed);
        sorted.sort(Comparator.comparingDouble(Observed::loss));   // stable: ties keep the given order
        int good = Math.max(1, (int) Math.ceil(gamma * sorted.size()));
        List<Observed> below = sorted.subList(0, good);
        List<Observed> above = sorted.subList(good, sorted.size());
        Estimator[] l = new Estimator[params.size()];
        Estimator[] g = new Estimator[params.size()];
        for (int d = 0; d < params.size(); d++) {
            l[d] = estimator(params.get(d), column(below, d));
            g[d] = estimator(params.get(d), column(above, d));
        }
        double[] best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < candidates; c++) {
            double[] x = new double[params.size()];
            double score = 0;
            for (int d = 0; d < x.length; d++) {
                x[d] = snap(params.get(d), l[d].sample(random));
                score += l[d].logDensity(x[d]) - g[d].logDensity(x[d]);
            }
            if (best == null || score > bestScore) {
                best = x;
                bestScore = score;
            }
        }
        return best;
    }

    /** The value a point's coordinate stands for: a Double, a Long, or the choice's index as an Integer. */
    public Object value(int dimension, double coordinate) {
        return switch (params.get(dimension)) {
            case SweepAxis.Distribution.Uniform u -> coordinate;
            case SweepAxis.Distribution.LogUniform u -> StrictMath.exp(coordinate);
            case SweepAxis.Distribution.IntUniform u -> (long) coordinate;
            case SweepAxis.Distribution.Choice c -> (int) coordinate;
        };
    }

    private static double[] column(List<Observed> points, int d) {
        return points.stream().mapToDouble(o -> o.point()[d]).toArray();
    }

    /** The internal range of a dimension. */
    static double[] bounds(SweepAxis.Distribution p) {
        return switch (p) {
            case SweepAxis.Distribution.Uniform u -> new double[] {u.low(), u.high()};
            case SweepAxis.Distribution.LogUniform u -> new double[] {StrictMath.log(u.low()), StrictMath.log(u.high())};
            case SweepAxis.Distribution.IntUniform u -> new double[] {u.low() - 0.5, u.high() + 0.5};
            case SweepAxis.Distribution.Choice c -> new double[] {0, c.values().size()};
        };
    }

    private static double snap(SweepAxis.Distribution p, double x) {
        double[] b = bounds(p);
        return switch (p) {
            case SweepAxis.Distribution.IntUniform u -> Math.max(u.low(), Math.min(u.high(), Math.round(x)));
            case SweepAxis.Distribution.Choice c -> Math.max(0, Math.min(c.values().size() - 1, Math.floor(x)));
            default -> Math.max(b[0], Math.min(b[1], x));
        };
    }

    private static Estimator estimator(SweepAxis.Distribution p, double[] points) {
        double[] b = bounds(p);
        return p instanceof SweepAxis.Distribution.Choice c ? new Categorical(c.values().size(), points) : new Parzen(b[0], b[1], points);
    }

    private sealed interface Estimator permits Parzen, Categorical {
        double sample(SplittableRandom random);

        double logDensity(double x);
    }

    /** Counts plus one per choice. */
    private record Categorical(double[] weights, double total) implements Estimator {
        Categorical(int n, double[] points) {
            this(counts(n, points), n + points.length);
        }

        private static double[] counts(int n, double[] points) {
            double[] w = new double[n];
            java.util.Arrays.fill(w, 1);
            for (double x : points) {
                w[(int) x]++;
            }
            return w;
        }

        @Override
        public double sample(SplittableRandom random) {
            double u = random.nextDouble() * total;
            for (int i = 0; i < weights.length; i++) {
                u -= weights[i];
                if (u < 0) {
                    return i;
                }
            }
            return weights.length - 1;
        }

        @Override
        public double logDensity(double x) {
            return StrictMath.log(weights[(int) x] / total);
        }
    }

    /** Equally weighted normals truncated to [low, high]: one per point and the prior's. */
    private static final class Parzen implements Estimator {
        private final double low;
        private final double high;
        private final double[] mu;
        private final double[] sigma;
        private final double[] logMass;

        Parzen(double low, double high, double[] points) {
            this.low = low;
            this.high = high;
            double range = high - low;
            double[] sorted = points.clone();
            java.util.Arrays.sort(sorted);
            int n = sorted.length;
            mu = new double[n + 1];
            sigma = new double[n + 1];
            double minSigma = range / Math.min(100.0, n + 1.0);
            for (int i = 0; i < n; i++) {
                double left = sorted[i] - (i == 0 ? low : sorted[i - 1]);
                double right = (i == n - 1 ? high : sorted[i + 1]) - sorted[i];
                mu[i] = sorted[i];
                sigma[i] = Math.max(minSigma, Math.min(range, Math.max(left, right)));
            }
            mu[n] = (low + high) / 2;
            sigma[n] = range;
            logMass = new double[n + 1];
            for (int k = 0; k <= n; k++) {
                double mass = Normal.cdf((high - mu[k]) / sigma[k]) - Normal.cdf((low - mu[k]) / sigma[k]);
                logMass[k] = StrictMath.log(Math.max(mass, 1e-300));
            }
        }

        @Override
        public double sample(SplittableRandom random) {
            int k = random.nextInt(mu.length);
            for (int attempt = 0; attempt < 100; attempt++) {
                double x = mu[k] + sigma[k] * Normal.draw(random);
                if (x >= low && x <= high) {
                    return x;
                }
            }
            return low + (high - low) * random.nextDouble();
        }

        @Override
        public double logDensity(double x) {
            double max = Double.NEGATIVE_INFINITY;
            double[] terms = new double[mu.length];
            for (int k = 0; k < mu.length; k++) {
                double z = (x - mu[k]) / sigma[k];
                terms[k] = -0.5 * z * z - StrictMath.log(sigma[k]) - 0.5 * StrictMath.log(2 * Math.PI) - logMass[k];
                max = Math.max(max, terms[k]);
            }
            double sum = 0;
            for (double t : terms) {
                sum += StrictMath.exp(t - max);
            }
            return max + StrictMath.log(sum / mu.length);
        }
    }
}
