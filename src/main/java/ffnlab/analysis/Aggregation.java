package ffnlab.analysis;

import static tech.tablesaw.aggregate.AggregateFunctions.countNonMissing;
import static tech.tablesaw.aggregate.AggregateFunctions.mean;
import static tech.tablesaw.aggregate.AggregateFunctions.stdDev;

import ffnlab.results.TrialSchema;
import ffnlab.results.TrialSchema.Metric;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.aggregate.AggregateFunction;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Statistics over seeds, per configuration. For every value column x the output has {@code x_mean},
 * {@code x_std} (sample standard deviation) and {@code x_ci95} (the half-width of the 95% Student-t confidence
 * interval, see {@link ConfidenceInterval}); {@code n} counts the non-missing values the statistics rest on.
 * Tablesaw's display names ("Mean [x]") are renamed as soon as they are produced.
 */
public final class Aggregation {
    public static final String N = "n";
    public static final String N_DIVERGED = "n_diverged";
    public static final String MEAN = "_mean";
    public static final String STD = "_std";
    public static final String CI95 = "_ci95";

    private Aggregation() {
    }

    /** The aggregate of an experiment: {@link #perConfiguration(Table, List)} of its {@link TrialTable#summaries}. */
    public static Table perConfiguration(ExperimentResults results) {
        return perConfiguration(TrialTable.summaries(results), results.sweptKeys());
    }

    /**
     * Final and best errors and times per configuration, from {@link TrialTable#summaries}: configuration,
     * config_index, the swept keys, n (finished trials), n_diverged, then mean/std/ci95 of every {@link Metric} that
     * any trial measured. Diverged trials count only in n_diverged. Rows in sweep order.
     */
    public static Table perConfiguration(Table trials, List<String> sweptKeys) {
        Table finished = trials.where(trials.stringColumn(TrialTable.STATUS).isNotEqualTo(TrialSchema.DIVERGED));
        List<String> metrics = new ArrayList<>();
        for (Metric m : Metric.values()) {
            if (trials.doubleColumn(m.key()).countMissing() < trials.rowCount()) {
                metrics.add(m.key());
            }
        }
        Table stats = statsByConfiguration(finished, metrics);
        Table first = firstRowPerConfiguration(trials);
        Table out = Table.create(trials.name() + " per configuration");
        out.addColumns(first.stringColumn(TrialTable.CONFIGURATION).copy(), first.intColumn(TrialTable.CONFIG_INDEX).copy());
        for (String key : sweptKeys) {
            out.addColumns(first.column(key).copy());
        }
        IntColumn n = IntColumn.create(N);
        IntColumn diverged = IntColumn.create(N_DIVERGED);
        for (String configuration : first.stringColumn(TrialTable.CONFIGURATION)) {
            Table ofConfiguration = trials.where(trials.stringColumn(TrialTable.CONFIGURATION).isEqualTo(configuration));
            diverged.append(ofConfiguration.stringColumn(TrialTable.STATUS).isEqualTo(TrialSchema.DIVERGED).size());
            n.append(ofConfiguration.rowCount() - diverged.getInt(diverged.size() - 1));
        }
        out.addColumns(n, diverged);
        addStatistics(out, metrics, stats);
        return out;
    }

    /**
     * Learning curves over seeds, from {@link TrialTable#epochs}: one row per configuration and epoch with
     * configuration, config_index, epoch, then n, mean, std, ci95 of each of {@code columns}.
     */
    public static Table curves(Table epochs, List<String> columns) {
        Table out = Table.create(epochs.name() + " curves");
        if (epochs.rowCount() == 0) {
            out.addColumns(tech.tablesaw.api.StringColumn.create(TrialTable.CONFIGURATION), IntColumn.create(TrialTable.CONFIG_INDEX),
                    IntColumn.create(TrialSchema.Column.EPOCH.key()), IntColumn.create(N));
            columns.forEach(c -> out.addColumns(DoubleColumn.create(c + MEAN), DoubleColumn.create(c + STD), DoubleColumn.create(c + CI95)));
            return out;
        }
        Table summary = epochs.summarize(columns, mean, stdDev, countNonMissing)
                .by(TrialTable.CONFIG_INDEX, TrialTable.CONFIGURATION, TrialSchema.Column.EPOCH.key())
                .sortAscendingOn(TrialTable.CONFIG_INDEX, TrialSchema.Column.EPOCH.key());
        out.addColumns(summary.stringColumn(TrialTable.CONFIGURATION).copy(), summary.intColumn(TrialTable.CONFIG_INDEX).copy(),
                summary.intColumn(TrialSchema.Column.EPOCH.key()).copy());
        IntColumn n = IntColumn.create(N);
        for (int i = 0; i < summary.rowCount(); i++) {
            n.append((int) summary.numberColumn(displayName(countNonMissing, columns.getFirst())).getDouble(i));
        }
        out.addColumns(n);
        for (String c : columns) {
            DoubleColumn m = DoubleColumn.create(c + MEAN);
            DoubleColumn s = DoubleColumn.create(c + STD);
            DoubleColumn h = DoubleColumn.create(c + CI95);
            for (int i = 0; i < summary.rowCount(); i++) {
                int count = (int) summary.numberColumn(displayName(countNonMissing, c)).getDouble(i);
                double std = value(summary.numberColumn(displayName(stdDev, c)), i);
                m.append(count == 0 ? Double.NaN : value(summary.numberColumn(displayName(mean, c)), i));
                s.append(count < 2 ? Double.NaN : std);
                h.append(ConfidenceInterval.halfWidth95(std, count));
            }
            out.addColumns(m, s, h);
        }
        return out;
    }

    /** Tablesaw's summary of {@code metrics} by configuration (mean, stdDev, countNonMissing); null when empty. */
    private static Table statsByConfiguration(Table finished, List<String> metrics) {
        if (finished.rowCount() == 0 || metrics.isEmpty()) {
            return null;
        }
        return finished.summarize(metrics, mean, stdDev, countNonMissing).by(TrialTable.CONFIGURATION);
    }

    private static void addStatistics(Table out, List<String> metrics, Table stats) {
        Map<String, Integer> rowOf = new HashMap<>();
        if (stats != null) {
            for (int i = 0; i < stats.rowCount(); i++) {
                rowOf.put(stats.stringColumn(TrialTable.CONFIGURATION).get(i), i);
            }
        }
        for (String metric : metrics) {
            DoubleColumn m = DoubleColumn.create(metric + MEAN);
            DoubleColumn s = DoubleColumn.create(metric + STD);
            DoubleColumn h = DoubleColumn.create(metric + CI95);
            for (String configuration : out.stringColumn(TrialTable.CONFIGURATION)) {
                Integer row = rowOf.get(configuration);
                int count = row == null ? 0 : (int) stats.numberColumn(displayName(countNonMissing, metric)).getDouble(row);
                double std = count < 2 ? Double.NaN : value(stats.numberColumn(displayName(stdDev, metric)), row);
                m.append(count == 0 ? Double.NaN : value(stats.numberColumn(displayName(mean, metric)), row));
                s.append(std);
                h.append(ConfidenceInterval.halfWidth95(std, count));
            }
            out.addColumns(m, s, h);
        }
    }

    private static Table firstRowPerConfiguration(Table trials) {
        Table sorted = trials.sortAscendingOn(TrialTable.CONFIG_INDEX);
        List<Integer> rows = new ArrayList<>();
        int last = -1;
        for (int i = 0; i < sorted.rowCount(); i++) {
            int index = sorted.intColumn(TrialTable.CONFIG_INDEX).getInt(i);
            if (index != last) {
                rows.add(i);
                last = index;
            }
        }
        return rows.isEmpty() ? sorted.emptyCopy() : sorted.rows(rows.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Tablesaw's name for an aggregate: {@code "Mean [x]"}; used only to rename it at once. */
    private static String displayName(AggregateFunction<?, ?> function, String column) {
        return function.functionName() + " [" + column + "]";
    }

    private static double value(NumericColumn<?> column, int row) {
        return column.isMissing(row) ? Double.NaN : column.getDouble(row);
    }

    /** The names of a table's columns (for tests and writers). */
    public static List<String> names(Table table) {
        return table.columns().stream().map(Column::name).toList();
    }
}
