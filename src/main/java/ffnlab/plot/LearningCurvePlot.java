package ffnlab.plot;

import ffnlab.analysis.Aggregation;
import ffnlab.analysis.TrialTable;
import ffnlab.results.TrialSchema.Column;
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
    /** Longer curves are drawn at every k-th epoch (and the last), so a 20000-epoch run stays a small SVG. */
    public static final int MAX_POINTS_PER_LINE = 250;
    /** Interval bounds are drawn for at most this many configurations; more would hide the means. */
    public static final int MAX_CONFIGURATIONS_WITH_BANDS = 4;

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
        int longest = 0;
        java.util.Map<String, Integer> lengths = new java.util.HashMap<>();
        for (String c : curves.stringColumn(TrialTable.CONFIGURATION)) {
            longest = Math.max(longest, lengths.merge(c, 1, Integer::sum));
        }
        int stride = Math.max(1, (longest + MAX_POINTS_PER_LINE - 1) / MAX_POINTS_PER_LINE);
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title(stride == 1 ? title : title + " (every " + stride + "th epoch)")
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
            Table rows = thin(curves.where(curves.stringColumn(TrialTable.CONFIGURATION).isEqualTo(configuration)), stride);
            double[] epochs = rows.intColumn(Column.EPOCH.key()).asDoubleArray();
            String label = ordered.size() == 1 ? "" : configuration + " ";
            double[] test = rows.doubleColumn(primary + Aggregation.MEAN).asDoubleArray();
            allPositive &= positive(test);
            for (double v : test) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            line(chart, label + primaryName, epochs, test, ChartStyle.SOLID, colour, stride == 1);
            double[] half = rows.doubleColumn(primary + Aggregation.CI95).asDoubleArray();
            // no interval lines where seeds agree exactly (deterministic runs) or there is one seed
            if (ordered.size() <= MAX_CONFIGURATIONS_WITH_BANDS
                    && java.util.Arrays.stream(half).anyMatch(h -> Double.isFinite(h) && h > 0)) {
                double[] low = new double[test.length];
                double[] high = new double[test.length];
                for (int i = 0; i < test.length; i++) {
                    double h = Double.isFinite(half[i]) ? half[i] : 0;
                    low[i] = test[i] - h;
                    high[i] = test[i] + h;
                }
                allPositive &= positive(low);
                for (var bound : java.util.List.of(line(chart, label + primaryName + " 95% CI low", epochs, low,
                        ChartStyle.DOTTED, colour, false), line(chart, label + primaryName + " 95% CI high", epochs, high,
                        ChartStyle.DOTTED, colour, false))) {
                    bound.setShowInLegend(false);
                    bound.setLineColor(ChartStyle.faded(ChartStyle.colour(colour)));
                }
            }
            if (secondary != null) {
                double[] train = rows.doubleColumn(secondary + Aggregation.MEAN).asDoubleArray();
                allPositive &= positive(train);
                line(chart, label + "train", epochs, train, ChartStyle.DASHED, colour, stride == 1);
            }
            colour++;
        }
        // XChart labels a log axis at decades only: use it when the curves span more than one
        chart.getStyler().setYAxisLogarithmic(logY && allPositive && hi / lo > 20 && !chart.getSeriesCollection().isEmpty());
        AxisRange.boundY(chart);
        return chart;
    }

    /** Rows 0, k, 2k, ... and the last. */
    private static Table thin(Table rows, int stride) {
        if (stride == 1) {
            return rows;
        }
        java.util.List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < rows.rowCount(); i += stride) {
            keep.add(i);
        }
        if (keep.getLast() != rows.rowCount() - 1) {
            keep.add(rows.rowCount() - 1);
        }
        return rows.rows(keep.stream().mapToInt(Integer::intValue).toArray());
    }

    /** A line in the legend; with markers when it has few points, all drawn ({@code markers}). */
    private static XYSeries line(XYChart chart, String name, double[] x, double[] y, java.awt.BasicStroke stroke, int colour,
                                 boolean markers) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(x.length <= 30 && markers ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        s.setLineStyle(stroke);
        s.setLineColor(ChartStyle.colour(colour));
        s.setMarkerColor(ChartStyle.colour(colour));
        return s;
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
