package ffnlab.report;

import ffnlab.analysis.Aggregation;
import ffnlab.analysis.TrialTable;
import ffnlab.results.TrialSchema.Column;
import ffnlab.results.TrialSchema.Metric;
import java.util.Locale;
import tech.tablesaw.api.Table;

/**
 * The console's table of an experiment, a format over {@link Aggregation#perConfiguration}: per configuration the
 * seeds run, how many diverged, mean and standard deviation over the finished seeds of the final test error
 * (m.s.e. or accuracy; the training m.s.e. for data without a test split, as Example 2) and the mean time per update.
 */
public final class ResultsTable {
    private ResultsTable() {
    }

    public static String format(Table perConfiguration) {
        Metric metric = perConfiguration.containsColumn(Metric.FINAL_TEST_ACCURACY.key() + Aggregation.MEAN) ? Metric.FINAL_TEST_ACCURACY
                : perConfiguration.containsColumn(Metric.FINAL_TEST_MSE.key() + Aggregation.MEAN) ? Metric.FINAL_TEST_MSE
                : Metric.FINAL_TRAIN_MSE;
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-44s %5s %8s %12s %12s %16s%n",
                "configuration", "seeds", "diverged", metric.key().substring("final_".length()), "std", Column.UPDATE_TIME_US.key()));
        for (int i = 0; i < perConfiguration.rowCount(); i++) {
            int n = perConfiguration.intColumn(Aggregation.N).getInt(i);
            int diverged = perConfiguration.intColumn(Aggregation.N_DIVERGED).getInt(i);
            b.append(String.format(Locale.ROOT, "%-44s %5d %8d %12.5g %12.3g %16.2f%n",
                    perConfiguration.stringColumn(TrialTable.CONFIGURATION).get(i), n + diverged, diverged,
                    value(perConfiguration, metric.key() + Aggregation.MEAN, i), value(perConfiguration, metric.key() + Aggregation.STD, i),
                    value(perConfiguration, Metric.MEAN_UPDATE_TIME_US.key() + Aggregation.MEAN, i)));
        }
        return b.toString();
    }

    /** A statistic of row {@code row}; NaN when no trial measured the metric. */
    private static double value(Table perConfiguration, String column, int row) {
        return perConfiguration.containsColumn(column) ? perConfiguration.doubleColumn(column).getDouble(row) : Double.NaN;
    }
}
