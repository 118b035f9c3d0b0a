package ffnlab.plot;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Table;

/**
 * A regression's test predictions against the actual targets (original units), with the line predicted = actual.
 * At most {@link #MAX_POINTS} points are drawn (every k-th test pattern) so the inline SVG stays small.
 * Input: predictions.csv as a table of DoubleColumns {@code actual, predicted}.
 */
public final class PredictedVsActualPlot {
    /** The most points drawn. */
    public static final int MAX_POINTS = 1500;

    private PredictedVsActualPlot() {
    }

    public static XYChart build(Table predictions, String title) {
        double[] actual = predictions.doubleColumn("actual").asDoubleArray();
        double[] predicted = predictions.doubleColumn("predicted").asDoubleArray();
        int step = Math.max(1, (actual.length + MAX_POINTS - 1) / MAX_POINTS);
        int n = (actual.length + step - 1) / step;
        double[] x = new double[n];
        double[] y = new double[n];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            x[i] = actual[i * step];
            y[i] = predicted[i * step];
            lo = Math.min(lo, Math.min(x[i], y[i]));
            hi = Math.max(hi, Math.max(x[i], y[i]));
        }
        String subtitle = step == 1 ? actual.length + " test patterns"
                : "every " + step + "th of " + actual.length + " test patterns";
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title(title + " (" + subtitle + ")").xAxisTitle("actual").yAxisTitle("predicted").build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setMarkerSize(4);
        if (Math.max(Math.abs(lo), Math.abs(hi)) >= 1000) {
            chart.getStyler().setXAxisDecimalPattern("#,##0");
            chart.getStyler().setYAxisDecimalPattern("#,##0");
        }
        XYSeries points = chart.addSeries("test patterns", x, y);
        points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        points.setMarker(SeriesMarkers.CIRCLE);
        points.setMarkerColor(new java.awt.Color(0, 114, 178, 170));
        if (n > 0 && Double.isFinite(lo)) {
            XYSeries diagonal = chart.addSeries("predicted = actual", new double[] {lo, hi}, new double[] {lo, hi});
            diagonal.setMarker(SeriesMarkers.NONE);
            diagonal.setLineColor(ChartStyle.colour(1));
            diagonal.setLineStyle(ChartStyle.DASHED);
        }
        return chart;
    }
}
