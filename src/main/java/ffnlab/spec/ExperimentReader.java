package ffnlab.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates a merged experiment tree and turns it into an {@link ExperimentSpec}: top-level keys, the base
 * configuration (through {@link ConfigBinder}), seeds, the sweep, and the report, baseline and slurm sections.
 * Every problem is collected; one {@link SpecException} lists them all.
 */
public final class ExperimentReader {
    /** The keys an experiment file may have at the top. */
    public static final List<String> TOP_LEVEL = List.of("description", "extends", "dataset", "model", "training",
            "backend", "seeds", "sweep", "report", "baseline", "profiles", "slurm");
    private static final List<String> SWEEP_KINDS = List.of("grid", "zip", "list", "random", "derived", "constraints");
    private static final List<String> DISTRIBUTIONS = List.of("uniform", "log_uniform", "int_uniform", "choice");

    private final Diagnostics d = new Diagnostics();

    private ExperimentReader() {
    }

    /** Reads {@code tree} (extends already applied) as experiment {@code name}. */
    public static ExperimentSpec read(String name, Node.Mapping tree) {
        return new ExperimentReader().readTree(name, tree);
    }

    private ExperimentSpec readTree(String name, Node.Mapping tree) {
        for (String key : tree.entries().keySet()) {
            if (!TOP_LEVEL.contains(key)) {
                d.add(tree.keyMark(key), key, Diagnostics.unknown("key", key, TOP_LEVEL));
            }
        }
        Node.Mapping base = Node.Mapping.empty(tree.mark());
        for (String section : ConfigKeys.sections()) {
            if (tree.get(section) != null) {
                base = base.with(section, tree.get(section), tree.keyMark(section));
            }
        }
        ConfigBinder.bind(base, d);
        List<Long> seeds = seeds(tree.get("seeds"));
        SweepSpec sweep = tree.get("sweep") == null ? SweepSpec.none() : sweep(tree.get("sweep"));
        if (tree.get("profiles") != null) {
            profiles(tree.get("profiles"));
        }
        ExperimentSpec.Report report = ExperimentSpec.Report.read(tree.get("report"), d);
        ExperimentSpec.Baseline baseline = ExperimentSpec.Baseline.read(tree.get("baseline"), d);
        SlurmSettings slurm = SlurmSettings.read(tree.get("slurm"), d);
        Node description = tree.get("description");
        d.throwIfAny();
        @SuppressWarnings("unchecked")
        Map<String, Object> resolved = (Map<String, Object>) tree.without("profiles").without("extends").plain();
        return new ExperimentSpec(name, description == null ? "" : String.valueOf(description.plain()), base, seeds, sweep,
                report, baseline, slurm, resolved);
    }

    /** {@code profiles: {smoke|ci: {dotted.key: value, seeds: [...]}}}: names and keys are checked even when unused. */
    private void profiles(Node node) {
        List<String> names = java.util.Arrays.stream(Profile.values()).map(Profile::key).toList();
        for (Map.Entry<String, Node> p : mapping(node, "profiles").entrySet()) {
            if (!names.contains(p.getKey())) {
                d.add(keyMark(node, p.getKey()), "profiles." + p.getKey(), Diagnostics.unknown("profile", p.getKey(), names));
                continue;
            }
            for (String key : mapping(p.getValue(), "profiles." + p.getKey()).keySet()) {
                if (!key.equals("seeds")) {
                    key(key, keyMark(p.getValue(), key), "profiles." + p.getKey());
                }
            }
        }
    }

    private List<Long> seeds(Node node) {
        if (node == null) {
            return List.of(1L, 2L, 3L);
        }
        List<Node> items = node instanceof Node.Sequence s ? s.items() : List.of(node);
        Set<Long> seeds = new LinkedHashSet<>();
        for (Node item : items) {
            if (item.plain() instanceof Long seed) {
                if (!seeds.add(seed)) {
                    d.add(item.mark(), "seeds", "seed " + seed + " is listed twice");
                }
            } else {
                d.add(item.mark(), "seeds", "expected whole numbers, got " + item.plain());
            }
        }
        if (items.isEmpty()) {
            d.add(node.mark(), "seeds", "needs at least one seed");
        }
        return List.copyOf(seeds);
    }

    private SweepSpec sweep(Node node) {
        if (!(node instanceof Node.Mapping m)) {
            d.add(node.mark(), "sweep", "expected a section with grid, zip, list, random, derived or constraints");
            return SweepSpec.none();
        }
        List<SweepAxis> axes = new ArrayList<>();
        Map<String, Expression> derived = new LinkedHashMap<>();
        List<Expression> constraints = new ArrayList<>();
        for (Map.Entry<String, Node> e : m.entries().entrySet()) {
            String kind = e.getKey();
            Node value = e.getValue();
            String path = "sweep." + kind;
            switch (kind) {
                case "grid" -> {
                    for (Map.Entry<String, Node> g : mapping(value, path).entrySet()) {
                        List<Node> values = values(g.getValue(), path + "." + g.getKey());
                        if (key(g.getKey(), keyMark(value, g.getKey()), path) && !values.isEmpty()) {
                            axes.add(new SweepAxis.Grid(g.getKey(), values));
                        }
                    }
                }
                case "zip" -> {
                    List<Node> groups = value instanceof Node.Sequence s ? s.items() : List.of(value);
                    for (Node group : groups) {
                        zip(group, path).ifPresent(axes::add);
                    }
                }
                case "list" -> explicit(value, path).ifPresent(axes::add);
                case "random" -> random(value, path).ifPresent(axes::add);
                case "derived" -> {
                    for (Map.Entry<String, Node> g : mapping(value, path).entrySet()) {
                        if (key(g.getKey(), keyMark(value, g.getKey()), path)) {
                            expression(g.getValue(), path + "." + g.getKey()).ifPresent(x -> derived.put(g.getKey(), x));
                        }
                    }
                }
                case "constraints" -> {
                    List<Node> items = value instanceof Node.Sequence s ? s.items() : List.of(value);
                    for (int i = 0; i < items.size(); i++) {
                        expression(items.get(i), path + "[" + i + "]").ifPresent(constraints::add);
                    }
                }
                default -> d.add(m.keyMark(kind), path, Diagnostics.unknown("sweep kind", kind, SWEEP_KINDS));
            }
        }
        return new SweepSpec(axes, derived, constraints);
    }

    private java.util.Optional<SweepAxis> zip(Node group, String path) {
        Map<String, Node> entries = mapping(group, path);
        List<String> keys = new ArrayList<>();
        List<List<Node>> values = new ArrayList<>();
        for (Map.Entry<String, Node> z : entries.entrySet()) {
            List<Node> v = values(z.getValue(), path + "." + z.getKey());
            if (key(z.getKey(), keyMark(group, z.getKey()), path) && !v.isEmpty()) {
                if (!values.isEmpty() && values.getFirst().size() != v.size()) {
                    d.add(z.getValue().mark(), path + "." + z.getKey(), "zip lists must have the same length: "
                            + keys.getFirst() + " has " + values.getFirst().size() + " values, this has " + v.size());
                    continue;
                }
                keys.add(z.getKey());
                values.add(v);
            }
        }
        return keys.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(new SweepAxis.Zip(keys, values));
    }

    private java.util.Optional<SweepAxis> explicit(Node value, String path) {
        List<Map<String, Node>> points = new ArrayList<>();
        for (Node item : values(value, path)) {
            Map<String, Node> point = new LinkedHashMap<>();
            for (Map.Entry<String, Node> e : mapping(item, path).entrySet()) {
                if (key(e.getKey(), keyMark(item, e.getKey()), path)) {
                    point.put(e.getKey(), e.getValue());
                }
            }
            points.add(point);
        }
        return points.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(new SweepAxis.Explicit(points));
    }

    private java.util.Optional<SweepAxis> random(Node value, String path) {
        Map<String, Node> m = mapping(value, path);
        for (String k : m.keySet()) {
            if (!List.of("count", "seed", "params").contains(k)) {
                d.add(keyMark(value, k), path + "." + k, Diagnostics.unknown("key", k, List.of("count", "seed", "params")));
            }
        }
        Node count = m.get("count");
        Node seed = m.get("seed");
        if (count == null || !(count.plain() instanceof Long c) || c < 1 || c > 100_000) {
            d.add(count == null ? value.mark() : count.mark(), path + ".count", "expected a whole number of samples between 1 and 100000");
            return java.util.Optional.empty();
        }
        long s = 0;
        if (seed != null && seed.plain() instanceof Long given) {
            s = given;
        } else if (seed != null) {
            d.add(seed.mark(), path + ".seed", "expected a whole number");
        }
        List<SweepAxis.Distribution> params = new ArrayList<>();
        Node paramsNode = m.get("params");
        if (paramsNode == null) {
            d.add(value.mark(), path + ".params", "missing; expected key: {uniform|log_uniform|int_uniform|choice: ...}");
        }
        for (Map.Entry<String, Node> p : paramsNode == null ? Map.<String, Node>of().entrySet() : mapping(paramsNode, path + ".params").entrySet()) {
            String key = p.getKey();
            String at = path + ".params." + key;
            if (!key(key, keyMark(paramsNode, key), path + ".params")) {
                continue;
            }
            Map<String, Node> dist = mapping(p.getValue(), at);
            if (dist.size() != 1) {
                d.add(p.getValue().mark(), at, "expected exactly one of " + String.join(", ", DISTRIBUTIONS));
                continue;
            }
            String kind = dist.keySet().iterator().next();
            Node arg = dist.get(kind);
            switch (kind) {
                case "choice" -> params.add(new SweepAxis.Distribution.Choice(key, values(arg, at + ".choice")));
                case "uniform", "log_uniform", "int_uniform" -> {
                    List<Node> bounds = values(arg, at + "." + kind);
                    if (bounds.size() != 2 || !(bounds.get(0).plain() instanceof Number lo) || !(bounds.get(1).plain() instanceof Number hi)
                            || !(lo.doubleValue() < hi.doubleValue()) || kind.equals("log_uniform") && lo.doubleValue() <= 0
                            || kind.equals("int_uniform") && !(lo instanceof Long && hi instanceof Long)) {
                        d.add(arg.mark(), at + "." + kind, "expected [low, high] with low < high"
                                + (kind.equals("log_uniform") ? " and low > 0" : kind.equals("int_uniform") ? ", whole numbers" : ""));
                        continue;
                    }
                    params.add(switch (kind) {
                        case "uniform" -> new SweepAxis.Distribution.Uniform(key, lo.doubleValue(), hi.doubleValue());
                        case "log_uniform" -> new SweepAxis.Distribution.LogUniform(key, lo.doubleValue(), hi.doubleValue());
                        default -> new SweepAxis.Distribution.IntUniform(key, lo.longValue(), hi.longValue());
                    });
                }
                default -> d.add(keyMark(p.getValue(), kind), at + "." + kind, Diagnostics.unknown("distribution", kind, DISTRIBUTIONS));
            }
        }
        return params.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(new SweepAxis.RandomSample((int) (long) (Long) count.plain(), s, params));
    }

    private java.util.Optional<Expression> expression(Node node, String path) {
        if (!(node.plain() instanceof String text)) {
            if (node.plain() instanceof Number n && Double.isFinite(n.doubleValue())) {
                return java.util.Optional.of(Expression.parse(String.valueOf(node.plain()), node.mark()));
            }
            if (node.plain() instanceof Number n) {
                d.add(node.mark(), path, "expected a finite number or an expression, got " + n);
                return java.util.Optional.empty();
            }
            d.add(node.mark(), path, "expected an expression in quotes, e.g. \"0.001 * training.batch_size / 64\"");
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(Expression.parse(text, node.mark()));
        } catch (IllegalArgumentException e) {
            d.add(node.mark(), path, "bad expression '" + text + "': " + e.getMessage());
            return java.util.Optional.empty();
        }
    }

    /** Whether {@code key} is a configuration key a sweep may vary; reports it otherwise. */
    private boolean key(String key, Mark mark, String path) {
        if (ConfigKeys.get(key) != null) {
            return true;
        }
        if (key.equals("seeds") || key.equals("seed")) {
            d.add(mark, path + "." + key, "seeds are replicates, not a sweep axis: set them with the top-level 'seeds:'");
        } else {
            d.add(mark, path + "." + key, Diagnostics.unknown("key", key, ConfigKeys.all().keySet()));
        }
        return false;
    }

    private Map<String, Node> mapping(Node node, String path) {
        if (node instanceof Node.Mapping m) {
            return m.entries();
        }
        d.add(node.mark(), path, "expected a mapping (key: value)");
        return Map.of();
    }

    private List<Node> values(Node node, String path) {
        if (node instanceof Node.Sequence s && !s.items().isEmpty()) {
            return s.items();
        }
        d.add(node.mark(), path, "expected a non-empty list [a, b, ...]");
        return List.of();
    }

    private static Mark keyMark(Node parent, String key) {
        return parent instanceof Node.Mapping m ? m.keyMark(key) : parent.mark();
    }
}
