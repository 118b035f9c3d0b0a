package ffnlab.plot;

import ffnlab.analysis.Aggregation;
import ffnlab.results.TrialSchema.Metric;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Table;

/**
 * Time per weight update (left axis, microseconds) and time per epoch (right axis, seconds) against batch size,
 * mean over seeds with 95% CI error bars, log x (the chapter's Example 5b: the U-curve of the time per update).
 * Input: {@link Aggregation#perConfiguration} with {@code mean_update_time_us_*} and {@code mean_epoch_time_s_*}.
 */
public final class UpdateTimePlot {
    private UpdateTimePlot() {
    }

    /**
     * @param perConfiguration aggregate table, one row per configuration
     * @param batchKey         the swept batch-size key, a numeric column
     */
    public static XYChart build(Table perConfiguration, String batchKey) {
        SweptAxis axis = SweptAxis.of(perConfiguration, batchKey);
        if (!axis.numeric()) {
            throw new IllegalArgumentException("batch size column '" + batchKey + "' is not numeric");
        }
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title("time per weight update and per epoch against batch size")
                .xAxisTitle(batchKey + " (batch size B)").yAxisTitle("time per weight update, us").build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setXAxisLogarithmic(axis.positive());
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setXAxisLogarithmicDecadeOnly(ChartStyle.decadesOnly(axis.x()));
        double[] times = ErrorVsSweptPlot.column(perConfiguration, Metric.MEAN_UPDATE_TIME_US.key() + Aggregation.MEAN);
        double[] epochs = ErrorVsSweptPlot.column(perConfiguration, Metric.MEAN_EPOCH_TIME_S.key() + Aggregation.MEAN);
        chart.getStyler().setYAxisLogarithmicDecadeOnly(ChartStyle.decadesOnly(times) || ChartStyle.decadesOnly(epochs));
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        chart.setYAxisGroupTitle(0, "time per weight update, us");
        chart.setYAxisGroupTitle(1, "time per epoch, s");
        series(chart, "time per weight update (us)", axis.x(), perConfiguration, Metric.MEAN_UPDATE_TIME_US.key(), 0);
        series(chart, "time per epoch (s)", axis.x(), perConfiguration, Metric.MEAN_EPOCH_TIME_S.key(), 1);
        return chart;
    }

    private static void series(XYChart chart, String name, double[] x, Table table, String metric, int group) {
        double[] y = ErrorVsSweptPlot.column(table, metric + Aggregation.MEAN);
        double[] ci = ChartStyle.finiteOrZero(ErrorVsSweptPlot.column(table, metric + Aggregation.CI95));
        // a log axis cannot show the bar below zero: clip the lower end at 5% of the mean
        double[] clipped = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            clipped[i] = Math.min(ci[i], 0.95 * Math.abs(y[i]));
        }
        XYSeries s = chart.addSeries(name, x, y, clipped);
        s.setYAxisGroup(group);
        s.setMarker(group == 0 ? SeriesMarkers.CIRCLE : SeriesMarkers.SQUARE);
        s.setLineStyle(group == 0 ? ChartStyle.SOLID : ChartStyle.DASHED);
        s.setLineColor(ChartStyle.colour(group));
        s.setMarkerColor(ChartStyle.colour(group));
    }
}
