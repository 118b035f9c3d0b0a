package ffnlab.gate;

/**
 * The noise-aware margin a mean may worsen by before the gate fails:
 * margin = max(absolute, relative |mean_baseline|, z sqrt(s_b^2 / n_b + s_m^2 / n_m)),
 * i.e. z standard errors of the difference of two means, never below an absolute or relative floor.
 *
 * @param z        standard errors allowed (3 gives about 1 false alarm in 700 for normal noise)
 * @param absolute absolute floor, in the metric's units
 * @param relative relative floor, as a fraction of the baseline mean
 */
public record Tolerance(double z, double absolute, double relative) {
    public Tolerance {
        if (z < 0 || absolute < 0 || relative < 0) {
            throw new IllegalArgumentException("tolerance parts must not be negative");
        }
    }

    /** z = 3, absolute 0.005, relative 2%. */
    public static Tolerance standard() {
        return new Tolerance(3, 0.005, 0.02);
    }

    public double margin(BaselineEntry baseline, Outcome measured) {
        double se = Math.sqrt(baseline.std() * baseline.std() / Math.max(baseline.n(), 1)
                + measured.std() * measured.std() / Math.max(measured.n(), 1));
        return Math.max(Math.max(absolute, relative * Math.abs(baseline.mean())), z * se);
    }
}
