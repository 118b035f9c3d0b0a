package ffnlab.gate;

import ffnlab.gate.Gate.Tolerance;
import ffnlab.results.TrialSchema.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an experiment's {@code baseline:} section asks the gate to check, all keys optional:
 * <pre>
 * baseline:
 *   metrics: [final_test_mse]                           # summary.yaml keys; default below
 *   tolerance: {z: 3, absolute: 0.005, relative: 0.02}  # see {@link Tolerance}
 * </pre>
 * The default metric is {@code final_test_mse} for regression and {@code final_test_accuracy} for classification.
 *
 * @param metrics   the gated summary.yaml metrics, in order
 * @param tolerance the noise-aware margin
 */
public record GateSettings(List<String> metrics, Tolerance tolerance) {
    /** The summary.yaml metrics a baseline may gate: the final values (their direction follows from the name). */
    public static final List<String> METRICS = Metric.FINAL.stream().map(Metric::key).toList();

    public GateSettings {
        metrics = List.copyOf(metrics);
    }

    /**
     * Reads the section (plain values as parsed from YAML).
     *
     * @param section        the {@code baseline:} section, or an empty map
     * @param classification whether the experiment's task is classification (for the default metric)
     * @param where          the experiment file, for messages
     * @throws IllegalArgumentException one line naming the file, the key and what was expected
     */
    public static GateSettings of(Object section, boolean classification, String where) {
        if (!(section instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(where + ": baseline: expected a mapping with metrics and tolerance");
        }
        for (Object key : map.keySet()) {
            if (!List.of("metrics", "tolerance").contains(String.valueOf(key))) {
                throw new IllegalArgumentException(where + ": baseline." + key + ": unknown key; expected metrics or tolerance");
            }
        }
        List<String> metrics = new ArrayList<>();
        Object m = map.get("metrics");
        if (m == null) {
            metrics.add((classification ? Metric.FINAL_TEST_ACCURACY : Metric.FINAL_TEST_MSE).key());
        } else {
            for (Object item : m instanceof List<?> l ? l : List.of(m)) {
                String name = String.valueOf(item);
                if (!METRICS.contains(name)) {
                    throw new IllegalArgumentException(where + ": baseline.metrics: unknown metric '" + name + "'; expected one of "
                            + String.join(", ", METRICS));
                }
                metrics.add(name);
            }
        }
        Tolerance standard = Tolerance.standard();
        Object t = map.get("tolerance");
        if (t == null) {
            return new GateSettings(metrics, standard);
        }
        if (!(t instanceof Map<?, ?> tol)) {
            throw new IllegalArgumentException(where + ": baseline.tolerance: expected a mapping {z, absolute, relative}");
        }
        for (Object key : tol.keySet()) {
            if (!List.of("z", "absolute", "relative").contains(String.valueOf(key))) {
                throw new IllegalArgumentException(where + ": baseline.tolerance." + key + ": unknown key; expected z, absolute or relative");
            }
        }
        return new GateSettings(metrics, new Tolerance(number(tol, "z", standard.z(), where), number(tol, "absolute", standard.absolute(), where),
                number(tol, "relative", standard.relative(), where)));
    }

    private static double number(Map<?, ?> tol, String key, double fallback, String where) {
        Object v = tol.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Number n) || !(n.doubleValue() >= 0) || Double.isInfinite(n.doubleValue())) {
            throw new IllegalArgumentException(where + ": baseline.tolerance." + key + ": expected a number >= 0, got " + v);
        }
        return n.doubleValue();
    }
}
