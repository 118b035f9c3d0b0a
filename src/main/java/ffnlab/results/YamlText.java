package ffnlab.results;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes plain values (maps, lists, strings, numbers, booleans, null) as block-style YAML that
 * {@link ffnlab.spec.yaml.YamlLoader} reads back to the same values. Lists of scalars are written in flow
 * style ({@code [1, 2]}); doubles in Java's round-trip form, NaN and infinities as {@code .nan}, {@code .inf}.
 */
public final class YamlText {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_./@ -]*");
    private static final java.util.Set<String> RESERVED = java.util.Set.of("true", "false", "null", "yes", "no", "on", "off", "~");

    private YamlText() {
    }

    public static String write(Map<String, ?> map) {
        StringBuilder b = new StringBuilder();
        block(b, map, 0);
        return b.toString();
    }

    private static void block(StringBuilder b, Map<String, ?> map, int indent) {
        if (map.isEmpty()) {
            b.append(" ".repeat(indent)).append("{}\n");
            return;
        }
        for (Map.Entry<String, ?> e : map.entrySet()) {
            b.append(" ".repeat(indent)).append(scalar(e.getKey())).append(':');
            Object v = e.getValue();
            if (v instanceof Map<?, ?> m && !m.isEmpty()) {
                b.append('\n');
                @SuppressWarnings("unchecked")
                Map<String, ?> child = (Map<String, ?>) m;
                block(b, child, indent + 2);
            } else if (v instanceof List<?> l && l.stream().anyMatch(o -> o instanceof Map<?, ?> || o instanceof List<?>) && !l.isEmpty()
                    && l.stream().anyMatch(o -> o instanceof Map<?, ?>)) {
                b.append('\n');
                for (Object o : l) {
                    b.append(" ".repeat(indent + 2)).append("-\n");
                    if (o instanceof Map<?, ?> m) {
                        @SuppressWarnings("unchecked")
                        Map<String, ?> child = (Map<String, ?>) m;
                        block(b, child, indent + 4);
                    } else {
                        b.append(" ".repeat(indent + 4)).append(flow(o)).append('\n');
                    }
                }
            } else {
                b.append(' ').append(flow(v)).append('\n');
            }
        }
    }

    /** A value on one line. */
    public static String flow(Object v) {
        if (v instanceof List<?> l) {
            StringBuilder b = new StringBuilder("[");
            for (Object o : l) {
                b.append(b.length() > 1 ? ", " : "").append(flow(o));
            }
            return b.append(']').toString();
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder b = new StringBuilder("{");
            m.forEach((k, x) -> b.append(b.length() > 1 ? ", " : "").append(scalar(String.valueOf(k))).append(": ").append(flow(x)));
            return b.append('}').toString();
        }
        return scalar(v);
    }

    private static String scalar(Object v) {
        return switch (v) {
            case null -> "null";
            case Double d when d.isNaN() -> ".nan";
            case Double d when d.isInfinite() -> d > 0 ? ".inf" : "-.inf";
            case Float f -> scalar(f.doubleValue());
            case Number n -> n.toString();
            case Boolean bool -> bool.toString();
            default -> {
                String s = v.toString();
                boolean plain = PLAIN.matcher(s).matches() && !RESERVED.contains(s.toLowerCase(Locale.ROOT))
                        && !s.endsWith(" ") && !s.contains(" #") && !s.contains(": ");
                yield plain ? s : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
            }
        };
    }
}
