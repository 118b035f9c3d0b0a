package ffnlab.spec.yaml;

import ffnlab.data.Utf8Text;
import ffnlab.spec.Mark;
import ffnlab.spec.Node;
import ffnlab.spec.Problem;
import ffnlab.spec.SpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads YAML 1.2 (core schema) into {@link Node} trees that keep every value's line and column.
 * The only class that touches the YAML library. Syntax errors, duplicate keys, non-string keys, bytes that are
 * not UTF-8, anchors and aliases, nesting deeper than {@link #MAX_DEPTH} and files larger than
 * {@link #MAX_CHARACTERS} become {@link SpecException}s with the file position.
 *
 * <p>Aliases are refused outright: an experiment never needs them, and a few nested aliases expand into
 * billions of nodes. The depth is checked on the parser's event stream, which keeps its own stack, before the
 * recursive composition runs, so a deeply nested file is an error message and never a stack overflow.
 */
public final class YamlLoader {
    /** The deepest nesting of sections and lists accepted (experiment files use 4). */
    public static final int MAX_DEPTH = 32;
    /** The largest text accepted, in characters (the chapter's files are under 4 000). */
    public static final int MAX_CHARACTERS = 1 << 20;

    private YamlLoader() {
    }

    /** Reads a file; {@code label} names it in messages (usually the path as the user gave it). */
    public static Node load(Path file, String label) {
        byte[] bytes;
        try {
            if (Files.size(file) > 4L * MAX_CHARACTERS) {
                throw tooLarge(label);
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SpecException(List.of(new Problem(Mark.of(label), "", "cannot read file: " + e.getMessage())));
        }
        String text = Utf8Text.decodeOrNull(bytes);
        if (text == null) {
            Utf8Text.Malformed bad = Utf8Text.firstMalformed(bytes);
            throw new SpecException(List.of(new Problem(new Mark(label, (int) bad.line(), (int) bad.column()), "", bad.message())));
        }
        return parse(text, label);
    }

    /** Parses text; an empty document is an empty mapping. */
    public static Node parse(String text, String label) {
        return parse(text, label, true);
    }

    /**
     * Parses text; with {@code positions} false every mark is just {@code label} (for one-line values such as
     * {@code -Dset} overrides, where a line and column would say nothing).
     */
    public static Node parse(String text, String label, boolean positions) {
        if (text.length() > MAX_CHARACTERS) {
            throw tooLarge(label);
        }
        LoadSettings settings = LoadSettings.builder().setLabel(label).setSchema(new CoreSchema())
                .setAllowDuplicateKeys(false).setAllowRecursiveKeys(false).setMaxAliasesForCollections(0)
                .setCodePointLimit(MAX_CHARACTERS + 1).build();
        try {
            checkStructure(settings, text, positions ? label : null, label);
            Optional<org.snakeyaml.engine.v2.nodes.Node> root = new Compose(settings).composeString(text);
            if (root.isEmpty()) {
                return Node.Mapping.empty(new Mark(label, 1, 1));
            }
            List<Problem> problems = new ArrayList<>();
            Node node = convert(root.get(), positions ? label : null, label, "", problems);
            if (!problems.isEmpty()) {
                throw new SpecException(problems);
            }
            return node;
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().map(m -> new Mark(label, m.getLine() + 1, m.getColumn() + 1)).orElse(Mark.of(label));
            String what = (e.getContext() == null ? "" : e.getContext() + ": ") + e.getProblem();
            throw new SpecException(List.of(new Problem(mark, "", "invalid YAML: " + what.replace('\n', ' '))));
        } catch (YamlEngineException e) {
            throw new SpecException(List.of(new Problem(Mark.of(label), "", "invalid YAML: " + e.getMessage().replace('\n', ' '))));
        }
    }

    private static SpecException tooLarge(String label) {
        return new SpecException(List.of(new Problem(Mark.of(label), "", "larger than " + MAX_CHARACTERS
                + " characters; an experiment file is a few lines of settings")));
    }

    /** Refuses aliases and nesting deeper than {@link #MAX_DEPTH}, reading the parser's events (no recursion). */
    private static void checkStructure(LoadSettings settings, String text, String label, String name) {
        int depth = 0;
        for (Event event : new Parse(settings).parseString(text)) {
            switch (event.getEventId()) {
                case MappingStart, SequenceStart -> {
                    if (++depth > MAX_DEPTH) {
                        throw new SpecException(List.of(new Problem(mark(event, label, name), "",
                                "nested deeper than " + MAX_DEPTH + " levels; experiment files use a few")));
                    }
                }
                case MappingEnd, SequenceEnd -> depth--;
                case Alias -> throw new SpecException(List.of(new Problem(mark(event, label, name), "",
                        "aliases (*name) are not supported; write the value out")));
                default -> {
                }
            }
        }
    }

    private static Mark mark(Event event, String label, String name) {
        return label == null ? Mark.of(name)
                : event.getStartMark().map(m -> new Mark(label, m.getLine() + 1, m.getColumn() + 1)).orElse(Mark.of(label));
    }

    /** {@code label} null: marks without positions, named {@code name}. */
    private static Node convert(org.snakeyaml.engine.v2.nodes.Node node, String label, String name, String path, List<Problem> problems) {
        Mark mark = label == null ? Mark.of(name) : mark(node, label);
        return switch (node) {
            case ScalarNode s -> new Node.Scalar(scalar(s), mark);
            case SequenceNode s -> {
                List<Node> items = new ArrayList<>();
                for (int i = 0; i < s.getValue().size(); i++) {
                    items.add(convert(s.getValue().get(i), label, name, path + "[" + i + "]", problems));
                }
                yield new Node.Sequence(items, mark);
            }
            case MappingNode m -> {
                Map<String, Node> entries = new LinkedHashMap<>();
                Map<String, Mark> keyMarks = new LinkedHashMap<>();
                for (NodeTuple t : m.getValue()) {
                    Mark keyMark = label == null ? Mark.of(name) : mark(t.getKeyNode(), label);
                    if (!(t.getKeyNode() instanceof ScalarNode k) || k.getTag().equals(Tag.NULL)) {
                        problems.add(new Problem(keyMark, path, "keys must be plain names"));
                        continue;
                    }
                    String key = k.getValue();
                    if (entries.containsKey(key)) {
                        Mark first = keyMarks.get(key);
                        problems.add(new Problem(keyMark, path.isEmpty() ? key : path + "." + key, "duplicate key '" + key + "'"
                                + (first.line() > 0 ? " (first written at line " + first.line() + ")" : "") + "; write each key once"));
                        continue;
                    }
                    String child = path.isEmpty() ? key : path + "." + key;
                    entries.put(key, convert(t.getValueNode(), label, name, child, problems));
                    keyMarks.put(key, keyMark);
                }
                yield new Node.Mapping(entries, keyMarks, mark);
            }
            default -> {
                problems.add(new Problem(mark, path, "unsupported YAML node"));
                yield new Node.Scalar(null, mark);
            }
        };
    }

    private static Object scalar(ScalarNode s) {
        String v = s.getValue();
        Tag tag = s.getTag();
        if (tag.equals(Tag.NULL)) {
            return null;
        }
        if (tag.equals(Tag.BOOL)) {
            return Boolean.parseBoolean(v.toLowerCase(java.util.Locale.ROOT));
        }
        if (tag.equals(Tag.INT)) {
            try {
                String t = v.startsWith("+") ? v.substring(1) : v;
                if (t.startsWith("0x")) {
                    return Long.parseLong(t.substring(2), 16);
                }
                if (t.startsWith("0o")) {
                    return Long.parseLong(t.substring(2), 8);
                }
                return Long.parseLong(t);
            } catch (NumberFormatException e) {
                return v;
            }
        }
        if (tag.equals(Tag.FLOAT)) {
            String t = v.toLowerCase(java.util.Locale.ROOT);
            return switch (t) {
                case ".inf", "+.inf" -> Double.POSITIVE_INFINITY;
                case "-.inf" -> Double.NEGATIVE_INFINITY;
                case ".nan" -> Double.NaN;
                default -> Double.parseDouble(t);
            };
        }
        return v;
    }

    private static Mark mark(org.snakeyaml.engine.v2.nodes.Node node, String label) {
        return node.getStartMark().map(m -> new Mark(label, m.getLine() + 1, m.getColumn() + 1)).orElse(Mark.of(label));
    }
}
