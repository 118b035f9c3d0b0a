package ffnlab.plot;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Table;

/**
 * A regression's test predictions against the actual targets (original units), one series per seed
 * ({@code seed N}), with the line predicted = actual. At most {@link #MAX_POINTS} points are drawn in all (every k-th
 * test pattern of each seed) so the inline SVG stays small. Both axes share one {@link AxisRange}, so any finite
 * values (a diverged network's 1e15 included) render in bounded time; non-finite pairs are left out. Each point's
 * hover text names its seed and both values with their unit.
 * Input: predictions.csv tables, one per seed, of DoubleColumns {@code actual, predicted} and, for several outputs,
 * an IntColumn {@code output} (one series per seed and output).
 */
public final class PredictedVsActualPlot {
    /** The most points drawn, over all seeds. */
    public static final int MAX_POINTS = 600;

    private PredictedVsActualPlot() {
    }

    /** One seed's predictions, in the data's unit (e.g. {@code $}). */
    public static XYChart build(Table predictions, String title) {
        return build(new java.util.TreeMap<>(java.util.Map.of(0L, predictions)), title, "target", "value");
    }

    /**
     * @param bySeed   each seed's predictions.csv, in seed order
     * @param title    the chart title
     * @param quantity what the target is, e.g. {@code median house value}
     * @param unit     its unit, e.g. {@code $}
     */
    public static XYChart build(java.util.SortedMap<Long, Table> bySeed, String title, String quantity, String unit) {
        int rows = bySeed.values().stream().mapToInt(Table::rowCount).max().orElse(0);
        int perSeed = Math.max(1, MAX_POINTS / Math.max(1, bySeed.size()));
        int step = Math.max(1, (rows + perSeed - 1) / perSeed);
        String seeds = bySeed.size() > 1 ? bySeed.size() + " seeds, " : "";
        String subtitle = seeds + (step == 1 ? rows + " test values" : "every " + step + "th of " + rows + " test values");
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title(title + " (" + subtitle + ")").xAxisTitle("actual " + quantity + " (" + unit + ")")
                .yAxisTitle("predicted " + quantity + " (" + unit + ")").build();
        ChartStyle.apply(chart.getStyler());
        java.util.List<double[]> drawn = new java.util.ArrayList<>();
        int seedIndex = 0;
        int seriesCount = 0;
        int colours = 0;
        for (var entry : bySeed.entrySet()) {
            Table predictions = entry.getValue();
            boolean several = predictions.containsColumn("output") && predictions.intColumn("output").countUnique() > 1;
            java.util.List<Integer> outputs = several
                    ? predictions.intColumn("output").unique().asList().stream().sorted().toList() : java.util.List.of(0);
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
                String name = (bySeed.size() > 1 || entry.getKey() != 0 ? "seed " + entry.getKey() : "test patterns")
                        + (several ? " output " + output : "");
                if (n == 0) {
                    continue;
                }
                x = java.util.Arrays.copyOf(x, n);
                y = java.util.Arrays.copyOf(y, n);
                drawn.add(x);
                drawn.add(y);
                XYSeries points = chart.addSeries(name, x, y);
                points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                // several outputs: colour by output, marker by seed; one output: colour by seed
                int colour = several ? output - 1 : seedIndex;
                colours = Math.max(colours, colour + 1);
                points.setMarker(several ? SweepStyle.marker(seedIndex) : SeriesMarkers.CIRCLE);
                java.awt.Color c = ChartStyle.colour(colour);
                points.setMarkerColor(new java.awt.Color(c.getRed(), c.getGreen(), c.getBlue(), 170));
                String[] tips = new String[n];
                for (int i = 0; i < n; i++) {
                    tips[i] = name + ": actual " + LearningCurvePlot.number(x[i]) + ", predicted "
                            + LearningCurvePlot.number(y[i]) + " (" + unit + ")";
                }
                PointTips.set(points, tips);
                seriesCount++;
            }
            seedIndex++;
        }
        chart.getStyler().setMarkerSize(seriesCount > 1 ? 5 : 4);
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
            diagonal.setLineColor(ChartStyle.colour(colours));
            diagonal.setLineStyle(ChartStyle.DASHED);
        }
        return chart;
    }
}
