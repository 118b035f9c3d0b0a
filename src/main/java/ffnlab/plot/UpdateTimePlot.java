package ffnlab.plot;

import ffnlab.analysis.Aggregation;
import ffnlab.analysis.CurveMinimum;
import ffnlab.analysis.SeedValues;
import ffnlab.analysis.TrialTable;
import ffnlab.analysis.ValidRange;
import ffnlab.results.TrialSchema.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Table;

/**
 * Time per weight update (left axis, µs) and time per epoch (right axis, s) against batch size, both on log axes (the
 * chapter's Example 5b: the U-curve of the time per update). Each seed is a small dot, the mean over seeds a line,
 * and its 95% confidence interval a vertical segment with both ends where they are; an interval whose lower end
 * reaches zero (which a log axis cannot show) is drawn down to the axis' bottom edge and named in the notes, its upper
 * end unchanged. A diamond marks the lowest mean time per epoch. Batch sizes tick at the swept sizes.
 * Input: {@link Aggregation#perConfiguration} with {@code mean_update_time_us_*} and {@code mean_epoch_time_s_*}.
 */
public final class UpdateTimePlot {
    private static final String UPDATE = "time per weight update (µs)";
    private static final String EPOCH = "time per epoch (s)";

    private UpdateTimePlot() {
    }

    /**
     * @param perConfiguration aggregate table, one row per configuration
     * @param trials           {@link TrialTable#summaries}, for the seeds behind each mean
     * @param batchKey         the swept batch-size key, a numeric column
     */
    public static AnnotatedChart build(Table perConfiguration, Table trials, String batchKey) {
        SweptAxis axis = SweptAxis.of(perConfiguration, batchKey);
        if (!axis.numeric()) {
            throw new IllegalArgumentException("batch size column '" + batchKey + "' is not numeric");
        }
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title("time per weight update and per epoch against batch size")
                .xAxisTitle(axis.title()).yAxisTitle(UPDATE).build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setXAxisTickLabelsFormattingFunction(axis::tickLabel);
        chart.getStyler().setYAxisTickLabelsFormattingFunction(UpdateTimePlot::logTickLabel);
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        chart.setYAxisGroupTitle(0, UPDATE);
        chart.setYAxisGroupTitle(1, EPOCH);
        chart.getStyler().setYAxisLogarithmicDecadeOnly(false);
        List<String> notes = new ArrayList<>();
        series(chart, axis, perConfiguration, trials, Metric.MEAN_UPDATE_TIME_US.key(), "time per weight update", "µs", 0, notes);
        series(chart, axis, perConfiguration, trials, Metric.MEAN_EPOCH_TIME_S.key(), "time per epoch", "s", 1, notes);
        markMinimum(chart, axis, perConfiguration, Metric.MEAN_EPOCH_TIME_S.key(), "time per epoch", 1);
        return new AnnotatedChart(chart, notes);
    }

    /**
     * A large diamond on the lowest mean of {@code key} ({@link CurveMinimum}), named in the legend with its batch
     * size; nothing when no configuration has a mean.
     */
    static void markMinimum(XYChart chart, SweptAxis axis, Table table, String key, String what, int group) {
        double[] mean = ErrorVsSweptPlot.column(table, key + Aggregation.MEAN);
        CurveMinimum.of(axis.values(), mean, ErrorVsSweptPlot.column(table, key + Aggregation.CI95)).ifPresent(m -> {
            XYSeries s = chart.addSeries("lowest " + what + " (" + axis.labels().get(m.row()) + ")",
                    new double[] {axis.positions()[m.row()]}, new double[] {m.mean()});
            s.setYAxisGroup(group);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.DIAMOND);
            s.setMarkerColor(java.awt.Color.BLACK);
        });
    }

    /**
     * The mean of {@code key} over seeds as a line (skipping configurations without a mean), its 95% CI as vertical
     * segments, and each seed as a faded dot, on y-axis group {@code group} of a log axis.
     */
    static void series(XYChart chart, SweptAxis axis, Table table, Table trials, String key, String what,
                       String unit, int group, List<String> notes) {
        double[] mean = ErrorVsSweptPlot.column(table, key + Aggregation.MEAN);
        double[] ci = ErrorVsSweptPlot.column(table, key + Aggregation.CI95);
        SeedValues seeds = SeedValues.of(trials, table, key);
        ValidRange valid = ValidRange.NON_NEGATIVE;
        double bottom = bottom(mean, seeds, ci);
        String prefix = group == 0 ? "" : what + " ";
        Map<Long, List<double[]>> bySeed = new TreeMap<>();
        Map<Long, List<String>> seedTips = new TreeMap<>();
        String[] tips = new String[mean.length];
        double[] segmentX = new double[3 * mean.length];
        double[] segmentY = new double[3 * mean.length];
        boolean intervals = false;
        for (int c = 0; c < mean.length; c++) {
            String configuration = table.stringColumn(TrialTable.CONFIGURATION).get(c);
            for (int i = 0; i < seeds.values()[c].length; i++) {
                long seed = seeds.seeds()[c][i];
                bySeed.computeIfAbsent(seed, k -> new ArrayList<>()).add(new double[] {axis.positions()[c], seeds.values()[c][i]});
                seedTips.computeIfAbsent(seed, k -> new ArrayList<>()).add(configuration + ", seed " + seed + ": " + what + " "
                        + ErrorVsSweptPlot.number(seeds.values()[c][i]) + " " + unit + ", trial " + seeds.trialIds()[c][i]);
            }
            int n = table.intColumn(Aggregation.N).getInt(c);
            double lo = valid.lower(mean[c], ci[c]);
            double hi = valid.upper(mean[c], ci[c]);
            tips[c] = configuration + ": " + what + " " + ErrorVsSweptPlot.number(mean[c]) + " " + unit + ", mean of " + n
                    + (n == 1 ? " seed, no interval" : " seeds, 95% CI [" + ErrorVsSweptPlot.number(lo) + ", "
                    + ErrorVsSweptPlot.number(hi) + "]");
            boolean finite = Double.isFinite(ci[c]) && Double.isFinite(mean[c]);
            if (finite && lo <= 0) {
                notes.add("The 95% CI of the " + what + " at " + configuration + " reaches 0 " + unit + " (upper end "
                        + ErrorVsSweptPlot.number(hi) + "); a log axis cannot show 0, so it is drawn to the bottom edge.");
            }
            segmentX[3 * c] = axis.positions()[c];
            segmentX[3 * c + 1] = axis.positions()[c];
            segmentX[3 * c + 2] = axis.positions()[c];
            segmentY[3 * c] = finite ? Math.max(lo, bottom) : Double.NaN;
            segmentY[3 * c + 1] = finite ? hi : Double.NaN;
            segmentY[3 * c + 2] = Double.NaN;
            intervals |= finite;
        }
        String name = what + " (" + unit + ")";
        XYSeries s = chart.addSeries(name, axis.positions(), mean);
        s.setYAxisGroup(group);
        s.setMarker(group == 0 ? SeriesMarkers.CIRCLE : SeriesMarkers.SQUARE);
        s.setLineStyle(group == 0 ? ChartStyle.SOLID : ChartStyle.DASHED);
        s.setLineColor(ChartStyle.colour(group));
        s.setMarkerColor(ChartStyle.colour(group));
        PointTips.set(s, tips);
        if (intervals) {
            XYSeries bars = chart.addSeries(name + " 95% CI", segmentX, segmentY);
            bars.setYAxisGroup(group);
            bars.setMarker(SeriesMarkers.NONE);
            bars.setLineStyle(new java.awt.BasicStroke(1.6f));
            bars.setLineColor(ChartStyle.colour(group));
            bars.setShowInLegend(false);
        }
        bySeed.forEach((seed, points) -> {
            XYSeries p = chart.addSeries(prefix + "seed " + seed, points.stream().mapToDouble(v -> v[0]).toArray(),
                    points.stream().mapToDouble(v -> v[1]).toArray());
            p.setYAxisGroup(group);
            p.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            p.setMarker(group == 0 ? SeriesMarkers.CIRCLE : SeriesMarkers.SQUARE);
            p.setMarkerColor(ChartStyle.faded(ChartStyle.colour(group)));
            p.setShowInLegend(false);
            PointTips.set(p, seedTips.get(seed).toArray(String[]::new));
        });
        chart.getStyler().setYAxisMin(group, bottom);
    }

    /**
     * The label of a log axis tick at {@code v}: the value in plain numbers at 1, 2 and 5 times a power of ten,
     * nothing at 3, 4, 6, 7, 8 and 9 times it (whose labels would run together near the top of a decade).
     */
    static String logTickLabel(double v) {
        if (!(v > 0)) {
            return " ";
        }
        double mantissa = v / Math.pow(10, Math.floor(Math.log10(v) + 1e-9));
        long leading = Math.round(mantissa);
        return Math.abs(mantissa - leading) < 1e-6 && (leading == 1 || leading == 2 || leading == 5 || leading == 10)
                ? SweptAxis.format(v) : " ";
    }

    /** The bottom of a log axis: half the smallest positive mean, seed or interval end, so every one of them shows. */
    private static double bottom(double[] mean, SeedValues seeds, double[] ci) {
        double smallest = Double.POSITIVE_INFINITY;
        for (int c = 0; c < mean.length; c++) {
            for (double v : new double[] {mean[c], Double.isFinite(ci[c]) ? mean[c] - ci[c] : mean[c]}) {
                if (v > 0) {
                    smallest = Math.min(smallest, v);
                }
            }
            for (double v : seeds.values()[c]) {
                if (v > 0) {
                    smallest = Math.min(smallest, v);
                }
            }
        }
        return Double.isFinite(smallest) ? smallest / 2 : 1e-3;
    }
}
