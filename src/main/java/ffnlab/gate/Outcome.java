package ffnlab.gate;

import java.util.List;

/**
 * One configuration's measured value of one metric over its seeds, with a fingerprint of its per-epoch
 * metrics (SHA-256 over every seed's metrics.csv rows, seeds in order).
 *
 * @param configuration canonical coordinates, e.g. {@code model.hidden=64}, or {@code base} without a sweep
 * @param metric        e.g. {@code final_test_mse}
 * @param values        one value per seed, in seed order
 * @param metricsSha256 fingerprint of the per-epoch metrics, for bitwise-determinism reporting
 */
public record Outcome(String configuration, String metric, List<Double> values, String metricsSha256) {
    public Outcome {
        values = List.copyOf(values);
    }

    public int n() {
        return values.size();
    }

    public double mean() {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s / values.size();
    }

    /** Sample standard deviation (n - 1); 0 for a single value. */
    public double std() {
        if (values.size() < 2) {
            return 0;
        }
        double m = mean();
        double s = 0;
        for (double v : values) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (values.size() - 1));
    }
}
