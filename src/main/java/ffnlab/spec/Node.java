package ffnlab.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value as the user wrote it, with its position: scalars (Long, Double, Boolean, String or null),
 * sequences and mappings (insertion-ordered). Immutable; merging and overriding build new trees so every
 * value keeps the mark of the file (or override) it came from.
 */
public sealed interface Node {
    Mark mark();

    /** The plain Java value: Long, Double, Boolean, String, null, List or LinkedHashMap. */
    Object plain();

    /** A scalar; {@code value} is Long, Double, Boolean, String or null. */
    record Scalar(Object value, Mark mark) implements Node {
        @Override
        public Object plain() {
            return value;
        }

        /** The text shown in messages. */
        public String text() {
            return String.valueOf(value);
        }
    }

    /** A sequence. */
    record Sequence(List<Node> items, Mark mark) implements Node {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public Object plain() {
            List<Object> out = new ArrayList<>();
            for (Node n : items) {
                out.add(n.plain());
            }
            return out;
        }
    }

    /** A mapping with string keys, in the order written; {@code keyMarks} says where each key was written. */
    record Mapping(Map<String, Node> entries, Map<String, Mark> keyMarks, Mark mark) implements Node {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
            keyMarks = Collections.unmodifiableMap(new LinkedHashMap<>(keyMarks));
        }

        public static Mapping empty(Mark mark) {
            return new Mapping(Map.of(), Map.of(), mark);
        }

        public Node get(String key) {
            return entries.get(key);
        }

        public Mark keyMark(String key) {
            return keyMarks.getOrDefault(key, mark);
        }

        /** A copy with {@code key} set to {@code value} (appended when new). */
        public Mapping with(String key, Node value, Mark keyMark) {
            Map<String, Node> e = new LinkedHashMap<>(entries);
            Map<String, Mark> k = new LinkedHashMap<>(keyMarks);
            e.put(key, value);
            k.put(key, keyMark);
            return new Mapping(e, k, mark);
        }

        /** A copy without {@code key}. */
        public Mapping without(String key) {
            Map<String, Node> e = new LinkedHashMap<>(entries);
            Map<String, Mark> k = new LinkedHashMap<>(keyMarks);
            e.remove(key);
            k.remove(key);
            return new Mapping(e, k, mark);
        }

        @Override
        public Object plain() {
            Map<String, Object> out = new LinkedHashMap<>();
            entries.forEach((key, n) -> out.put(key, n.plain()));
            return out;
        }
    }

    /**
     * Deep merge: mappings merge key by key (the override's value wins, recursively); anything else is
     * replaced by the override. This is how a child experiment applies over the one it {@code extends}.
     */
    static Node merge(Node base, Node override) {
        if (base instanceof Mapping b && override instanceof Mapping o) {
            Mapping result = b;
            for (Map.Entry<String, Node> e : o.entries().entrySet()) {
                Node old = result.get(e.getKey());
                Node merged = old == null ? e.getValue() : merge(old, e.getValue());
                result = result.with(e.getKey(), merged, o.keyMark(e.getKey()));
            }
            return result;
        }
        return override;
    }
}
