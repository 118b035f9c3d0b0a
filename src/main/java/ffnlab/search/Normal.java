package ffnlab.search;

import java.util.SplittableRandom;

/** The standard normal distribution: its cumulative distribution function and draws. */
final class Normal {
    private Normal() {
    }

    /** Phi(z) through erfc, to about 1e-7 absolute (Abramowitz and Stegun 7.1.26 on |z| / sqrt 2). */
    static double cdf(double z) {
        double x = Math.abs(z) / StrictMath.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double erfc = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * StrictMath.exp(-x * x);
        return z >= 0 ? 1 - erfc / 2 : erfc / 2;
    }

    /** A standard normal draw by the Box-Muller transform (two uniforms per draw, so the stream advances by a fixed step). */
    static double draw(SplittableRandom random) {
        double u = 1 - random.nextDouble();   // in (0, 1]
        double v = random.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * Math.PI * v);
    }
}
