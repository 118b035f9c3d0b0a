package ffnlab.sweep;

import ffnlab.spec.TrialConfig;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One point of a sweep: the swept keys' values (as written, in sweep order) and the fully resolved
 * configuration. It runs once per seed.
 *
 * @param index       0-based position in the sweep's declared order
 * @param coordinates swept key to plain value (Long, Double, String, List)
 * @param config      the resolved configuration
 */
public record Configuration(int index, Map<String, Object> coordinates, TrialConfig config) {
    public Configuration {
        coordinates = Collections.unmodifiableMap(new LinkedHashMap<>(coordinates));
    }
}
