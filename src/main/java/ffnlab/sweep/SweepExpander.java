package ffnlab.sweep;

import ffnlab.spec.ConfigBinder;
import ffnlab.spec.Diagnostics;
import ffnlab.spec.ExperimentSpec;
import ffnlab.spec.Expression;
import ffnlab.spec.Mark;
import ffnlab.spec.Node;
import ffnlab.spec.Problem;
import ffnlab.spec.SweepAxis;
import ffnlab.spec.TrialConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Expands an experiment into its trials, in declared order: the Cartesian product of the sweep's axes
 * (first axis slowest), derived keys computed on each point, points failing a constraint dropped, then each
 * configuration once per seed (seeds innermost). Every point is bound and validated; the problems of all
 * points are reported at once, each at the mark of the value that caused it.
 */
public final class SweepExpander {
    private static final Logger LOG = LogManager.getLogger();

    /** The input and output widths of a configuration's dataset, for {@code parameters} in constraints. */
    @FunctionalInterface
    public interface Shape {
        int[] inputsAndOutputs(TrialConfig config);
    }

    private SweepExpander() {
    }

    /** The configurations of {@code spec}, in sweep order. */
    public static List<Configuration> configurations(ExperimentSpec spec, Shape shape) {
        PlanSize.checkPoints(spec);
        List<Map<String, Node>> points = List.of(new LinkedHashMap<>());
        for (SweepAxis axis : spec.sweep().axes()) {
            List<Map<String, Node>> next = new ArrayList<>();
            List<Map<String, Node>> values = points(axis);
            for (Map<String, Node> p : points) {
                for (Map<String, Node> v : values) {
                    Map<String, Node> merged = new LinkedHashMap<>(p);
                    merged.putAll(v);
                    next.add(merged);
                }
            }
            points = next;
        }
        List<String> swept = spec.sweep().sweptKeys();
        Diagnostics diagnostics = new Diagnostics();
        List<Configuration> out = new ArrayList<>();
        Set<String> seenProblems = new LinkedHashSet<>();
        for (Map<String, Node> point : points) {
            Node.Mapping tree = spec.base();
            for (Map.Entry<String, Node> e : point.entrySet()) {
                tree = Node.Mapping.class.cast(setDotted(tree, e.getKey(), e.getValue()));
            }
            Diagnostics local = new Diagnostics();
            TrialConfig config = ConfigBinder.bind(tree, local);
            if (config != null && !spec.sweep().derived().isEmpty()) {
                tree = derive(spec, tree, config, shape, local);
                config = local.isEmpty() ? ConfigBinder.bind(tree, local) : null;
            }
            if (config == null) {
                for (Problem p : local.problems()) {
                    if (seenProblems.add(p.toString())) {
                        diagnostics.addAll(List.of(p));
                    }
                }
                continue;
            }
            if (!satisfies(spec, config, shape, diagnostics, seenProblems)) {
                continue;
            }
            Problem tooLarge = PlanSize.parameters(tree, config, shape);
            if (tooLarge != null) {
                if (seenProblems.add(tooLarge.toString())) {
                    diagnostics.addAll(List.of(tooLarge));
                }
                continue;
            }
            Map<String, Object> coordinates = new LinkedHashMap<>();
            for (String key : swept) {
                Node n = point.get(key);
                coordinates.put(key, n == null ? config.get(key) : n.plain());
            }
            out.add(new Configuration(out.size(), coordinates, config));
        }
        diagnostics.throwIfAny();
        PlanSize.checkTrials(spec, points.size(), out.size());
        return out;
    }

    /**
     * Every configuration once per seed, with ids; a trial identical to an earlier one is dropped (logged).
     *
     * @param dataSha256 the hash of a configuration's data
     * @param backend    the backend kind that trains a configuration, never auto
     * @param engine     the {@link EngineFingerprint} of the code that trains the trials
     */
    public static List<TrialSpec> trials(ExperimentSpec spec, List<Configuration> configurations, Function<TrialConfig, String> dataSha256,
                                         Function<TrialConfig, String> backend, String engine) {
        List<TrialSpec> out = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (Configuration c : configurations) {
            String sha = dataSha256.apply(c.config());
            String kind = backend.apply(c.config());
            for (long seed : spec.seeds()) {
                String id = TrialId.of(c.config(), kind, seed, sha, engine);
                if (ids.add(id)) {
                    out.add(new TrialSpec(id, spec.name(), c, seed, sha, kind, engine));
                } else {
                    LOG.warn("{}: configuration {} with seed {} repeats an earlier trial ({}); running it once", spec.name(), c.coordinates(), seed, id);
                }
            }
        }
        return out;
    }

    private static Node setDotted(Node.Mapping tree, String key, Node value) {
        int dot = key.indexOf('.');
        String section = key.substring(0, dot);
        Node s = tree.get(section);
        Node.Mapping m = s instanceof Node.Mapping mm ? mm
                : s instanceof Node.Scalar sc && sc.value() instanceof String kind && section.equals("backend")
                ? Node.Mapping.empty(sc.mark()).with("kind", sc, sc.mark()) : Node.Mapping.empty(value.mark());
        return tree.with(section, m.with(key.substring(dot + 1), value, value.mark()), tree.keyMark(section));
    }

    /** The points one axis contributes. */
    static List<Map<String, Node>> points(SweepAxis axis) {
        List<Map<String, Node>> out = new ArrayList<>();
        switch (axis) {
            case SweepAxis.Grid g -> g.values().forEach(v -> out.add(Map.of(g.key(), v)));
            case SweepAxis.Zip z -> {
                for (int i = 0; i < z.size(); i++) {
                    Map<String, Node> p = new LinkedHashMap<>();
                    for (int k = 0; k < z.keys().size(); k++) {
                        p.put(z.keys().get(k), z.values().get(k).get(i));
                    }
                    out.add(p);
                }
            }
            case SweepAxis.Explicit e -> e.points().forEach(p -> out.add(new LinkedHashMap<>(new java.util.TreeMap<>(p))));
            case SweepAxis.RandomSample r -> {
                SplittableRandom random = new SplittableRandom(r.seed());
                Mark mark = Mark.of("sweep.random (seed " + r.seed() + ")");
                for (int i = 0; i < r.count(); i++) {
                    Map<String, Node> p = new LinkedHashMap<>();
                    for (SweepAxis.Distribution d : r.params()) {
                        p.put(d.key(), switch (d) {
                            case SweepAxis.Distribution.Uniform u -> new Node.Scalar(u.low() + (u.high() - u.low()) * random.nextDouble(), mark);
                            case SweepAxis.Distribution.LogUniform u -> new Node.Scalar(
                                    Math.exp(Math.log(u.low()) + (Math.log(u.high()) - Math.log(u.low())) * random.nextDouble()), mark);
                            case SweepAxis.Distribution.IntUniform u -> new Node.Scalar(u.low() + random.nextLong(u.high() - u.low() + 1), mark);
                            case SweepAxis.Distribution.Choice c -> c.values().get(random.nextInt(c.values().size()));
                        });
                    }
                    out.add(p);
                }
            }
        }
        return out;
    }

    private static Node.Mapping derive(ExperimentSpec spec, Node.Mapping tree, TrialConfig config, Shape shape, Diagnostics d) {
        Node.Mapping result = tree;
        TrialConfig current = config;
        for (Map.Entry<String, Expression> e : spec.sweep().derived().entrySet()) {
            Mark mark = e.getValue().mark();
            try {
                double value = e.getValue().evaluate(variables(current, shape));
                if (!Double.isFinite(value)) {
                    d.add(mark, "sweep.derived." + e.getKey(), "'" + e.getValue().text() + "' gives " + value
                            + (Double.isNaN(value) ? "" : " (a division by zero?)") + "; expected a finite number");
                    return result;
                }
                result = (Node.Mapping) setDotted(result, e.getKey(), new Node.Scalar(value, mark));
                Diagnostics step = new Diagnostics();
                TrialConfig next = ConfigBinder.bind(result, step);
                if (next == null) {
                    d.addAll(step.problems());
                    return result;
                }
                current = next;
            } catch (IllegalArgumentException x) {
                d.add(mark, "sweep.derived." + e.getKey(), x.getMessage());
            }
        }
        return result;
    }

    private static boolean satisfies(ExperimentSpec spec, TrialConfig config, Shape shape, Diagnostics d, Set<String> seen) {
        for (Expression c : spec.sweep().constraints()) {
            try {
                if (c.evaluate(variables(config, shape)) == 0) {
                    return false;
                }
            } catch (IllegalArgumentException x) {
                Problem p = new Problem(c.mark(), "sweep.constraints", "'" + c.text() + "': " + x.getMessage());
                if (seen.add(p.toString())) {
                    d.addAll(List.of(p));
                }
                return false;
            }
        }
        return true;
    }

    /** The values an expression sees: every key of the config, and parameters, depth, inputs, outputs. */
    static Function<String, double[]> variables(TrialConfig config, Shape shape) {
        return name -> switch (name) {
            case "depth" -> new double[] {config.model().hidden().size() + 1};
            case "inputs" -> new double[] {shape.inputsAndOutputs(config)[0]};
            case "outputs" -> new double[] {shape.inputsAndOutputs(config)[1]};
            case "parameters" -> {
                int[] io = shape.inputsAndOutputs(config);
                yield new double[] {config.model().parameterCount(io[0], io[1])};
            }
            default -> {
                Object v = config.get(name);
                if (v instanceof Number x) {
                    yield new double[] {x.doubleValue()};
                }
                if (v instanceof List<?> l && l.stream().allMatch(o -> o instanceof Number)) {
                    yield l.stream().mapToDouble(o -> ((Number) o).doubleValue()).toArray();
                }
                throw new IllegalArgumentException("'" + name + "' is " + v + ", not a number");
            }
        };
    }
}
