package ffnlab.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the configuration sections of a (merged, overridden, swept) YAML tree into a {@link TrialConfig}:
 * checks every key's name and type, fills defaults, resolves "auto", and checks the combinations
 * (loss with output, chapter initialiser with Example 2, ...). Every problem goes to the {@link Diagnostics}
 * with the mark of the value that caused it.
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
        return diagnostics.problems().size() == before ? new TrialConfig(values) : null;
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
