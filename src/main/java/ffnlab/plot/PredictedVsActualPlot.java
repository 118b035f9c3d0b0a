package ffnlab.plot;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Table;

/**
 * A regression's test predictions against the actual targets (original units), with the line predicted = actual.
 * At most {@link #MAX_POINTS} points are drawn (every k-th test pattern) so the inline SVG stays small.
 * Input: predictions.csv as a table of DoubleColumns {@code actual, predicted} and, for several outputs, an IntColumn
 * {@code output} (one series per output).
 */
public final class PredictedVsActualPlot {
    /** The most points drawn. */
    public static final int MAX_POINTS = 1500;

    private PredictedVsActualPlot() {
    }

    public static XYChart build(Table predictions, String title) {
        int rows = predictions.rowCount();
        int step = Math.max(1, (rows + MAX_POINTS - 1) / MAX_POINTS);
        boolean several = predictions.containsColumn("output") && predictions.intColumn("output").countUnique() > 1;
        String subtitle = step == 1 ? rows + " test values" : "every " + step + "th of " + rows + " test values";
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title(title + " (" + subtitle + ")").xAxisTitle("actual").yAxisTitle("predicted").build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setMarkerSize(several ? 6 : 4);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        java.util.List<Integer> outputs = several ? predictions.intColumn("output").unique().asList().stream().sorted().toList()
                : java.util.List.of(0);
        for (int output : outputs) {
            Table part = several ? predictions.where(predictions.intColumn("output").isEqualTo(output)) : predictions;
            double[] actual = part.doubleColumn("actual").asDoubleArray();
            double[] predicted = part.doubleColumn("predicted").asDoubleArray();
            int n = (actual.length + step - 1) / step;
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = actual[i * step];
                y[i] = predicted[i * step];
                lo = Math.min(lo, Math.min(x[i], y[i]));
                hi = Math.max(hi, Math.max(x[i], y[i]));
            }
            XYSeries points = chart.addSeries(several ? "output " + output : "test patterns", x, y);
            points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            points.setMarker(SeriesMarkers.CIRCLE);
            java.awt.Color c = ChartStyle.colour(several ? output - 1 : 0);
            points.setMarkerColor(new java.awt.Color(c.getRed(), c.getGreen(), c.getBlue(), 170));
        }
        if (Double.isFinite(lo)) {
            if (Math.max(Math.abs(lo), Math.abs(hi)) >= 1000) {
                chart.getStyler().setXAxisDecimalPattern("#,##0");
                chart.getStyler().setYAxisDecimalPattern("#,##0");
            }
            XYSeries diagonal = chart.addSeries("predicted = actual", new double[] {lo, hi}, new double[] {lo, hi});
            diagonal.setMarker(SeriesMarkers.NONE);
            diagonal.setLineColor(ChartStyle.colour(several ? outputs.size() : 1));
            diagonal.setLineStyle(ChartStyle.DASHED);
        }
        return chart;
    }
}
