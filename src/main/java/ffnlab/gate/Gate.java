package ffnlab.gate;

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

    public List<Verdict> check(List<BaselineEntry> baseline, List<Outcome> measured) {
        Map<String, Outcome> byKey = measured.stream()
                .collect(Collectors.toMap(o -> o.configuration() + "|" + o.metric(), Function.identity(), (a, b) -> a));
        List<Verdict> verdicts = new ArrayList<>();
        for (BaselineEntry b : baseline) {
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
