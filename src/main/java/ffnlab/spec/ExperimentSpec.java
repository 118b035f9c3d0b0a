package ffnlab.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An experiment as the user wrote it (after {@code extends}, profile and {@code -Dset} overrides), every section
 * checked when the file is read: the base configuration tree, the seeds, the sweep, and the report, baseline and
 * SLURM settings.
 *
 * @param name        the experiment's name (its file name without .yaml)
 * @param description one line, for listings and reports
 * @param base        the configuration sections (dataset, model, training, backend), validated
 * @param seeds       replicates: every configuration runs once per seed
 * @param sweep       what varies
 * @param report      the {@code report:} section
 * @param baseline    the {@code baseline:} section
 * @param slurm       the {@code slurm:} section
 * @param resolved    the whole tree as run (plain maps, lists and scalars), for results/&lt;exp&gt;/experiment.yaml
 */
public record ExperimentSpec(String name, String description, Node.Mapping base, List<Long> seeds, SweepSpec sweep,
                             Report report, Baseline baseline, SlurmSettings slurm, Map<String, Object> resolved) {
    public ExperimentSpec {
        seeds = List.copyOf(seeds);
        resolved = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(resolved));
    }

    /**
     * What the report shows (it reads the section back from experiment.yaml); every key optional.
     *
     * @param x       the configuration key on the x axis of "error vs swept value" plots, or null (the first swept key)
     * @param xValue  how a list value becomes a number on that axis ({@code len}), or null
     * @param logX    whether that axis is logarithmic (default true)
     * @param plots   the plots to draw, or empty for the experiment's defaults
     * @param chapter the chapter's claims the report sets beside the measurements (optimum, note, ...)
     * The section may also give {@code target_accuracy}, a test accuracy in (0, 1] whose first test measurement the
     * report finds in each trial (time to target); it is checked here and read back from experiment.yaml.
     */
    public record Report(String x, String xValue, boolean logX, List<String> plots, Map<String, Object> chapter) {
        /** The keys a {@code report:} section may have. */
        public static final List<String> KEYS = List.of("x", "x_value", "log_x", "plots", "chapter", "target_accuracy");

        public Report {
            plots = List.copyOf(plots);
            chapter = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(chapter));
        }

        static Report read(Node section, Diagnostics d) {
            Report none = new Report(null, null, true, List.of(), Map.of());
            Node.Mapping m = mapping(section, "report", KEYS, d);
            if (m == null) {
                return none;
            }
            String x = text(m.get("x"), "report.x", d);
            if (x != null && ConfigKeys.get(x) == null) {
                d.add(m.get("x").mark(), "report.x", Diagnostics.unknown("key", x, ConfigKeys.all().keySet()));
            }
            Node logX = m.get("log_x");
            if (logX != null && !(logX.plain() instanceof Boolean)) {
                d.add(logX.mark(), "report.log_x", "expected true or false, got " + logX.plain());
            }
            List<String> plots = names(m.get("plots"), "report.plots", d);
            Node target = m.get("target_accuracy");
            if (target != null && !(target.plain() instanceof Number t && t.doubleValue() > 0 && t.doubleValue() <= 1)) {
                d.add(target.mark(), "report.target_accuracy", "expected a test accuracy in (0, 1], got " + target.plain());
            }
            Node chapter = m.get("chapter");
            if (chapter != null && !(chapter instanceof Node.Mapping)) {
                d.add(chapter.mark(), "report.chapter", "expected a mapping (note, optimum, ...)");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> claims = chapter instanceof Node.Mapping c ? (Map<String, Object>) c.plain() : Map.of();
            return new Report(x, text(m.get("x_value"), "report.x_value", d), !(logX != null && Boolean.FALSE.equals(logX.plain())),
                    plots, claims);
        }
    }

    /**
     * What the accuracy gate checks; every key optional.
     *
     * @param metrics   the gated summary.yaml metrics, or empty for the task's default
     * @param tolerance z, absolute and relative margins given (each &gt;= 0); the gate's defaults for the rest
     */
    public record Baseline(List<String> metrics, Map<String, Double> tolerance) {
        /** The keys a {@code baseline:} section may have. */
        public static final List<String> KEYS = List.of("metrics", "tolerance");
        /** The keys of {@code baseline.tolerance}. */
        public static final List<String> TOLERANCES = List.of("z", "absolute", "relative");

        public Baseline {
            metrics = List.copyOf(metrics);
            tolerance = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tolerance));
        }

        static Baseline read(Node section, Diagnostics d) {
            Map<String, Double> tolerance = new LinkedHashMap<>();
            Node.Mapping m = mapping(section, "baseline", KEYS, d);
            if (m == null) {
                return new Baseline(List.of(), tolerance);
            }
            List<String> metrics = names(m.get("metrics"), "baseline.metrics", d);
            Node.Mapping t = m.get("tolerance") == null ? null : mapping(m.get("tolerance"), "baseline.tolerance", TOLERANCES, d);
            if (t != null) {
                t.entries().forEach((key, value) -> {
                    if (value.plain() instanceof Number n && n.doubleValue() >= 0 && Double.isFinite(n.doubleValue())) {
                        tolerance.put(key, n.doubleValue());
                    } else if (TOLERANCES.contains(key)) {
                        d.add(value.mark(), "baseline.tolerance." + key, "expected a number >= 0, got " + value.plain());
                    }
                });
            }
            return new Baseline(metrics, tolerance);
        }

        /** The section as plain values ({@code metrics} and {@code tolerance} where given). */
        public Map<String, Object> plain() {
            Map<String, Object> out = new LinkedHashMap<>();
            if (!metrics.isEmpty()) {
                out.put("metrics", metrics);
            }
            if (!tolerance.isEmpty()) {
                out.put("tolerance", tolerance);
            }
            return out;
        }
    }

    /** {@code node} as a mapping whose keys are all in {@code keys}, reporting what is not; null when absent or not a mapping. */
    private static Node.Mapping mapping(Node node, String path, List<String> keys, Diagnostics d) {
        if (node == null || node instanceof Node.Scalar s && s.value() == null) {
            return null;
        }
        if (!(node instanceof Node.Mapping m)) {
            d.add(node.mark(), path, "expected a mapping with " + String.join(", ", keys));
            return null;
        }
        for (String key : m.entries().keySet()) {
            if (!keys.contains(key)) {
                d.add(m.keyMark(key), path + "." + key, Diagnostics.unknown("key", key, keys));
            }
        }
        return m;
    }

    /** A name or a list of names (empty when absent), reporting anything else. */
    private static List<String> names(Node listed, String path, Diagnostics d) {
        List<String> names = new ArrayList<>();
        for (Node item : listed == null ? List.<Node>of() : listed instanceof Node.Sequence s ? s.items() : List.of(listed)) {
            String name = text(item, path, d);
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

    /** A scalar as text (a name), or null after reporting a list or mapping in its place. */
    private static String text(Node node, String path, Diagnostics d) {
        if (node == null) {
            return null;
        }
        if (node instanceof Node.Scalar s && s.value() != null) {
            return String.valueOf(s.value());
        }
        d.add(node.mark(), path, "expected a name, got " + node.plain());
        return null;
    }
}
