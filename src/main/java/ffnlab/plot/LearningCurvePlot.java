package ffnlab.plot;

import ffnlab.analysis.Aggregation;
import ffnlab.analysis.Metric;
import ffnlab.analysis.TrialTable;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Table;

/**
 * Error (or accuracy, or loss) against epochs, one colour per configuration: the mean over seeds as a line (test
 * solid, train dashed) and the 95% confidence interval of the test curve as two thin dotted lines in the same colour
 * (the chapter's Examples 3a, 4 and 5).
 * Input: {@link Aggregation#curves} with {@code <column>_mean} and {@code <column>_ci95} for the given columns.
 */
public final class LearningCurvePlot {
    private LearningCurvePlot() {
    }

    /**
     * @param curves      per configuration and epoch, from {@link Aggregation#curves}
     * @param trainColumn e.g. {@code train_mse}, or null to draw only the test curve
     * @param testColumn  e.g. {@code test_mse}, or null to draw only the training curve (solid, with its interval)
     * @param title       the chart title
     * @param yTitle      the y axis title
     * @param logY        logarithmic y axis (used only when all values are positive and span more than a decade)
     */
    public static XYChart build(Table curves, String trainColumn, String testColumn, String title, String yTitle,
                                boolean logY) {
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT).title(title)
                .xAxisTitle("epoch").yAxisTitle(yTitle).build();
        ChartStyle.apply(chart.getStyler());
        List<String> ordered = new ArrayList<>();
        for (String c : curves.stringColumn(TrialTable.CONFIGURATION)) {
            if (!ordered.contains(c)) {
                ordered.add(c);
            }
        }
        String primary = testColumn != null ? testColumn : trainColumn;
        String primaryName = testColumn != null ? "test" : "train";
        String secondary = testColumn != null ? trainColumn : null;
        boolean allPositive = true;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int colour = 0;
        for (String configuration : ordered) {
            Table rows = curves.where(curves.stringColumn(TrialTable.CONFIGURATION).isEqualTo(configuration));
            double[] epochs = rows.intColumn(Metric.EPOCH).asDoubleArray();
            String label = ordered.size() == 1 ? "" : configuration + " ";
            double[] test = rows.doubleColumn(primary + Aggregation.MEAN).asDoubleArray();
            allPositive &= positive(test);
            for (double v : test) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            line(chart, label + primaryName, epochs, test, ChartStyle.SOLID, colour, true);
            double[] half = rows.doubleColumn(primary + Aggregation.CI95).asDoubleArray();
            if (java.util.Arrays.stream(half).anyMatch(Double::isFinite)) {
                double[] low = new double[test.length];
                double[] high = new double[test.length];
                for (int i = 0; i < test.length; i++) {
                    double h = Double.isFinite(half[i]) ? half[i] : 0;
                    low[i] = test[i] - h;
                    high[i] = test[i] + h;
                }
                allPositive &= positive(low);
                line(chart, label + primaryName + " 95% CI low", epochs, low, ChartStyle.DOTTED, colour, false);
                line(chart, label + primaryName + " 95% CI high", epochs, high, ChartStyle.DOTTED, colour, false);
            }
            if (secondary != null) {
                double[] train = rows.doubleColumn(secondary + Aggregation.MEAN).asDoubleArray();
                allPositive &= positive(train);
                line(chart, label + "train", epochs, train, ChartStyle.DASHED, colour, true);
            }
            colour++;
        }
        // XChart labels a log axis at decades only: use it when the curves span more than one
        chart.getStyler().setYAxisLogarithmic(logY && allPositive && hi / lo > 20 && !chart.getSeriesMap().isEmpty());
        return chart;
    }

    private static void line(XYChart chart, String name, double[] x, double[] y, java.awt.BasicStroke stroke, int colour,
                             boolean inLegend) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(x.length <= 30 && inLegend ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        s.setLineStyle(stroke);
        s.setLineColor(ChartStyle.colour(colour));
        s.setMarkerColor(ChartStyle.colour(colour));
        s.setShowInLegend(inLegend);
    }

    private static boolean positive(double[] values) {
        for (double v : values) {
            if (Double.isFinite(v) && v <= 0) {
                return false;
            }
        }
        return true;
    }
}
