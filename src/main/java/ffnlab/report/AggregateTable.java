package ffnlab.report;

import static ffnlab.report.Html.escape;

import ffnlab.analysis.Aggregation;
import ffnlab.analysis.ConfidenceInterval;
import ffnlab.analysis.ErrorMeasure;
import ffnlab.analysis.Optimum;
import ffnlab.analysis.TrialTable;
import ffnlab.analysis.ValidRange;
import ffnlab.results.TrialSchema;
import ffnlab.results.TrialSchema.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tech.tablesaw.api.Table;

/**
 * The page's table per configuration: n, diverged, and per measured metric the mean &plusmn; 95% CI over the finished
 * seeds (the standard deviation on hover), except whole-number epoch metrics, shown as median (min&ndash;max) over
 * the seeds, and m.s.e.s in squared original units, shown as the seeds' mean RMSE &plusmn; CI in the target's unit. Sortable; wrapped headers, a smaller font and a sticky first column keep every column reachable.
 */
final class AggregateTable {
    /** Metrics that count epochs: their spread over seeds is shown as a range, never as mean &plusmn; CI. */
    static final Set<Metric> EPOCH_METRICS = Set.of(Metric.FINAL_EPOCH, Metric.BEST_TEST_EPOCH);

    /**
     * Metrics in squared original units (dollars squared for housing): shown as the RMSE over the seeds in the
     * target's own unit, which a reader can compare with the target's values.
     */
    static final Set<Metric> ORIGINAL_UNIT_METRICS = Set.of(Metric.FINAL_TRAIN_MSE_ORIG, Metric.FINAL_TEST_MSE_ORIG);

    /** Labels longer than this become the metric's key in words (the label stays in the header's hover text). */
    private static final int MAX_HEADER = 36;

    private AggregateTable() {
    }

    static void append(StringBuilder h, ExperimentFindings f) {
        Table t = f.perConfiguration();
        List<Metric> shown = new ArrayList<>();
        for (Metric m : Metric.values()) {
            if (t.containsColumn(m.key() + Aggregation.MEAN)) {
                shown.add(m);
            }
        }
        h.append("<div class=\"scroll\"><table id=\"aggregate-table\" class=\"sortable wide\"><thead><tr>")
                .append("<th>configuration</th><th>n</th><th>diverged</th>");
        for (Metric m : shown) {
            h.append("<th title=\"").append(escape(m.key() + ": " + m.label())).append("\">").append(escape(header(m, f)))
                    .append(EPOCH_METRICS.contains(m) ? " &ndash; median (min&ndash;max)" : "").append("</th>");
        }
        h.append("</tr></thead><tbody>\n");
        boolean marked = t.containsColumn(Optimum.VS_OPTIMUM);
        for (int i = 0; i < t.rowCount(); i++) {
            String configuration = t.stringColumn(TrialTable.CONFIGURATION).get(i);
            String mark = marked ? t.stringColumn(Optimum.VS_OPTIMUM).get(i) : "";
            h.append("<tr").append(mark.isEmpty() ? "" : " class=\"" + mark + "\"").append("><td class=\"text\">")
                    .append(escape(configuration)).append(mark.equals("optimum") ? " (optimum)" : "").append("</td><td>")
                    .append(t.intColumn(Aggregation.N).getInt(i)).append("</td><td>")
                    .append(t.intColumn(Aggregation.N_DIVERGED).getInt(i)).append("</td>");
            for (Metric m : shown) {
                if (EPOCH_METRICS.contains(m)) {
                    double[] seeds = finishedValues(f.trials(), configuration, m);
                    java.util.Arrays.sort(seeds);
                    h.append("<td data-sort=\"").append(seeds.length == 0 ? "" : Html.median(seeds)).append("\">")
                            .append(escape(Html.medianRange(seeds))).append("</td>");
                    continue;
                }
                if (ORIGINAL_UNIT_METRICS.contains(m)) {
                    String unit = f.targetQuantityAndUnit().get(1);
                    ConfidenceInterval.Mean rmse = ConfidenceInterval.of(java.util.Arrays.stream(
                            finishedValues(f.trials(), configuration, m)).map(ErrorMeasure::rmse).toArray());
                    h.append("<td data-sort=\"").append(Double.isFinite(rmse.mean()) ? rmse.mean() : "").append("\">")
                            .append(escape(Html.amount(rmse.mean(), unit) + (Double.isFinite(rmse.halfWidth())
                                    ? " \u00b1 " + Html.amount(rmse.halfWidth(), unit) : ""))).append("</td>");
                    continue;
                }
                double mean = t.doubleColumn(m.key() + Aggregation.MEAN).getDouble(i);
                double std = t.doubleColumn(m.key() + Aggregation.STD).getDouble(i);
                h.append("<td data-sort=\"").append(Double.isFinite(mean) ? mean : "").append("\" title=\"std ")
                        .append(Html.number(std)).append("\">")
                        .append(escape(Html.meanCi(mean, t.doubleColumn(m.key() + Aggregation.CI95).getDouble(i),
                                ValidRange.of(m))))
                        .append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table></div>\n");
    }

    /**
     * A metric's column header: its label, or its key in words where the label would not fit a narrow column; an
     * original-unit m.s.e. is headed as the RMSE in the target's unit.
     */
    static String header(Metric m, ExperimentFindings f) {
        if (ORIGINAL_UNIT_METRICS.contains(m)) {
            return (m == Metric.FINAL_TRAIN_MSE_ORIG ? "final train" : "final test") + " RMSE ("
                    + f.targetQuantityAndUnit().get(1) + ")";
        }
        return m.label().length() <= MAX_HEADER ? m.label() : m.key().replace('_', ' ');
    }

    /** The finite values of {@code metric} over the trials of one configuration that did not diverge. */
    static double[] finishedValues(Table trials, String configuration, Metric metric) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < trials.rowCount(); i++) {
            if (trials.stringColumn(TrialTable.CONFIGURATION).get(i).equals(configuration)
                    && !trials.stringColumn(TrialTable.STATUS).get(i).equals(TrialSchema.DIVERGED)) {
                double v = trials.doubleColumn(metric.key()).getDouble(i);
                if (Double.isFinite(v)) {
                    out.add(v);
                }
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
