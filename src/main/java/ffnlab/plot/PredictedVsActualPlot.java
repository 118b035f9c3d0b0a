package ffnlab.plot;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Table;

/**
 * A regression's test predictions against the actual targets (original units), with the line predicted = actual.
 * At most {@link #MAX_POINTS} points are drawn (every k-th test pattern) so the inline SVG stays small. Both axes
 * share one {@link AxisRange}, so any finite values (a diverged network's 1e15 included) render in bounded time;
 * non-finite pairs are left out.
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
        java.util.List<double[]> drawn = new java.util.ArrayList<>();
        java.util.List<Integer> outputs = several ? predictions.intColumn("output").unique().asList().stream().sorted().toList()
                : java.util.List.of(0);
        for (int output : outputs) {
            Table part = several ? predictions.where(predictions.intColumn("output").isEqualTo(output)) : predictions;
            double[] actual = part.doubleColumn("actual").asDoubleArray();
            double[] predicted = part.doubleColumn("predicted").asDoubleArray();
            int n = 0;
            double[] x = new double[(actual.length + step - 1) / step];
            double[] y = new double[x.length];
            for (int i = 0; i < actual.length; i += step) {
                if (Double.isFinite(actual[i]) && Double.isFinite(predicted[i])) {
                    x[n] = AxisRange.clamp(actual[i]);
                    y[n] = AxisRange.clamp(predicted[i]);
                    n++;
                }
            }
            if (n == 0) {
                continue;
            }
            x = java.util.Arrays.copyOf(x, n);
            y = java.util.Arrays.copyOf(y, n);
            drawn.add(x);
            drawn.add(y);
            XYSeries points = chart.addSeries(several ? "output " + output : "test patterns", x, y);
            points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            points.setMarker(SeriesMarkers.CIRCLE);
            java.awt.Color c = ChartStyle.colour(several ? output - 1 : 0);
            points.setMarkerColor(new java.awt.Color(c.getRed(), c.getGreen(), c.getBlue(), 170));
        }
        if (!drawn.isEmpty()) {
            AxisRange range = AxisRange.of(drawn.toArray(double[][]::new));
            double lo = range.min();
            double hi = range.max();
            chart.getStyler().setXAxisMin(lo).setXAxisMax(hi).setYAxisMin(lo).setYAxisMax(hi);
            if (Math.max(Math.abs(lo), Math.abs(hi)) >= 1e9) {
                chart.getStyler().setXAxisDecimalPattern("0.###E0");
                chart.getStyler().setYAxisDecimalPattern("0.###E0");
            } else if (Math.max(Math.abs(lo), Math.abs(hi)) >= 1000) {
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
