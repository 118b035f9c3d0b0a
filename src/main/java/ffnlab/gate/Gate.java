package ffnlab.gate;

import ffnlab.gate.BaselineFile.Entry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The accuracy regression gate: compares measured outcomes with a baseline, configuration by configuration.
 * A configuration fails when its mean is worse than the baseline mean by more than the {@link Tolerance}'s
 * margin, or when it was not measured. Differences in the per-epoch fingerprint are reported, not failed:
 * with fixed seeds the CPU backend is bitwise deterministic, so a changed fingerprint means the numbers moved.
 */
public final class Gate {
    private final Tolerance tolerance;

    public Gate(Tolerance tolerance) {
        this.tolerance = tolerance;
    }

    /** Which way a metric improves: m.s.e. and loss go down, accuracy goes up. */
    public enum Direction {
        LOWER_IS_BETTER, HIGHER_IS_BETTER;

        /** How much worse {@code measured} is than {@code expected}: positive means a regression. */
        public double worsening(double expected, double measured) {
            return this == LOWER_IS_BETTER ? measured - expected : expected - measured;
        }

        public String key() {
            return this == LOWER_IS_BETTER ? "lower" : "higher";
        }

        public static Direction parse(String s) {
            return switch (s) {
                case "lower" -> LOWER_IS_BETTER;
                case "higher" -> HIGHER_IS_BETTER;
                default -> throw new IllegalArgumentException("direction must be lower or higher, got '" + s + "'");
            };
        }

        /** The direction of a metrics.csv / summary.yaml metric name. */
        public static Direction of(String metric) {
            return metric.contains("accuracy") ? HIGHER_IS_BETTER : LOWER_IS_BETTER;
        }
    }

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

        public double margin(Entry baseline, Outcome measured) {
            double se = Math.sqrt(baseline.std() * baseline.std() / Math.max(baseline.n(), 1)
                    + measured.std() * measured.std() / Math.max(measured.n(), 1));
            return Math.max(Math.max(absolute, relative * Math.abs(baseline.mean())), z * se);
        }
    }

    /**
     * The gate's finding for one configuration and metric.
     *
     * @param measured     the outcome, null when the configuration was not measured
     * @param status       PASS, FAIL (worse by more than the margin) or MISSING (no measurement for a baseline row)
     * @param worsening    how much worse than the baseline mean (negative = better)
     * @param margin       the margin that applied
     * @param bitwiseEqual whether the per-epoch metrics' fingerprint equals the baseline's
     */
    public record Verdict(Entry baseline, Outcome measured, Status status, double worsening, double margin, boolean bitwiseEqual) {

        public enum Status { PASS, FAIL, MISSING }

        public boolean failed() {
            return status != Status.PASS;
        }
    }

    public List<Verdict> check(List<Entry> baseline, List<Outcome> measured) {
        Map<String, Outcome> byKey = measured.stream()
                .collect(Collectors.toMap(o -> o.configuration() + "|" + o.metric(), Function.identity(), (a, b) -> a));
        List<Verdict> verdicts = new ArrayList<>();
        for (Entry b : baseline) {
            Outcome o = byKey.get(b.configuration() + "|" + b.metric());
            if (o == null) {
                verdicts.add(new Verdict(b, null, Verdict.Status.MISSING, Double.NaN, Double.NaN, false));
                continue;
            }
            double worse = b.direction().worsening(b.mean(), o.mean());
            double margin = tolerance.margin(b, o);
            boolean fail = !(worse <= margin);   // NaN (diverged) fails too
            verdicts.add(new Verdict(b, o, fail ? Verdict.Status.FAIL : Verdict.Status.PASS, worse, margin,
                    b.metricsSha256().equals(o.metricsSha256())));
        }
        return verdicts;
    }

    /** A fixed-width table: configuration, metric, baseline mean, measured mean, worse by, margin, bitwise, status. */
    public static String format(List<Verdict> verdicts) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-34s %-22s %12s %12s %11s %10s %8s  %s%n",
                "configuration", "metric", "baseline", "measured", "worse_by", "margin", "bitwise", "status"));
        int failed = 0;
        int moved = 0;
        for (Verdict v : verdicts) {
            String measured = v.measured() == null ? "-" : String.format(Locale.ROOT, "%.6g", v.measured().mean());
            sb.append(String.format(Locale.ROOT, "%-34s %-22s %12.6g %12s %11.4g %10.4g %8s  %s%n",
                    v.baseline().configuration(), v.baseline().metric(), v.baseline().mean(), measured, v.worsening(),
                    v.margin(), v.measured() == null ? "-" : (v.bitwiseEqual() ? "same" : "DIFFERS"), v.status()));
            if (v.failed()) {
                failed++;
            }
            if (v.measured() != null && !v.bitwiseEqual()) {
                moved++;
            }
        }
        sb.append(failed == 0
                ? String.format(Locale.ROOT, "gate PASSED: all %d configuration metric(s) within their margins", verdicts.size())
                : String.format(Locale.ROOT, "gate FAILED: %d of %d configuration metric(s) worse than the baseline", failed, verdicts.size()));
        if (moved > 0) {
            sb.append(String.format(Locale.ROOT, "; %d configuration(s) with per-epoch metrics that differ from the baseline bitwise", moved));
        }
        return sb.append('\n').toString();
    }
}
