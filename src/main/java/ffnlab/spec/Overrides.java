package ffnlab.spec;

import ffnlab.spec.yaml.YamlLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line overrides, {@code -Dset=training.epochs=20,seeds=[1,2]}: comma-separated {@code key=value}
 * pairs (commas inside brackets belong to the value), values in YAML flow syntax. Keys are dotted paths into
 * the experiment file; under {@code sweep.grid}, {@code sweep.zip}, {@code sweep.derived} and
 * {@code sweep.random.params} the rest of the path is one configuration key ({@code sweep.grid.model.hidden}).
 */
public final class Overrides {
    private Overrides() {
    }

    /** The pairs of {@code text} in order; problems name the option {@code origin} (e.g. "-Dset"). */
    public static Map<String, Node> parse(String text, String origin) {
        Map<String, Node> out = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (String pair : split(text)) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                problems.add(new Problem(Mark.of(origin), pair.strip(), "expected key=value"));
                continue;
            }
            String key = pair.substring(0, eq).strip();
            String value = pair.substring(eq + 1).strip();
            try {
                out.put(key, YamlLoader.parse(value.isEmpty() ? "null" : value, origin + " " + key + "=" + value, false));
            } catch (SpecException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new SpecException(problems);
        }
        return out;
    }

    /** Applies overrides to a tree, in order. */
    public static Node.Mapping apply(Node.Mapping tree, Map<String, Node> overrides) {
        Node.Mapping result = tree;
        List<Problem> problems = new ArrayList<>();
        java.util.Set<Node> blocked = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Map.Entry<String, Node> e : overrides.entrySet()) {
            try {
                result = set(result, path(e.getKey()), e.getValue());
            } catch (NotASection x) {
                // the value in the way is the file's: report it there once, naming the first override that needed a section
                if (!blocked.add(x.holder)) {
                    continue;
                }
                problems.add(new Problem(x.holder.mark(), e.getKey(), "'" + x.name + "' holds a value, not a section, so "
                        + e.getValue().mark().source() + " cannot set " + e.getKey()));
            }
        }
        if (!problems.isEmpty()) {
            throw new SpecException(problems);
        }
        return result;
    }

    /** Splits a dotted override key into tree steps, keeping configuration keys under sweep sections whole. */
    static List<String> path(String key) {
        for (String prefix : List.of("sweep.random.params.", "sweep.grid.", "sweep.zip.", "sweep.derived.")) {
            if (key.startsWith(prefix)) {
                List<String> steps = new ArrayList<>(List.of(prefix.substring(0, prefix.length() - 1).split("\\.")));
                steps.add(key.substring(prefix.length()));
                return steps;
            }
        }
        return List.of(key.split("\\."));
    }

    private static Node.Mapping set(Node.Mapping root, List<String> steps, Node value) {
        String head = steps.getFirst();
        if (steps.size() == 1) {
            return root.with(head, value, value.mark());
        }
        Node child = root.get(head);
        Node.Mapping section;
        if (child == null || child instanceof Node.Scalar s && s.value() == null) {
            // a section the file lacks: it belongs to the file, so a key missing from it is reported there
            section = Node.Mapping.empty(root.mark());
        } else if (child instanceof Node.Mapping m) {
            section = m;
        } else {
            throw new NotASection(head, child);
        }
        return root.with(head, set(section, steps.subList(1, steps.size()), value), root.keyMark(head));
    }

    /** An override path runs through {@code name}, which holds the value {@code holder} instead of a section. */
    private static final class NotASection extends RuntimeException {
        private final String name;
        private final transient Node holder;

        NotASection(String name, Node holder) {
            super(name, null, false, false);
            this.name = name;
            this.holder = holder;
        }
    }

    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }
}
