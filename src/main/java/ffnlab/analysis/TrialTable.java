package ffnlab.analysis;

import ffnlab.results.TrialSchema;
import ffnlab.results.TrialSchema.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The trials of an experiment as Tablesaw tables: {@link #summaries} has one row per trial (its coordinates and
 * summary.yaml), {@link #epochs} one row per trial and epoch (its metrics.csv). Both carry {@code configuration}
 * (the label) and {@code config_index} (the configuration's place in sweep order) for grouping.
 */
public final class TrialTable {
    public static final String TRIAL_ID = "trial_id";
    public static final String CONFIGURATION = "configuration";
    public static final String CONFIG_INDEX = "config_index";
    public static final String SEED = "seed";
    public static final String STATUS = TrialSchema.STATUS;

    private TrialTable() {
    }

    /**
     * One row per trial: trial_id, configuration, config_index, seed, status, one column per swept key (numeric when
     * every value is a number, else text) and one per {@link Metric}.
     */
    public static Table summaries(ExperimentResults results) {
        List<FinishedTrial> trials = results.trials();
        Map<String, Integer> index = configurationIndex(results);
        Table table = Table.create(results.name() + " trials");
        table.addColumns(
                StringColumn.create(TRIAL_ID, trials.stream().map(FinishedTrial::id).toList()),
                StringColumn.create(CONFIGURATION, trials.stream().map(FinishedTrial::configuration).toList()),
                IntColumn.create(CONFIG_INDEX, trials.stream().mapToInt(t -> index.get(t.configuration())).toArray()),
                LongColumn.create(SEED, trials.stream().mapToLong(FinishedTrial::seed).toArray()),
                StringColumn.create(STATUS, trials.stream().map(t -> t.diverged() ? TrialSchema.DIVERGED : TrialSchema.FINISHED).toList()));
        for (String key : results.sweptKeys()) {
            table.addColumns(coordinateColumn(key, trials.stream().map(t -> t.coordinates().get(key)).toList()));
        }
        for (Metric m : Metric.values()) {
            table.addColumns(DoubleColumn.create(m.key(), trials.stream().mapToDouble(t -> t.summaryValue(m))));
        }
        return table;
    }

    /**
     * One row per epoch of every trial that did not diverge: trial_id, configuration, config_index, seed and the
     * columns of metrics.csv.
     */
    public static Table epochs(ExperimentResults results) {
        Map<String, Integer> index = configurationIndex(results);
        Table table = null;
        for (FinishedTrial t : results.trials()) {
            if (t.diverged()) {
                continue;
            }
            Table m = t.metrics();
            int rows = m.rowCount();
            Table part = Table.create(results.name() + " epochs",
                    StringColumn.create(TRIAL_ID, java.util.Collections.nCopies(rows, t.id())),
                    StringColumn.create(CONFIGURATION, java.util.Collections.nCopies(rows, t.configuration())),
                    IntColumn.create(CONFIG_INDEX, java.util.Collections.nCopies(rows, index.get(t.configuration()))
                            .stream().mapToInt(Integer::intValue).toArray()),
                    LongColumn.create(SEED, java.util.Collections.nCopies(rows, t.seed()).stream().mapToLong(Long::longValue).toArray()));
            for (Column<?> c : m.columns()) {
                part.addColumns(c.copy());
            }
            table = table == null ? part : table.append(part);
        }
        return table == null ? emptyEpochs(results.name()) : table;
    }

    /** {@link #epochs}' columns without rows. */
    public static Table emptyEpochs(String experiment) {
        Table table = Table.create(experiment + " epochs", StringColumn.create(TRIAL_ID), StringColumn.create(CONFIGURATION),
                IntColumn.create(CONFIG_INDEX), LongColumn.create(SEED));
        return table.addColumns(ResultsCsv.emptyMetrics(experiment).columnArray());
    }

    /** Configuration labels in sweep order (trials are already sorted by configuration). */
    static Map<String, Integer> configurationIndex(ExperimentResults results) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (FinishedTrial t : results.trials()) {
            index.putIfAbsent(t.configuration(), index.size());
        }
        return index;
    }

    /** A swept key's values: a DoubleColumn when all are numbers, else their text. */
    static Column<?> coordinateColumn(String key, List<Object> values) {
        boolean numeric = values.stream().allMatch(v -> v instanceof Number);
        if (numeric) {
            return DoubleColumn.create(key, values.stream().mapToDouble(v -> ((Number) v).doubleValue()));
        }
        List<String> text = new ArrayList<>();
        values.forEach(v -> text.add(v == null ? "" : String.valueOf(v)));
        return StringColumn.create(key, text);
    }
}
