package ffnlab.analysis;

import java.util.Comparator;
import java.util.List;

/**
 * Orders trials by their swept coordinates, key by key in sweep order: numbers numerically, lists by length then
 * elements, anything else by its text. Trial ids are hashes, so this is what puts a sweep back in its natural order.
 */
final class ConfigurationOrder implements Comparator<FinishedTrial> {
    private final List<String> keys;

    ConfigurationOrder(List<String> keys) {
        this.keys = keys;
    }

    @Override
    public int compare(FinishedTrial a, FinishedTrial b) {
        for (String key : keys) {
            int c = compareValues(a.coordinates().get(key), b.coordinates().get(key));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    static int compareValues(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        double x = YamlDocument.asNumber(a);
        double y = YamlDocument.asNumber(b);
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
        return FinishedTrial.formatValue(a).compareTo(FinishedTrial.formatValue(b));
    }
}
