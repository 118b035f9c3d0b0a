package ffnlab.spec;

import ffnlab.data.DataRequest;
import ffnlab.data.InputScaling;
import ffnlab.data.OutputScaling;
import ffnlab.data.Task;
import ffnlab.nn.Activation;
import ffnlab.nn.Loss;
import ffnlab.nn.Reduction;
import ffnlab.nn.optim.Optimiser;
import ffnlab.train.TrainingConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the configuration sections of a (merged, overridden, swept) YAML tree into a {@link TrialConfig}:
 * checks every key's name and type, fills defaults, resolves "auto", and checks the combinations
 * (loss with output, chapter initialiser with Example 2, ...), then reads the values into the typed sections.
 * Every problem goes to the {@link Diagnostics} with the mark of the value that caused it. This is the one place
 * that reads a configuration's values by key name.
 */
public final class ConfigBinder {
    private ConfigBinder() {
    }

    /** Binds {@code root}'s dataset/model/training/backend sections; returns null when there were problems. */
    public static TrialConfig bind(Node.Mapping root, Diagnostics diagnostics) {
        int before = diagnostics.problems().size();
        Diagnostics conversion = new Diagnostics();
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Mark> marks = new LinkedHashMap<>();
        for (String section : ConfigKeys.sections()) {
            Node node = root.get(section);
            if (node == null || node instanceof Node.Scalar s && s.value() == null) {
                node = Node.Mapping.empty(root.keyMark(section));
            }
            if (section.equals("backend") && node instanceof Node.Scalar s && s.value() instanceof String kind) {
                node = Node.Mapping.empty(s.mark()).with("kind", s, s.mark());
            }
            if (!(node instanceof Node.Mapping m)) {
                diagnostics.add(node.mark(), section, "expected a section (key: value lines)");
                continue;
            }
            List<String> names = ConfigKeys.namesIn(section);
            for (Map.Entry<String, Node> e : m.entries().entrySet()) {
                if (!names.contains(e.getKey())) {
                    diagnostics.add(m.keyMark(e.getKey()), section + "." + e.getKey(), Diagnostics.unknown("key", e.getKey(), names));
                }
            }
            for (String name : names) {
                ConfigKey key = ConfigKeys.get(section + "." + name);
                Node value = m.get(name);
                Object v = value == null ? key.defaultValue() : convert(key, value, conversion);
                values.put(key.path(), v);
                marks.put(key.path(), value == null ? m.mark() : value.mark());
            }
        }
        diagnostics.addAll(conversion.problems());
        if (conversion.isEmpty() && values.size() == ConfigKeys.all().size()) {
            new Combinations(values, marks, diagnostics).check();
        }
        return diagnostics.problems().size() == before ? typed(values) : null;
    }

    /** The typed sections of a complete, checked value map. */
    private static TrialConfig typed(Map<String, Object> v) {
        String source = (String) v.get("dataset.source");
        String csv = (String) v.get("dataset.csv_file");
        @SuppressWarnings("unchecked")
        List<String> targets = (List<String>) v.get("dataset.target_columns");
        Task task = v.get("dataset.task").equals("classification") ? Task.CLASSIFICATION : Task.REGRESSION;
        DataRequest request = new DataRequest(source, csv == null ? null : Path.of(csv), targets, source.equals("csv") ? task : null,
                (Double) v.get("dataset.test_fraction"), (Long) v.get("dataset.split_seed"),
                InputScaling.parse((String) v.get("dataset.input_scaling")), OutputScaling.parse((String) v.get("dataset.output_scaling")),
                whole(v, "dataset.train_limit"), whole(v, "dataset.test_limit"));
        @SuppressWarnings("unchecked")
        List<Integer> hidden = ((List<Long>) v.get("model.hidden")).stream().map(Math::toIntExact).toList();
        TrialConfig.Model model = new TrialConfig.Model((String) v.get("model.kind"), hidden,
                Activation.parse((String) v.get("model.activation")), Activation.parse((String) v.get("model.output")));
        double range = (Double) v.get("training.init_range");
        Optimiser.Adam adam = new Optimiser.Adam((Double) v.get("training.lr"));
        TrialConfig.Training training = new TrialConfig.Training(
                TrainingConfig.initialiser((String) v.get("training.initialiser"), -range, range),
                TrainingConfig.optimiser((String) v.get("training.optimiser"), adam.learningRate(), (Double) v.get("training.momentum"),
                        adam.beta1(), adam.beta2(), adam.epsilon()),
                Loss.parse((String) v.get("training.loss")), Reduction.parse((String) v.get("training.reduction")),
                whole(v, "training.batch_size"), whole(v, "training.epochs"), whole(v, "training.early_stopping"));
        return new TrialConfig(v, new TrialConfig.Data(request, (Double) v.get("dataset.validation_fraction")), model, training,
                new TrialConfig.Backend((String) v.get("backend.kind"), whole(v, "backend.threads"),
                        whole(v, "backend.gpu_trials")));
    }

    private static int whole(Map<String, Object> v, String key) {
        return Math.toIntExact((Long) v.get(key));
    }

    /** Converts one value to its key's type, or reports why it cannot. */
    static Object convert(ConfigKey key, Node node, Diagnostics d) {
        String path = key.path();
        Object v = node.plain();
        switch (key.type()) {
            case TEXT -> {
                if (v == null || v instanceof String) {
                    return v;
                }
                d.add(node.mark(), path, "expected text, got " + v);
            }
            case CHOICE -> {
                if (v instanceof String s && key.choices().contains(s)) {
                    return s;
                }
                if (v instanceof String s) {
                    d.add(node.mark(), path, Diagnostics.unknown("value", s, key.choices()));
                } else {
                    d.add(node.mark(), path, "expected one of " + String.join(", ", key.choices()) + ", got " + v);
                }
            }
            case INTEGER -> {
                Long n = integer(v);
                if (n != null) {
                    return n;
                }
                d.add(node.mark(), path, "expected a whole number, got " + v);
            }
            case NUMBER -> {
                if (v instanceof Number n && !(v instanceof Double x && !Double.isFinite(x))) {
                    return n.doubleValue();
                }
                d.add(node.mark(), path, "expected a finite number, got " + v);
            }
            case INTEGER_LIST -> {
                Long single = integer(v);
                if (single != null) {
                    return List.of(single);
                }
                if (v instanceof List<?> list) {
                    List<Long> out = new ArrayList<>();
                    for (Object o : list) {
                        Long n = integer(o);
                        if (n == null) {
                            d.add(node.mark(), path, "expected a list of whole numbers, got " + v);
                            return null;
                        }
                        out.add(n);
                    }
                    return List.copyOf(out);
                }
                d.add(node.mark(), path, "expected a whole number or a list of them, got " + v);
            }
            case TEXT_LIST -> {
                if (v instanceof String s) {
                    return List.of(s);
                }
                if (v instanceof List<?> list && list.stream().allMatch(o -> o instanceof String)) {
                    return list.stream().map(o -> (String) o).toList();
                }
                d.add(node.mark(), path, "expected a list of names, got " + v);
            }
        }
        return null;
    }

    /** A whole number from a Long, or from a Double with no fractional part (derived values are doubles). */
    static Long integer(Object v) {
        if (v instanceof Long n) {
            return n;
        }
        if (v instanceof Double x && Double.isFinite(x) && x == Math.rint(x) && Math.abs(x) < 1e15) {
            return (long) (double) x;
        }
        return null;
    }

}
