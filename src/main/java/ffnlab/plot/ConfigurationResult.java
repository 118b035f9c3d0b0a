package ffnlab.plot;

import ffnlab.analysis.Aggregation;
import ffnlab.analysis.ErrorMeasure;
import ffnlab.analysis.ValidRange;
import ffnlab.analysis.TrialTable;
import ffnlab.results.TrialSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * One configuration of a sweep over several keys, as the multi-key plots show it: its key values, the mean final
 * test metric over the seeds that finished, the 95% confidence interval clipped to the metric's valid range (m.s.e.
 * and loss at least 0, accuracy in [0, 1]), how many seeds finished and diverged, and the hover text that says so.
 *
 * @param values   the swept keys' values as written, in the order of the keys
 * @param mean     mean final test metric over finished seeds; NaN when none finished
 * @param low      lower end of the 95% CI as drawn (clipped); NaN with fewer than two seeds
 * @param high     upper end of the 95% CI as drawn (clipped); NaN with fewer than two seeds
 * @param n        finished seeds
 * @param diverged diverged seeds
 * @param seeds    the finished seeds' final test values, in seed order
 * @param label    the configuration's label ({@code key=value, ...} in sweep order)
 * @param tip      hover text: the configuration's label, n seeds, mean with unit and interval, per-seed values
 */
record ConfigurationResult(List<String> values, double mean, double low, double high, int n, int diverged,
                           List<SeedValue> seeds, String label, String tip) {

    /** One finished seed's final test value. */
    record SeedValue(String seed, double value) {
    }

    /** Whether a mean exists (some seed finished). */
    boolean measured() {
        return Double.isFinite(mean);
    }

    /** Every row of {@code perConfiguration} in its order, with per-seed values from {@code trials}. */
    static List<ConfigurationResult> of(Table perConfiguration, Table trials, List<String> keys, ErrorMeasure measure) {
        for (String key : keys) {
            if (!perConfiguration.containsColumn(key)) {
                throw new IllegalArgumentException("no column " + key + " in the per-configuration table");
            }
        }
        String metric = measure.finalTest().key();
        double[] means = column(perConfiguration, metric + Aggregation.MEAN);
        double[] halfWidths = column(perConfiguration, metric + Aggregation.CI95);
        List<ConfigurationResult> out = new ArrayList<>();
        for (int row = 0; row < perConfiguration.rowCount(); row++) {
            List<String> values = new ArrayList<>();
            for (String key : keys) {
                values.add(label(perConfiguration.column(key), row));
            }
            String configuration = perConfiguration.stringColumn(TrialTable.CONFIGURATION).get(row);
            int n = perConfiguration.intColumn(Aggregation.N).getInt(row);
            int diverged = perConfiguration.intColumn(Aggregation.N_DIVERGED).getInt(row);
            double mean = n == 0 ? Double.NaN : means[row];
            boolean interval = n >= 2 && Double.isFinite(mean) && Double.isFinite(halfWidths[row]);
            double low = interval ? ValidRange.of(measure.finalTest()).clip(mean - halfWidths[row]) : Double.NaN;
            double high = interval ? ValidRange.of(measure.finalTest()).clip(mean + halfWidths[row]) : Double.NaN;
            List<SeedValue> seeds = perSeed(trials, configuration, metric);
            String tip = tip(configuration, measure, mean, low, high, n, diverged, seeds);
            out.add(new ConfigurationResult(List.copyOf(values), mean, low, high, n, diverged, seeds, configuration, tip));
        }
        return out;
    }

    private static String tip(String configuration, ErrorMeasure measure, double mean, double low, double high, int n,
                              int diverged, List<SeedValue> seeds) {
        StringBuilder s = new StringBuilder(configuration).append(": ");
        if (n == 0) {
            return s.append(diverged > 0 ? "diverged (" + diverged + " of " + diverged + " seeds)" : "no finished trial")
                    .toString();
        }
        if (!Double.isFinite(mean)) {
            return s.append("no final test ").append(measure.label()).append(" recorded (").append(n)
                    .append(n == 1 ? " seed)" : " seeds)").toString();
        }
        s.append("final test ").append(measure.label()).append(' ').append(format(mean)).append(' ')
                .append(unit(measure)).append(", ");
        if (n == 1) {
            s.append("1 seed (no interval)");
        } else {
            s.append("mean of ").append(n).append(" seeds, 95% CI [").append(format(low)).append(", ")
                    .append(format(high)).append(']');
        }
        if (diverged > 0) {
            s.append("; ").append(diverged).append(" more diverged");
        }
        if (!seeds.isEmpty()) {
            s.append("; per seed (").append(String.join(", ", seeds.stream().map(SeedValue::seed).toList())).append("): ")
                    .append(String.join(", ", seeds.stream().map(v -> format(v.value())).toList()));
        }
        return s.toString();
    }

    /** The hover text of one seed: {@code <configuration>, seed N: final test m.s.e. 0.301 (scaled m.s.e.)}. */
    String seedTip(SeedValue seed, ErrorMeasure measure) {
        return label + ", seed " + seed.seed() + ": final test " + measure.label() + " " + format(seed.value()) + " "
                + unit(measure);
    }

    /** The finished seeds of {@code configuration} with a final value of {@code metric}, in the table's order. */
    private static List<SeedValue> perSeed(Table trials, String configuration, String metric) {
        List<SeedValue> seeds = new ArrayList<>();
        if (trials == null || !trials.containsColumn(metric)) {
            return seeds;
        }
        for (int i = 0; i < trials.rowCount(); i++) {
            if (trials.stringColumn(TrialTable.CONFIGURATION).get(i).equals(configuration)
                    && !trials.stringColumn(TrialTable.STATUS).get(i).equals(TrialSchema.DIVERGED)
                    && Double.isFinite(trials.numberColumn(metric).getDouble(i))) {
                seeds.add(new SeedValue(trials.column(TrialTable.SEED).getString(i), trials.numberColumn(metric).getDouble(i)));
            }
        }
        return List.copyOf(seeds);
    }

    /** The unit of the final test metric in parentheses, as the swept plot names it. */
    static String unit(ErrorMeasure measure) {
        return "(" + measure.unit() + ")";
    }

    /** The unit of a swept key in parentheses, as the swept plot's axis names it. */
    static String unit(String key) {
        return "(" + SweptAxis.unit(key) + ")";
    }

    /** Three significant digits, plain from 0.001 to under 1000, else scientific: 0.300, 12.5, 1.00, 1.23e+06. */
    static String format(double v) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "n/a" : (v > 0 ? "inf" : "-inf");
        }
        if (v != 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 999.5)) {
            return String.format(Locale.ROOT, "%.2e", v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }

    /** A key value as written: whole numbers without ".0", other numbers as Java prints them, text as is. */
    static String label(Column<?> column, int row) {
        return column instanceof NumericColumn<?> n ? SweptAxis.format(n.getDouble(row)) : column.getString(row);
    }

    private static double[] column(Table table, String name) {
        return ErrorVsSweptPlot.column(table, name);
    }
}
