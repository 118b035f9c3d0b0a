package ffnlab.run;

import ffnlab.data.Sha256;
import ffnlab.spec.Node;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The name of a variant: a run of an experiment with overrides, whose results live in
 * {@code results/<experiment>[-<profile>]@<variant>}. A name holds letters, digits and {@code . _ - = , +} only (safe
 * as a folder name on Linux, macOS and Windows, and in a URL path). Given no name, a variant is named after its
 * overrides: {@code key=value} pairs sorted by key, joined by {@code ,}, each key by its last dotted segment
 * ({@code training.lr=0.01} gives {@code lr=0.01}) unless two keys share that segment; a list value's items are joined
 * by {@code +}; any other character becomes {@code _}. A name longer than {@value #MAX_LENGTH} characters keeps its
 * first 47 and ends with {@code -} and 8 hex digits of the full name's SHA-256, so the same overrides give the same name.
 */
public final class VariantName {
    static final int MAX_LENGTH = 56;
    private static final String ALLOWED = "[A-Za-z0-9][A-Za-z0-9._=,+-]*";

    private VariantName() {
    }

    /** The name given by {@code -Dvariant} / {@code --variant}, checked; a one-line error when it is not a safe name. */
    public static String check(String name) {
        if (name.length() > MAX_LENGTH || !name.matches(ALLOWED)) {
            throw new IllegalArgumentException("variant: expected up to " + MAX_LENGTH
                    + " letters, digits and . _ - = , + (starting with a letter or digit), got '" + name + "'");
        }
        return name;
    }

    /** The name derived from {@code overrides}; null when there are none (the experiment as written). */
    public static String derive(Map<String, Node> overrides) {
        if (overrides.isEmpty()) {
            return null;
        }
        Map<String, Node> sorted = new TreeMap<>(overrides);
        List<String> pairs = new ArrayList<>();
        sorted.forEach((key, value) -> pairs.add(shortKey(key, sorted.keySet()) + "=" + text(value.plain())));
        String name = String.join(",", pairs).replaceAll("[^A-Za-z0-9._=,+-]", "_");
        if (!Character.isLetterOrDigit(name.charAt(0))) {
            name = "v" + name;
        }
        if (name.length() > MAX_LENGTH) {
            name = name.substring(0, MAX_LENGTH - 9) + "-" + Sha256.ofText(name).substring(0, 8);
        }
        return name;
    }

    private static String shortKey(String key, Collection<String> keys) {
        String last = key.substring(key.lastIndexOf('.') + 1);
        long sharing = keys.stream().filter(k -> k.substring(k.lastIndexOf('.') + 1).equals(last)).count();
        return sharing > 1 ? key : last;
    }

    private static String text(Object value) {
        if (value instanceof Collection<?> items) {
            return items.stream().map(VariantName::text).collect(Collectors.joining("+"));
        }
        if (value instanceof Map<?, ?> entries) {
            return entries.entrySet().stream().map(e -> e.getKey() + "=" + text(e.getValue())).collect(Collectors.joining("+"));
        }
        return String.valueOf(value);
    }
}
