package ffnlab.plot;

import ffnlab.analysis.Aggregation;
import ffnlab.analysis.ErrorMeasure;
import ffnlab.analysis.Optimum;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Table;

/**
 * Final test and training error against the swept value, mean over seeds with 95% CI error bars, the measured
 * optimum marked and the chapter's claimed optimum drawn beside it as a vertical line (the chapter's Examples 3b and
 * 4b). Input: {@link Aggregation#perConfiguration} with {@code <final metric>_mean} and {@code _ci95}.
 */
public final class ErrorVsSweptPlot {
    private ErrorVsSweptPlot() {
    }

    /**
     * @param perConfiguration aggregate table, one row per configuration, in sweep order
     * @param xKey             the swept key (a column of the table)
     * @param measure          which final errors to draw
     * @param logX             logarithmic x (used only when every x is positive and x is not a depth)
     * @param optimum          the measured optimum, if any
     * @param chapterOptimum   the chapter's claimed optimum x, if any
     * @return an XYChart for numeric (or list-length) x, else a CategoryChart
     */
    public static Chart<?, ?> build(Table perConfiguration, String xKey, ErrorMeasure measure, boolean logX,
                                    Optional<Optimum> optimum, OptionalDouble chapterOptimum) {
        SweptAxis axis = SweptAxis.of(perConfiguration, xKey);
        double[] test = column(perConfiguration, measure.finalTest().key() + Aggregation.MEAN);
        double[] testCi = ChartStyle.finiteOrZero(column(perConfiguration, measure.finalTest().key() + Aggregation.CI95));
        double[] train = column(perConfiguration, measure.finalTrain().key() + Aggregation.MEAN);
        double[] trainCi = ChartStyle.finiteOrZero(column(perConfiguration, measure.finalTrain().key() + Aggregation.CI95));
        String title = "final " + measure.label() + " against " + xKey;
        String yTitle = "final " + measure.label() + " (mean, 95% CI)";
        if (!axis.numeric()) {
            CategoryChart chart = new CategoryChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT).title(title)
                    .xAxisTitle(axis.title()).yAxisTitle(yTitle).build();
            ChartStyle.apply(chart.getStyler());
            chart.getStyler().setXAxisLabelRotation(axis.labels().stream().mapToInt(String::length).max().orElse(0) > 8 ? 30 : 0);
            category(chart, "test", axis.labels(), test, testCi, 0);
            category(chart, "train", axis.labels(), train, trainCi, 1);
            optimum.ifPresent(o -> chart.setTitle(title + " (optimum: " + axis.labels().get(o.row()) + ")"));
            return chart;
        }
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT).title(title)
                .xAxisTitle(axis.title()).yAxisTitle(yTitle).build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setXAxisLogarithmic(logX && axis.positive() && !axis.depth()
                && (chapterOptimum.isEmpty() || chapterOptimum.getAsDouble() > 0));
        chart.getStyler().setXAxisLogarithmicDecadeOnly(ChartStyle.decadesOnly(axis.x()));
        line(chart, "test", axis.x(), test, testCi, ChartStyle.SOLID, 0);
        if (Arrays.stream(train).anyMatch(Double::isFinite)) {
            line(chart, "train", axis.x(), train, trainCi, ChartStyle.DASHED, 1);
        }
        optimum.ifPresent(o -> {
            XYSeries s = chart.addSeries("measured optimum: " + axis.labels().get(o.row()),
                    new double[] {axis.x()[o.row()]}, new double[] {o.mean()});
            s.setMarker(SeriesMarkers.DIAMOND);
            s.setMarkerColor(ChartStyle.colour(2));
            s.setLineStyle(ChartStyle.SOLID);
            s.setLineColor(new java.awt.Color(0, 0, 0, 0));
        });
        if (chapterOptimum.isPresent()) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double[] values : List.of(test, train)) {
                for (double v : values) {
                    if (Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
            if (Double.isFinite(lo)) {
                double x = chapterOptimum.getAsDouble();
                XYSeries s = chart.addSeries("chapter's optimum: " + SweptAxis.format(x), new double[] {x, x},
                        new double[] {lo, hi});
                s.setMarker(SeriesMarkers.NONE);
                s.setLineStyle(ChartStyle.MARKER_LINE);
                s.setLineColor(new java.awt.Color(90, 90, 90));
            }
        }
        AxisRange.boundY(chart);
        return chart;
    }

    private static void line(XYChart chart, String name, double[] x, double[] y, double[] ci, java.awt.BasicStroke stroke,
                             int colour) {
        XYSeries s = chart.addSeries(name, x, y, ci);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setLineStyle(stroke);
        s.setLineColor(ChartStyle.colour(colour));
        s.setMarkerColor(ChartStyle.colour(colour));
    }

    private static void category(CategoryChart chart, String name, List<String> labels, double[] y, double[] ci, int colour) {
        if (Arrays.stream(y).noneMatch(Double::isFinite)) {
            return;
        }
        CategorySeries s = chart.addSeries(name, labels, Arrays.stream(y).boxed().toList(), Arrays.stream(ci).boxed().toList());
        s.setFillColor(ChartStyle.colour(colour));
    }

    static double[] column(Table table, String name) {
        if (!table.containsColumn(name)) {
            double[] nan = new double[table.rowCount()];
            Arrays.fill(nan, Double.NaN);
            return nan;
        }
        return table.numberColumn(name).asDoubleArray();
    }
}
