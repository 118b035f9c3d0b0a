package ffnlab.sweep;

import ffnlab.spec.TrialConfig;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One point of a sweep: the swept keys' values (as written, in sweep order) and the fully resolved
 * configuration. It runs once per seed.
 *
 * <p>A configuration is identified by its swept values alone, with seed keys left out (seeds are replicates):
 * {@link #label} names it in tables, reports and gate baselines, {@link #ORDER} sorts configurations. Both take the
 * coordinates as plain values, so a trial read back from its folder (trial.yaml keeps integers integers and
 * doubles doubles) gets the same label and place as the configuration that ran it.
 *
 * @param index       0-based position in the sweep's declared order
 * @param coordinates swept key to plain value (Long, Double, String, List)
 * @param config      the resolved configuration
 */
public record Configuration(int index, Map<String, Object> coordinates, TrialConfig config) {
    /** The label of a configuration with nothing swept. */
    public static final String UNSWEPT = "base";

    /**
     * Orders configurations by their coordinates, key by key in sweep order: numbers numerically, lists by length
     * then elements, anything else by its text; an absent key comes first. Trial ids are hashes, so this is what
     * puts a sweep back in its natural order.
     */
    public static final Comparator<Map<String, ?>> ORDER = Configuration::compare;

    public Configuration {
        coordinates = Collections.unmodifiableMap(new LinkedHashMap<>(coordinates));
    }

    /** {@link #label(Map)} of this configuration's coordinates. */
    public String label() {
        return label(coordinates);
    }

    /**
     * The name of a configuration: its swept keys as {@code key=value} in sweep order, joined by {@code ", "}
     * (e.g. {@code model.hidden=64, training.lr=0.01, model.hidden=[5, 5]}), seed keys left out; {@link #UNSWEPT} when
     * nothing else is swept.
     */
    public static String label(Map<String, ?> coordinates) {
        String label = coordinates.entrySet().stream().filter(e -> !isSeedKey(e.getKey()))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
        return label.isEmpty() ? UNSWEPT : label;
    }

    /** Swept seed keys ({@code seed}, {@code training.seed}, {@code seeds}) are replicates, not configurations. */
    public static boolean isSeedKey(String key) {
        return key.equals("seed") || key.endsWith(".seed") || key.equals("seeds") || key.endsWith(".seeds");
    }

    private static int compare(Map<String, ?> a, Map<String, ?> b) {
        Set<String> keys = new LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (String key : keys) {
            int c = compareValues(a.get(key), b.get(key));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int compareValues(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        double x = number(a);
        double y = number(b);
        if (!Double.isNaN(x) && !Double.isNaN(y)) {
            return Double.compare(x, y);
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            if (la.size() != lb.size()) {
                return Integer.compare(la.size(), lb.size());
            }
            for (int i = 0; i < la.size(); i++) {
                int c = compareValues(la.get(i), lb.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }

    /** A number, or a string that reads as one; NaN for anything else. */
    private static double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }
}
