package ffnlab.plot;

import ffnlab.analysis.TrialTable;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.style.markers.Marker;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * How the configurations of a sweep are told apart in a learning-curve chart: the colour follows the first swept key
 * ({@link SweepStyle#sequential}), the marker the second, the legend names both; a reference configuration (a
 * linear baseline) is drawn grey.
 *
 * @param keys       the swept keys, in sweep order (empty: the configurations are named by their label alone)
 * @param values     each configuration's values of {@code keys}, as written, in sweep order (without keys: its name)
 * @param seeds      each configuration's seeds
 * @param references configurations drawn as reference lines (baselines), not as curves
 */
public record CurveKeys(List<String> keys, Map<String, List<String>> values, Map<String, List<Long>> seeds,
                        Set<String> references) {
    /** The colour of reference lines. */
    public static final Color REFERENCE = new Color(110, 110, 110);

    /** From a per-configuration table with a column per swept key. */
    public static CurveKeys of(Table perConfiguration, List<String> keys, Map<String, List<Long>> seeds,
                               Set<String> references) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (int row = 0; row < perConfiguration.rowCount(); row++) {
            String configuration = perConfiguration.stringColumn(TrialTable.CONFIGURATION).get(row);
            List<String> v = new ArrayList<>();
            for (String key : keys) {
                Column<?> column = perConfiguration.column(key);
                v.add(column instanceof NumericColumn<?> n ? SweptAxis.format(n.getDouble(row)) : column.getString(row));
            }
            values.put(configuration, keys.isEmpty() ? List.of(configuration) : v);
        }
        return new CurveKeys(List.copyOf(keys), values, seeds, Set.copyOf(references));
    }

    /** Configurations known only by name, in the given order, each its own value. */
    public static CurveKeys named(List<String> configurations) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        configurations.forEach(c -> values.put(c, List.of(c)));
        return new CurveKeys(List.of(), values, Map.of(), Set.of());
    }

    /** The legend text: {@code key=value, key=value}, or the configuration's name. */
    public String label(String configuration) {
        return keys.isEmpty() ? configuration : SweepStyle.legend(keys, values(configuration));
    }

    /**
     * The configuration's colour: its first key's place among that key's values (references excluded); a single
     * value needs no scale and gets the first colour of {@link ChartStyle}.
     */
    public Color colour(String configuration) {
        if (references.contains(configuration)) {
            return REFERENCE;
        }
        List<String> firsts = distinct(0);
        return firsts.size() == 1 ? ChartStyle.colour(0)
                : SweepStyle.sequential(firsts.indexOf(values(configuration).getFirst()), firsts.size());
    }

    /** Whether a second key tells configurations of one colour apart. */
    public boolean twoKeys() {
        return keys.size() >= 2;
    }

    /** The configuration's marker: its second key's place among that key's values. */
    public Marker marker(String configuration) {
        return SweepStyle.marker(twoKeys() ? distinct(1).indexOf(values(configuration).get(1)) : 0);
    }

    /** The seeds of a configuration (empty when unknown). */
    public List<Long> seedsOf(String configuration) {
        return seeds.getOrDefault(configuration, List.of());
    }

    private List<String> values(String configuration) {
        List<String> v = values.get(configuration);
        if (v == null) {
            throw new IllegalArgumentException("no swept values for configuration '" + configuration + "'");
        }
        return v;
    }

    /** The distinct values of key {@code k} over the non-reference configurations, in sweep order. */
    private List<String> distinct(int k) {
        List<String> out = new ArrayList<>();
        values.forEach((configuration, v) -> {
            if (!references.contains(configuration) && !out.contains(v.get(k))) {
                out.add(v.get(k));
            }
        });
        return out;
    }
}
