package ffnlab.plot;

import ffnlab.analysis.Aggregation;
import ffnlab.analysis.ErrorMeasure;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Annotation;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Table;

/**
 * A sweep over several keys as parallel coordinates: one vertical axis per swept key, its values evenly spaced
 * from bottom to top in sweep order and labelled beside it, then one axis for the mean final test metric (linear,
 * labelled at {@link #METRIC_TICKS} values). Each configuration is one polyline through its values, coloured by the
 * rank of its mean on {@link SweepStyle#sequential} (best darkest, drawn last so it lies on top). A configuration
 * whose every seed diverged ends grey and dashed at "diverged" above the metric axis. Each finished seed's value is
 * a dot just right of the metric axis in its configuration's colour (series {@code <configuration> seed N}). Hover
 * text on every vertex names the configuration, n seeds and the mean with its 95% CI, on every dot the seed and its
 * value ({@link PointTips}).
 *
 * <p>Axis k of the chart sits at x = k; y runs from 0 (the first value, the lowest mean) to 1 (the last value, the
 * highest mean); the key names and units are written below the axes.
 */
public final class ParallelCoordinatesPlot {
    /** Labelled values on the metric axis. */
    public static final int METRIC_TICKS = 5;
    /** How far right of the metric axis each seed's value is drawn, beside the mean the polyline ends at. */
    static final double SEED_OFFSET = 0.06;
    /** Where diverged configurations end on the metric axis. */
    static final double DIVERGED_Y = 1.12;

    private static final Color AXIS = new Color(110, 110, 110);
    private static final Color DIVERGED = new Color(160, 160, 160);
    /** Behind value labels, so lines crossing them do not hide them. */
    private static final Color HALO = new Color(255, 255, 255, 210);
    /** Labels of the metric axis start right of the seed dots. */
    private static final double METRIC_LABEL_OFFSET = 20;
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Font NAME_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 11);

    private ParallelCoordinatesPlot() {
    }

    /**
     * @param perConfiguration {@link Aggregation#perConfiguration}: one row per configuration with every key, n,
     *                         n_diverged and the final test metric's _mean and _ci95
     * @param trials           the per-trial table (for per-seed values in the hover text), or null
     * @param keys             the swept keys, one axis each, in this order
     * @param measure          the final metric and whether higher is better
     */
    public static XYChart build(Table perConfiguration, Table trials, List<String> keys, ErrorMeasure measure) {
        if (keys.size() < 2) {
            throw new IllegalArgumentException("parallel coordinates need at least two swept keys, got " + keys);
        }
        List<ConfigurationResult> results = ConfigurationResult.of(perConfiguration, trials, keys, measure);
        List<List<String>> values = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
            int key = k;
            values.add(results.stream().map(r -> r.values().get(key)).distinct().toList());
        }
        double[] range = metricRange(results);
        String metric = "final test " + measure.label();
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title(metric + " over " + keys.size() + " swept keys (dark = best)")
                .xAxisTitle("swept keys " + ConfigurationResult.unit("") + ", then " + metric + " " + ConfigurationResult.unit(measure))
                .yAxisTitle("position on each axis (labelled beside it)").build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setXAxisMin(-0.3).setXAxisMax(keys.size() + 0.6).setYAxisMin(-0.2).setYAxisMax(1.2)
                .setXAxisTicksVisible(false).setYAxisTicksVisible(false).setPlotGridLinesVisible(false)
                .setLegendVisible(false).setMarkerSize(5);

        List<ConfigurationResult> measured = results.stream().filter(ConfigurationResult::measured)
                .sorted(Comparator.comparingDouble(ConfigurationResult::mean)).toList();
        List<ConfigurationResult> bestFirst = measure.higherIsBetter() ? measured.reversed() : measured;
        List<ConfigurationResult> order = new ArrayList<>(results.stream().filter(r -> !r.measured()).toList());
        order.addAll(bestFirst.reversed());
        for (ConfigurationResult r : order) {
            double[] x = new double[keys.size() + 1];
            double[] y = new double[keys.size() + 1];
            for (int k = 0; k < keys.size(); k++) {
                x[k] = k;
                y[k] = position(values.get(k).indexOf(r.values().get(k)), values.get(k).size());
            }
            x[keys.size()] = keys.size();
            y[keys.size()] = r.measured() ? (r.mean() - range[0]) / (range[1] - range[0]) : DIVERGED_Y;
            XYSeries s = chart.addSeries(SweepStyle.legend(keys, r.values()), x, y);
            Color colour = r.measured() ? SweepStyle.sequential(bestFirst.indexOf(r), bestFirst.size()) : DIVERGED;
            s.setLineColor(colour);
            s.setMarkerColor(colour);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setLineStyle(r.measured() ? new BasicStroke(1.8f) : ChartStyle.DASHED);
            String[] tips = new String[x.length];
            java.util.Arrays.fill(tips, r.tip());
            PointTips.set(s, tips);
            for (ConfigurationResult.SeedValue seed : r.seeds()) {
                XYSeries point = chart.addSeries(r.label() + " seed " + seed.seed(), new double[] {keys.size() + SEED_OFFSET},
                        new double[] {(seed.value() - range[0]) / (range[1] - range[0])});
                point.setMarker(SeriesMarkers.CIRCLE);
                point.setMarkerColor(colour);
                point.setLineColor(new Color(0, 0, 0, 0));
                PointTips.set(point, new String[] {r.seedTip(seed, measure)});
            }
        }
        boolean anyDiverged = results.stream().anyMatch(r -> !r.measured());
        chart.addAnnotation(new Axes(keys, values, range, metric, ConfigurationResult.unit(measure), anyDiverged));
        return chart;
    }

    /** The position of the {@code i}-th of {@code m} values on its axis: evenly spaced from 0 to 1, 0.5 for one. */
    static double position(int i, int m) {
        return m == 1 ? 0.5 : (double) i / (m - 1);
    }

    /**
     * The metric axis' range: the extent of the finite means and seed values, widened to a span of at least 1e-9
     * ([0, 1] when there is none).
     */
    static double[] metricRange(List<ConfigurationResult> results) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (ConfigurationResult r : results) {
            java.util.stream.DoubleStream values = java.util.stream.DoubleStream.concat(
                    java.util.stream.DoubleStream.of(r.mean()), r.seeds().stream().mapToDouble(ConfigurationResult.SeedValue::value));
            for (double v : values.filter(Double::isFinite).toArray()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi) {
            return new double[] {0, 1};
        }
        if (hi - lo < 1e-9 * Math.max(1, Math.abs(hi))) {
            double pad = Math.max(1e-9, Math.abs(hi) * 0.05);
            lo -= pad;
            hi += pad;
        }
        return new double[] {lo, hi};
    }

    /** Paints the vertical axes, their value labels, the key names below them and the metric axis' scale. */
    private static final class Axes extends Annotation {
        private final List<String> keys;
        private final List<List<String>> values;
        private final double[] range;
        private final String metric;
        private final String unit;
        private final boolean anyDiverged;

        Axes(List<String> keys, List<List<String>> values, double[] range, String metric, String unit, boolean anyDiverged) {
            super(false);
            this.keys = keys;
            this.values = values;
            this.range = range;
            this.metric = metric;
            this.unit = unit;
            this.anyDiverged = anyDiverged;
        }

        @Override
        public void paint(Graphics2D g) {
            int axes = keys.size() + 1;
            for (int k = 0; k < axes; k++) {
                double x = getXAxisScreenValue(k);
                g.setColor(AXIS);
                g.setStroke(new BasicStroke(1.2f));
                g.draw(new Line2D.Double(x, getYAxisScreenValue(0), x, getYAxisScreenValue(1)));
                boolean metricAxis = k == keys.size();
                centred(g, metricAxis ? metric : keys.get(k), NAME_FONT, x, getYAxisScreenValue(0) + 16);
                centred(g, metricAxis ? unit : ConfigurationResult.unit(keys.get(k)), LABEL_FONT, x, getYAxisScreenValue(0) + 30);
                if (metricAxis) {
                    for (int t = 0; t < METRIC_TICKS; t++) {
                        double f = (double) t / (METRIC_TICKS - 1);
                        label(g, ConfigurationResult.format(range[0] + f * (range[1] - range[0])), x, getYAxisScreenValue(f),
                                METRIC_LABEL_OFFSET);
                    }
                    if (anyDiverged) {
                        label(g, "diverged", x, getYAxisScreenValue(DIVERGED_Y), METRIC_LABEL_OFFSET);
                    }
                } else {
                    List<String> v = values.get(k);
                    for (int i = 0; i < v.size(); i++) {
                        label(g, v.get(i), x, getYAxisScreenValue(position(i, v.size())), 6);
                    }
                }
            }
        }

        /** A value label {@code offset} px right of the axis at x, with a tick mark. */
        private static void label(Graphics2D g, String s, double x, double y, double offset) {
            g.setColor(AXIS);
            g.draw(new Line2D.Double(x - 3, y, x + 3, y));
            g.setFont(LABEL_FONT);
            var m = g.getFontMetrics(LABEL_FONT);
            g.setColor(HALO);
            g.fill(new java.awt.geom.Rectangle2D.Double(x + offset - 2, y - m.getAscent() / 2.0 - 2, m.stringWidth(s) + 4,
                    m.getAscent() + 3));
            g.setColor(Color.BLACK);
            g.drawString(s, (float) (x + offset), (float) (y + (m.getAscent() - m.getDescent()) / 2.0));
        }

        private static void centred(Graphics2D g, String s, Font font, double x, double y) {
            g.setFont(font);
            g.setColor(Color.BLACK);
            var m = g.getFontMetrics(font);
            g.drawString(s, (float) (x - m.stringWidth(s) / 2.0), (float) (y + (m.getAscent() - m.getDescent()) / 2.0));
        }
    }
}
