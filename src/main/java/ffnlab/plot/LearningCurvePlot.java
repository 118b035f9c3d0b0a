package ffnlab.plot;

import ffnlab.analysis.ValidRange;
import ffnlab.analysis.Aggregation;
import ffnlab.analysis.TrialTable;
import ffnlab.results.TrialSchema.Column;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Table;

/**
 * Error (or accuracy, or loss) against epochs (the chapter's Examples 3a, 4 and 5): per configuration the mean over
 * seeds as a line (test solid, train dashed) and, for up to {@link #MAX_CONFIGURATIONS_WITH_BANDS} configurations,
 * the 95% confidence interval of the test curve as two thin dotted lines, clipped to the metric's valid range.
 * Colours follow the first swept key, markers the second ({@link CurveKeys}); a reference configuration (a baseline
 * trained once, without epochs) is a labelled horizontal line at its final value; shorter curves are drawn over
 * longer ones; a value the chapter prints at an epoch is a labelled point. Every mean point carries a tooltip.
 * Input: {@link Aggregation#curves} with {@code <column>_mean}, {@code <column>_ci95} and {@code n}.
 */
public final class LearningCurvePlot {
    /** Longer curves are drawn at evenly spaced epochs (and the last), so a 20000-epoch run stays a small SVG. */
    public static final int MAX_POINTS_PER_LINE = 250;
    /** Interval bounds are drawn for at most this many configurations; more would hide the means. */
    public static final int MAX_CONFIGURATIONS_WITH_BANDS = 4;
    /** With more configurations the legend lists only the test curves (the training curves are their dashed twins). */
    public static final int MAX_CONFIGURATIONS_WITH_TRAIN_IN_LEGEND = 9;

    /**
     * What the chart shows.
     *
     * @param trainColumn e.g. {@code train_mse}, or null to draw only the test curve
     * @param testColumn  e.g. {@code test_mse}, or null to draw only the training curve (solid, with its interval)
     * @param title       the chart title
     * @param measure     what a value is, e.g. {@code m.s.e.}
     * @param unit        its unit, e.g. {@code scaled m.s.e.}; the y axis reads {@code measure (unit)}
     * @param logY        logarithmic y axis (used only when all values are positive and span more than a decade)
     * @param range       the values the metric can take; intervals are drawn clipped to it
     */
    public record Lines(String trainColumn, String testColumn, String title, String measure, String unit, boolean logY,
                        ValidRange range) {
        String yTitle() {
            return measure + " (" + unit + ")";
        }
    }

    /**
     * A value the chapter prints at an epoch.
     *
     * @param label e.g. {@code chapter: m.s.e. 0.107 at epoch 1000}
     * @param epoch the epoch
     * @param value the value
     */
    public record ReferencePoint(String label, int epoch, double value) {
    }

    private LearningCurvePlot() {
    }

    /** Configurations told apart by name only, no reference point. */
    public static XYChart build(Table curves, String trainColumn, String testColumn, String title, String measure,
                                boolean logY) {
        return build(curves, CurveKeys.named(configurations(curves)),
                new Lines(trainColumn, testColumn, title, measure, "value", logY, ValidRange.NON_NEGATIVE), Optional.empty());
    }

    public static XYChart build(Table curves, CurveKeys keys, Lines lines, Optional<ReferencePoint> chapter) {
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT).title(lines.title())
                .xAxisTitle("training time (epochs)").yAxisTitle(lines.yTitle()).build();
        ChartStyle.apply(chart.getStyler());
        List<String> ordered = configurations(curves);
        List<String> curvesFirst = new ArrayList<>(ordered.stream().filter(c -> !keys.references().contains(c)).toList());
        // longer curves first, so a shorter one (1000 of 20000 epochs) is drawn on top and stays visible
        curvesFirst.sort(Comparator.comparingInt((String c) -> rowsOf(curves, c).rowCount()).reversed());
        int lastEpoch = curves.rowCount() == 0 ? 1 : (int) curves.intColumn(Column.EPOCH.key()).max();
        String primary = lines.testColumn() != null ? lines.testColumn() : lines.trainColumn();
        String primaryName = lines.testColumn() != null ? "test" : "train";
        String secondary = lines.testColumn() != null ? lines.trainColumn() : null;
        boolean bands = curvesFirst.size() <= MAX_CONFIGURATIONS_WITH_BANDS;
        epochAxis(chart, curves, primary, lastEpoch);
        List<double[]> drawn = new ArrayList<>();
        for (String configuration : curvesFirst) {
            Table rows = thin(rowsOf(curves, configuration));
            double[] epochs = rows.intColumn(Column.EPOCH.key()).asDoubleArray();
            int[] n = rows.intColumn(Aggregation.N).asIntArray();
            String label = ordered.size() == 1 ? "" : keys.label(configuration) + " ";
            Color colour = keys.colour(configuration);
            double[] mean = rows.doubleColumn(primary + Aggregation.MEAN).asDoubleArray();
            double[] half = rows.doubleColumn(primary + Aggregation.CI95).asDoubleArray();
            double[] low = new double[mean.length];
            double[] high = new double[mean.length];
            for (int i = 0; i < mean.length; i++) {
                low[i] = lines.range().lower(mean[i], half[i]);
                high[i] = lines.range().upper(mean[i], half[i]);
            }
            XYSeries test = line(chart, label + primaryName, epochs, mean, ChartStyle.SOLID, colour);
            markers(test, keys, configuration, epochs.length);
            PointTips.set(test, tooltips(keys, configuration, primaryName, lines, epochs, mean, n, low, high));
            drawn.add(mean);
            // no interval lines where seeds agree exactly (deterministic runs) or there is one seed
            if (bands && Arrays.stream(half).anyMatch(h -> Double.isFinite(h) && h > 0)) {
                for (XYSeries bound : List.of(line(chart, label + primaryName + " 95% CI low", epochs, low, ChartStyle.DOTTED, colour),
                        line(chart, label + primaryName + " 95% CI high", epochs, high, ChartStyle.DOTTED, colour))) {
                    bound.setShowInLegend(false);
                    bound.setLineColor(ChartStyle.faded(colour));
                }
                drawn.add(low);
                drawn.add(high);
            }
            if (secondary != null) {
                double[] train = rows.doubleColumn(secondary + Aggregation.MEAN).asDoubleArray();
                XYSeries s = line(chart, label + "train", epochs, train, ChartStyle.DASHED, colour);
                markers(s, keys, configuration, epochs.length);
                // the legend keeps one entry per configuration when two per would not fit; the caption says dashed = train
                s.setShowInLegend(curvesFirst.size() <= MAX_CONFIGURATIONS_WITH_TRAIN_IN_LEGEND);
                PointTips.set(s, tooltips(keys, configuration, "train", lines, epochs, train, n, null, null));
                drawn.add(train);
            }
        }
        for (String reference : ordered.stream().filter(keys.references()::contains).toList()) {
            drawn.add(referenceLine(chart, curves, reference, keys, primary, primaryName, lines, lastEpoch));
        }
        chapter.ifPresent(point -> {
            XYSeries s = chart.addSeries(point.label(), new double[] {point.epoch()}, new double[] {point.value()});
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.DIAMOND);
            s.setMarkerColor(Color.BLACK);
            PointTips.set(s, new String[] {point.label()});
            drawn.add(new double[] {point.value()});
        });
        double[] finite = drawn.stream().flatMapToDouble(Arrays::stream).filter(Double::isFinite).toArray();
        double lo = Arrays.stream(finite).min().orElse(0);
        double hi = Arrays.stream(finite).max().orElse(0);
        // XChart labels a log axis at decades only: use it when the curves span more than one
        chart.getStyler().setYAxisLogarithmic(lines.logY() && lo > 0 && hi / lo > 20);
        if (!chart.getStyler().isYAxisLogarithmic() && hi < 1e5 && hi - lo > 1e-3) {
            chart.getStyler().setYAxisDecimalPattern("0.####");
        }
        chapter.ifPresent(point -> label(chart, point));
        AxisRange.boundY(chart);
        return chart;
    }

    /** A reference configuration: a horizontal line across all epochs at its final value, its name in the legend. */
    private static double[] referenceLine(XYChart chart, Table curves, String reference, CurveKeys keys, String column,
                                          String name, Lines lines, int lastEpoch) {
        Table rows = rowsOf(curves, reference);
        double value = rows.doubleColumn(column + Aggregation.MEAN).getDouble(rows.rowCount() - 1);
        int n = rows.intColumn(Aggregation.N).getInt(rows.rowCount() - 1);
        String label = keys.label(reference) + " (reference, final " + name + ")";
        XYSeries s = line(chart, label, new double[] {0, lastEpoch}, new double[] {value, value}, ChartStyle.MARKER_LINE,
                keys.colour(reference));
        String tip = keys.label(reference) + ": final " + name + " " + lines.measure() + " " + number(value) + " ("
                + lines.unit() + "), " + seeds(keys, reference, n);
        PointTips.set(s, new String[] {tip, tip});
        return new double[] {value};
    }

    /**
     * Round epoch ticks from 0 (0, 10, 20 or 0, 5000, 10000), never one label per epoch. Called before any other
     * series is added.
     */
    private static void epochAxis(XYChart chart, Table curves, String column, int lastEpoch) {
        // XChart puts ticks at the x values of all series (drawn or not) when those are equally spaced (epochs 1, 2,
        // ..., 60 give 1, 3, 5, ...); a first, disabled series at epochs 0 and the last makes them uneven, so it
        // chooses round steps over the axis instead
        double[] y = curves.doubleColumn(column + Aggregation.MEAN).asList().stream().mapToDouble(Double::doubleValue)
                .filter(Double::isFinite).limit(1).toArray();
        chart.getStyler().setXAxisMin(0.0).setXAxisMax((double) Math.max(1, lastEpoch)).setXAxisDecimalPattern("#,##0");
        if (y.length == 0) {
            return;
        }
        XYSeries frame = chart.addSeries(" axis frame", new double[] {0, lastEpoch}, new double[] {y[0], y[0]});
        frame.setLineStyle(SeriesLines.NONE);
        frame.setMarker(SeriesMarkers.NONE);
        frame.setShowInLegend(false);
        frame.setEnabled(false);
    }

    /**
     * The chapter's point's label, just right of and above it. Where the point lands is known only once the axes are
     * laid out, so the chart is painted once off screen first; the label does not change the layout.
     */
    private static void label(XYChart chart, ReferencePoint point) {
        java.awt.image.BufferedImage scratch = new java.awt.image.BufferedImage(chart.getWidth(), chart.getHeight(),
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = scratch.createGraphics();
        chart.paint(g, chart.getWidth(), chart.getHeight());
        double width = new java.awt.font.TextLayout(point.label(), chart.getStyler().getAnnotationTextFont(),
                g.getFontRenderContext()).getAdvance();
        g.dispose();
        double x = chart.getScreenXFromChart(point.epoch()) + width / 2 + 8;
        double y = chart.getHeight() - chart.getScreenYFromChart(point.value()) + 12;
        chart.addAnnotation(new AnnotationText(point.label(), x, y, true));
    }

    private static void markers(XYSeries s, CurveKeys keys, String configuration, int points) {
        boolean show = keys.twoKeys() || points <= 30;
        s.setMarker(show ? keys.marker(configuration) : SeriesMarkers.NONE);
        s.setMarkerColor(keys.colour(configuration));
    }

    /** One tooltip per point: configuration, epoch, value with unit, seeds, and the interval drawn. */
    private static String[] tooltips(CurveKeys keys, String configuration, String name, Lines lines, double[] epochs,
                                     double[] values, int[] n, double[] low, double[] high) {
        String[] out = new String[epochs.length];
        for (int i = 0; i < out.length; i++) {
            StringBuilder s = new StringBuilder(keys.label(configuration)).append(", epoch ").append((long) epochs[i])
                    .append(": ").append(name).append(' ').append(lines.measure()).append(' ').append(number(values[i]))
                    .append(" (").append(lines.unit()).append("), ").append(seeds(keys, configuration, n[i]));
            if (low != null && n[i] > 1) {
                s.append(", 95% CI [").append(number(low[i])).append(", ").append(number(high[i])).append(']');
            }
            out[i] = s.toString();
        }
        return out;
    }

    private static String seeds(CurveKeys keys, String configuration, int n) {
        List<Long> seeds = keys.seedsOf(configuration);
        return n == 1 && seeds.size() == 1 ? "seed " + seeds.getFirst() : "mean of " + n + " seed" + (n == 1 ? "" : "s");
    }

    /** Four significant digits, no trailing zeros; scientific beyond 1e6 and below 1e-4. */
    static String number(double v) {
        if (!Double.isFinite(v) || v == 0) {
            return v == 0 ? "0" : String.valueOf(v);
        }
        java.math.BigDecimal d = java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(4)).stripTrailingZeros();
        return Math.abs(v) >= 1e6 || Math.abs(v) < 1e-4 ? String.format(Locale.ROOT, "%.3e", v) : d.toPlainString();
    }

    private static List<String> configurations(Table curves) {
        return curves.stringColumn(TrialTable.CONFIGURATION).unique().asList().stream()
                .sorted(Comparator.comparingInt(c -> curves.intColumn(TrialTable.CONFIG_INDEX)
                        .get(curves.stringColumn(TrialTable.CONFIGURATION).indexOf(c))))
                .toList();
    }

    private static Table rowsOf(Table curves, String configuration) {
        return curves.where(curves.stringColumn(TrialTable.CONFIGURATION).isEqualTo(configuration));
    }

    /** At most {@link #MAX_POINTS_PER_LINE} rows: every k-th from the first, and the last. */
    private static Table thin(Table rows) {
        int stride = Math.max(1, (rows.rowCount() + MAX_POINTS_PER_LINE - 2) / (MAX_POINTS_PER_LINE - 1));
        if (stride == 1) {
            return rows;
        }
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < rows.rowCount(); i += stride) {
            keep.add(i);
        }
        if (keep.getLast() != rows.rowCount() - 1) {
            keep.add(rows.rowCount() - 1);
        }
        return rows.rows(keep.stream().mapToInt(Integer::intValue).toArray());
    }

    private static XYSeries line(XYChart chart, String name, double[] x, double[] y, BasicStroke stroke, Color colour) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineStyle(stroke);
        s.setLineColor(colour);
        s.setMarkerColor(colour);
        return s;
    }
}
