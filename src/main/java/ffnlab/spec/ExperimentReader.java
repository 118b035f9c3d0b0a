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
    private static final List<String> SWEEP_KINDS = List.of("grid", "zip", "list", "random", "derived", "constraints", "halving", "tpe");
    private static final List<String> HALVING_KEYS = List.of("metric", "budget_key", "rungs", "keep", "brackets", "seed");
    private static final List<String> TPE_KEYS = List.of("metric", "trials", "startup", "batch", "seed", "gamma", "candidates", "params");
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
            d.add(node.mark(), "sweep", "expected a section with grid, zip, list, random, derived, constraints, halving or tpe");
            return SweepSpec.none();
        }
        List<SweepAxis> axes = new ArrayList<>();
        Map<String, Expression> derived = new LinkedHashMap<>();
        List<Expression> constraints = new ArrayList<>();
        SearchSpec search = null;
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
                case "halving" -> search = halving(value, path);
                case "tpe" -> search = tpe(value, path);
                default -> d.add(m.keyMark(kind), path, Diagnostics.unknown("sweep kind", kind, SWEEP_KINDS));
            }
        }
        searchCombination(m, search, axes);
        return new SweepSpec(axes, derived, constraints, search);
    }

    /** Halving needs a space of the other kinds, never a swept budget; TPE proposes its own points and takes no axis. */
    private void searchCombination(Node.Mapping m, SearchSpec search, List<SweepAxis> axes) {
        if (m.get("halving") != null && m.get("tpe") != null) {
            d.add(m.keyMark("tpe"), "sweep.tpe", "a sweep is either halving or tpe, not both");
            return;
        }
        if (m.get("halving") != null && m.entries().keySet().stream().noneMatch(k -> List.of("grid", "zip", "list", "random").contains(k))) {
            d.add(m.keyMark("halving"), "sweep.halving", "halving needs a space to search: add grid, zip, list or random beside it");
        }
        if (search instanceof SearchSpec.Halving h) {
            for (SweepAxis a : axes) {
                if (new SweepSpec(List.of(a), Map.of(), List.of()).sweptKeys().contains(h.budgetKey())) {
                    d.add(h.mark(), "sweep.halving.budget_key", h.budgetKey() + " is the budget the rungs set; it cannot also be swept");
                }
            }
        }
        if (m.get("tpe") != null) {
            for (String kind : List.of("grid", "zip", "list", "random", "constraints")) {
                if (m.get(kind) != null) {
                    d.add(m.keyMark(kind), "sweep." + kind, "tpe proposes its own points from its params; it cannot be combined with "
                            + kind + " (derived keys are allowed)");
                }
            }
        }
    }

    /** {@code halving: {metric, budget_key, rungs, keep, brackets, seed}}; brackets above one make it Hyperband. */
    private SearchSpec halving(Node value, String path) {
        Map<String, Node> m = mapping(value, path);
        unknownKeys(value, m, path, HALVING_KEYS);
        String metric = metric(value, m.get("metric"), path);
        String budgetKey = "training.epochs";
        Node budget = m.get("budget_key");
        if (budget != null) {
            if (budget.plain() instanceof String k && key(k, budget.mark(), path + ".budget_key")) {
                budgetKey = k;
            } else if (!(budget.plain() instanceof String)) {
                d.add(budget.mark(), path + ".budget_key", "expected a configuration key such as training.epochs");
            }
        }
        List<Long> rungs = new ArrayList<>();
        Node rungsNode = m.get("rungs");
        if (rungsNode == null) {
            d.add(value.mark(), path + ".rungs", "missing; expected the budgets of the rungs, increasing, e.g. [5, 15, 45]");
        } else {
            for (Node r : values(rungsNode, path + ".rungs")) {
                if (!(r.plain() instanceof Long b) || b < 1) {
                    d.add(r.mark(), path + ".rungs", "expected whole numbers of at least 1, got " + r.plain());
                } else if (!rungs.isEmpty() && b <= rungs.getLast()) {
                    d.add(r.mark(), path + ".rungs", "rungs must increase: " + b + " follows " + rungs.getLast());
                } else {
                    rungs.add(b);
                }
            }
        }
        long[] keep = {1, 3};
        Node keepNode = m.get("keep");
        if (keepNode != null) {
            keep = fraction(keepNode, path + ".keep");
        }
        long brackets = whole(value, m.get("brackets"), path + ".brackets", 1, 1, Math.max(1, rungs.size()));
        long seed = 0;
        Node seedNode = m.get("seed");
        if (seedNode != null && seedNode.plain() instanceof Long given) {
            seed = given;
        } else if (seedNode != null) {
            d.add(seedNode.mark(), path + ".seed", "expected a whole number (the draw of hyperband's brackets)");
        }
        return metric == null || rungs.isEmpty() || keep == null || brackets < 1 ? null
                : new SearchSpec.Halving(metric, budgetKey, rungs, keep[0], keep[1], (int) brackets, seed, value.mark());
    }

    /** {@code 1/3} or a number strictly between 0 and 1, as numerator and denominator; null (reported) otherwise. */
    private long[] fraction(Node node, String path) {
        Object v = node.plain();
        long[] f = null;
        if (v instanceof String text && text.matches("\\s*\\d+\\s*/\\s*\\d+\\s*")) {
            String[] parts = text.split("/");
            f = new long[] {Long.parseLong(parts[0].strip()), Long.parseLong(parts[1].strip())};
        } else if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
            f = new long[] {Math.round(n.doubleValue() * 1_000_000), 1_000_000};
        }
        if (f == null || f[1] == 0 || f[0] <= 0 || f[0] >= f[1]) {
            d.add(node.mark(), path, "expected the fraction kept at each rung, strictly between 0 and 1, e.g. 1/3 or 0.5; got " + v);
            return null;
        }
        return f;
    }

    /** {@code tpe: {metric, trials, startup, batch, seed, gamma, candidates, params}}. */
    private SearchSpec tpe(Node value, String path) {
        Map<String, Node> m = mapping(value, path);
        unknownKeys(value, m, path, TPE_KEYS);
        String metric = metric(value, m.get("metric"), path);
        long trials = whole(value, m.get("trials"), path + ".trials", -1, 1, 10_000);
        long startup = whole(value, m.get("startup"), path + ".startup", Math.min(10, Math.max(trials, 1)), 1, Math.max(trials, 1));
        long batch = whole(value, m.get("batch"), path + ".batch", 1, 1, 1_000);
        long candidates = whole(value, m.get("candidates"), path + ".candidates", 24, 1, 10_000);
        long seed = 0;
        Node seedNode = m.get("seed");
        if (seedNode != null && seedNode.plain() instanceof Long given) {
            seed = given;
        } else if (seedNode != null) {
            d.add(seedNode.mark(), path + ".seed", "expected a whole number");
        }
        double gamma = 0.25;
        Node gammaNode = m.get("gamma");
        if (gammaNode != null) {
            if (gammaNode.plain() instanceof Number g && g.doubleValue() > 0 && g.doubleValue() < 1) {
                gamma = g.doubleValue();
            } else {
                d.add(gammaNode.mark(), path + ".gamma", "expected the quantile of good trials, strictly between 0 and 1, e.g. 0.25");
            }
        }
        List<SweepAxis.Distribution> params = distributions(value, m.get("params"), path);
        return metric == null || trials < 1 || params.isEmpty() ? null : new SearchSpec.Tpe(metric, (int) trials, (int) startup,
                (int) batch, seed, gamma, (int) candidates, params, value.mark());
    }

    /** A whole number in [min, max]; {@code absent} when missing (reported as missing when negative). */
    private long whole(Node parent, Node node, String path, long absent, long min, long max) {
        if (node == null) {
            if (absent < 0) {
                d.add(parent.mark(), path, "missing; expected a whole number between " + min + " and " + max);
            }
            return absent;
        }
        if (node.plain() instanceof Long n && n >= min && n <= max) {
            return n;
        }
        d.add(node.mark(), path, "expected a whole number between " + min + " and " + max + ", got " + node.plain());
        return -1;
    }

    private String metric(Node parent, Node node, String path) {
        if (node == null) {
            d.add(parent.mark(), path + ".metric", "missing; expected one of " + String.join(", ", SearchSpec.METRICS));
            return null;
        }
        String given = String.valueOf(node.plain());
        if (!SearchSpec.METRICS.contains(given)) {
            d.add(node.mark(), path + ".metric", Diagnostics.unknown("metric", given, SearchSpec.METRICS));
            return null;
        }
        return given;
    }

    private void unknownKeys(Node parent, Map<String, Node> m, String path, List<String> known) {
        for (String k : m.keySet()) {
            if (!known.contains(k)) {
                d.add(keyMark(parent, k), path + "." + k, Diagnostics.unknown("key", k, known));
            }
        }
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
        List<SweepAxis.Distribution> params = distributions(value, m.get("params"), path);
        return params.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(new SweepAxis.RandomSample((int) (long) (Long) count.plain(), s, params));
    }

    /** {@code params: {key: {uniform|log_uniform|int_uniform|choice: ...}}}, as a random sweep and tpe write them. */
    private List<SweepAxis.Distribution> distributions(Node value, Node paramsNode, String path) {
        List<SweepAxis.Distribution> params = new ArrayList<>();
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
        return params;
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
