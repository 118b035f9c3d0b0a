package ffnlab.plot;

import ffnlab.analysis.Aggregation;
import ffnlab.analysis.ErrorMeasure;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Annotation;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Table;

/**
 * The mean final test metric over two swept keys as a grid of cells, one per configuration: the first key's values
 * along x, the second's along y, each value written beside its row or column with the key's unit in the axis title.
 * Each cell is filled by the rank of its mean on {@link SweepStyle#sequential}, best darkest, in at most
 * {@link #LEVELS} levels that the legend lists with their value ranges (the first marked best, the last worst); the
 * mean is written in the cell. A configuration whose every seed diverged is hatched and says "diverged"; a
 * combination that was not run says "not run". Hover text per cell names both values, n seeds and the mean with its
 * 95% CI ({@link PointTips}).
 *
 * <p>The grid is drawn on an XY chart whose cell (i, j) is centred on (i, j); x and y start a margin left of and
 * below the grid, wide enough for the value labels written there.
 */
public final class HeatmapPlot {
    /** The most colour levels; more cells share levels by rank. */
    public static final int LEVELS = 6;
    /** The legend entry of diverged cells. */
    public static final String DIVERGED = "diverged (every seed)";
    /** The legend entry of combinations without a trial. */
    public static final String NOT_RUN = "not run";
    /** The legend entry of configurations whose finished seeds recorded no final test value. */
    public static final String NO_VALUE = "no final test value";

    private static final Color DIVERGED_FILL = new Color(235, 235, 235);
    private static final Color MARK = new Color(150, 30, 30);
    private static final Font VALUE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private HeatmapPlot() {
    }

    /**
     * @param perConfiguration {@link Aggregation#perConfiguration}: one row per configuration with both keys,
     *                         n, n_diverged and the final test metric's _mean and _ci95
     * @param trials           the per-trial table (for per-seed values in the hover text), or null
     * @param xKey             the key along x
     * @param yKey             the key along y
     * @param measure          the final metric and whether higher is better
     */
    public static XYChart build(Table perConfiguration, Table trials, String xKey, String yKey, ErrorMeasure measure) {
        if (xKey.equals(yKey)) {
            throw new IllegalArgumentException("a heatmap needs two different keys, got " + xKey + " twice");
        }
        List<ConfigurationResult> results = ConfigurationResult.of(perConfiguration, trials, List.of(xKey, yKey), measure);
        List<String> xs = distinct(results, 0);
        List<String> ys = distinct(results, 1);
        Map<List<String>, ConfigurationResult> byCell = new LinkedHashMap<>();
        results.forEach(r -> byCell.putIfAbsent(r.values(), r));

        String title = "final test " + measure.label() + " over " + xKey + " and " + yKey
                + (measure.higherIsBetter() ? " (higher is better)" : " (lower is better)");
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT).title(title)
                .xAxisTitle(xKey + " " + ConfigurationResult.unit(xKey))
                .yAxisTitle(yKey + " " + ConfigurationResult.unit(yKey)).build();
        ChartStyle.apply(chart.getStyler());
        int longest = ys.stream().mapToInt(String::length).max().orElse(1);
        double labelColumn = Math.max(0.3, (longest * 7.0 + 12) / (ChartStyle.WIDTH * 0.6 / xs.size()));
        chart.getStyler().setXAxisMin(-0.5 - labelColumn).setXAxisMax(xs.size() - 0.5)
                .setYAxisMin(-0.5 - Math.max(0.15, 24.0 / (ChartStyle.HEIGHT * 0.7 / ys.size()))).setYAxisMax(ys.size() - 0.5)
                .setXAxisTicksVisible(false).setYAxisTicksVisible(false).setPlotGridLinesVisible(false)
                .setPlotBorderVisible(false).setMarkerSize(10);

        Levels levels = Levels.of(results, measure);
        Cell[][] cells = new Cell[xs.size()][ys.size()];
        Map<String, List<int[]>> members = new LinkedHashMap<>();
        for (int b = 0; b < levels.count(); b++) {
            members.put(levels.label(b, measure), new ArrayList<>());
        }
        members.put(DIVERGED, new ArrayList<>());
        members.put(NOT_RUN, new ArrayList<>());
        members.put(NO_VALUE, new ArrayList<>());
        for (int i = 0; i < xs.size(); i++) {
            for (int j = 0; j < ys.size(); j++) {
                ConfigurationResult r = byCell.get(List.of(xs.get(i), ys.get(j)));
                Cell cell;
                if (r == null) {
                    cell = new Cell(null, Color.WHITE, NOT_RUN, xKey + "=" + xs.get(i) + ", " + yKey + "=" + ys.get(j)
                            + ": not run (no trial of this combination)", NOT_RUN);
                } else if (r.measured()) {
                    int level = levels.of(r.mean());
                    cell = new Cell(r, SweepStyle.sequential(level, levels.count()), ConfigurationResult.format(r.mean())
                            + (r.diverged() > 0 ? " (" + r.diverged() + " div.)" : ""), r.tip(), levels.label(level, measure));
                } else {
                    boolean diverged = r.n() == 0 && r.diverged() > 0;
                    cell = new Cell(r, diverged ? DIVERGED_FILL : Color.WHITE, diverged ? "diverged" : "no value", r.tip(),
                            diverged ? DIVERGED : NO_VALUE);
                }
                cells[i][j] = cell;
                members.get(cell.legend()).add(new int[] {i, j});
            }
        }
        members.forEach((name, points) -> addLegendSeries(chart, name, points, cells, levels, measure));
        chart.addAnnotation(new Grid(cells, xs, ys));
        return chart;
    }

    /** One legend entry with its cells' centres as points and their hover text; empty entries are left out. */
    private static void addLegendSeries(XYChart chart, String name, List<int[]> points, Cell[][] cells, Levels levels,
                                        ErrorMeasure measure) {
        if (points.isEmpty()) {
            return;
        }
        double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
        double[] y = points.stream().mapToDouble(p -> p[1]).toArray();
        XYSeries s = chart.addSeries(name, x, y);
        s.setLineColor(new Color(0, 0, 0, 0));
        s.setLineStyle(new BasicStroke(0f));
        int level = levels.indexOf(name, measure);
        if (level >= 0) {
            s.setMarker(SeriesMarkers.SQUARE);
            s.setMarkerColor(SweepStyle.sequential(level, levels.count()));
        } else if (name.equals(DIVERGED)) {
            s.setMarker(SeriesMarkers.CROSS);
            s.setMarkerColor(MARK);
        } else {
            s.setMarker(SeriesMarkers.SQUARE);
            s.setMarkerColor(new Color(200, 200, 200));
        }
        PointTips.set(s, points.stream().map(p -> cells[p[0]][p[1]].tip()).toArray(String[]::new));
    }

    private static List<String> distinct(List<ConfigurationResult> results, int key) {
        return results.stream().map(r -> r.values().get(key)).distinct().toList();
    }

    /**
     * One cell as drawn.
     *
     * @param result the configuration, or null when the combination was not run
     * @param fill   its colour
     * @param text   what is written in it
     * @param tip    its hover text
     * @param legend the legend entry it belongs to
     */
    private record Cell(ConfigurationResult result, Color fill, String text, String tip, String legend) {
    }

    /**
     * Colour levels by rank of the finite means, best first: level = floor(rank * count / measured).
     *
     * @param sorted the finite means, best first
     * @param count  the number of levels (at most {@link #LEVELS}, at most the number of means, at least 1)
     */
    record Levels(List<Double> sorted, int count) {
        static Levels of(List<ConfigurationResult> results, ErrorMeasure measure) {
            Comparator<Double> better = measure.higherIsBetter() ? Comparator.reverseOrder() : Comparator.naturalOrder();
            List<Double> sorted = results.stream().filter(ConfigurationResult::measured).map(ConfigurationResult::mean)
                    .sorted(better).toList();
            return new Levels(sorted, Math.max(1, Math.min(LEVELS, sorted.size())));
        }

        /** The level of {@code mean}: the level of its first (best) rank, so equal means share a colour. */
        int of(double mean) {
            int rank = sorted.indexOf(mean);
            return (int) ((long) rank * count / sorted.size());
        }

        /** Best and worst mean of a level, in rank order. */
        private double[] range(int level) {
            double first = Double.NaN;
            double last = Double.NaN;
            for (double m : sorted) {
                if (of(m) == level) {
                    first = Double.isNaN(first) ? m : first;
                    last = m;
                }
            }
            return new double[] {first, last};
        }

        /** The legend text of a level: its value range, the first marked best and the last worst. */
        String label(int level, ErrorMeasure measure) {
            double[] r = range(level);
            String range = Double.isNaN(r[0]) ? "none"
                    : r[0] == r[1] ? ConfigurationResult.format(r[0])
                    : ConfigurationResult.format(Math.min(r[0], r[1])) + " to " + ConfigurationResult.format(Math.max(r[0], r[1]));
            String end = count == 1 ? "" : level == 0 ? " (best)" : level == count - 1 ? " (worst)" : "";
            return range + end;
        }

        /** The level whose label is {@code name}, or -1. */
        int indexOf(String name, ErrorMeasure measure) {
            for (int b = 0; b < count; b++) {
                if (label(b, measure).equals(name)) {
                    return b;
                }
            }
            return -1;
        }
    }

    /** Paints the cells, the text in them and the value labels of both keys over the chart's plot area. */
    private static final class Grid extends Annotation {
        private final Cell[][] cells;
        private final List<String> xs;
        private final List<String> ys;

        Grid(Cell[][] cells, List<String> xs, List<String> ys) {
            super(false);
            this.cells = cells;
            this.xs = xs;
            this.ys = ys;
        }

        @Override
        public void paint(Graphics2D g) {
            double left = getXAxisScreenValue(-0.5);
            double cellWidth = getXAxisScreenValue(0.5) - left;
            double firstRowTop = getYAxisScreenValue(0.5);
            double cellHeight = getYAxisScreenValue(-0.5) - firstRowTop;
            for (int i = 0; i < xs.size(); i++) {
                for (int j = 0; j < ys.size(); j++) {
                    Rectangle2D r = new Rectangle2D.Double(getXAxisScreenValue(i - 0.5), getYAxisScreenValue(j + 0.5),
                            cellWidth, cellHeight);
                    paintCell(g, r, cells[i][j]);
                }
                text(g, xs.get(i), LABEL_FONT, Color.BLACK, getXAxisScreenValue(i), getYAxisScreenValue(-0.5) + 12);
            }
            for (int j = 0; j < ys.size(); j++) {
                double width = g.getFontMetrics(LABEL_FONT).stringWidth(ys.get(j));
                text(g, ys.get(j), LABEL_FONT, Color.BLACK, left - 6 - width / 2, getYAxisScreenValue(j));
            }
            bounds = new Rectangle2D.Double(left, getYAxisScreenValue(ys.size() - 0.5), cellWidth * xs.size(),
                    cellHeight * ys.size());
        }

        private static void paintCell(Graphics2D g, Rectangle2D r, Cell cell) {
            g.setColor(cell.fill());
            g.fill(r);
            boolean diverged = cell.legend().equals(DIVERGED);
            if (diverged) {
                g.setColor(new Color(190, 190, 190));
                g.setStroke(new BasicStroke(1f));
                for (double d = 0; d < r.getWidth() + r.getHeight(); d += 10) {
                    double x0 = r.getX() + Math.min(d, r.getWidth());
                    double y0 = r.getY() + Math.max(0, d - r.getWidth());
                    double x1 = r.getX() + Math.max(0, d - r.getHeight());
                    double y1 = r.getY() + Math.min(d, r.getHeight());
                    g.draw(new Line2D.Double(x0, y0, x1, y1));
                }
            }
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(2f));
            g.draw(r);
            Color ink = diverged ? MARK : cell.result() == null || !cell.result().measured() ? Color.DARK_GRAY
                    : luminance(cell.fill()) < 0.5 ? Color.WHITE : Color.BLACK;
            text(g, cell.text(), VALUE_FONT, ink, r.getCenterX(), r.getCenterY());
        }

        /** Writes {@code s} centred on (x, y) with {@code drawString}, so it stays text in vector output. */
        private static void text(Graphics2D g, String s, Font font, Color colour, double x, double y) {
            g.setFont(font);
            g.setColor(colour);
            var metrics = g.getFontMetrics(font);
            float width = metrics.stringWidth(s);
            g.drawString(s, (float) (x - width / 2), (float) (y + (metrics.getAscent() - metrics.getDescent()) / 2.0));
        }
    }

    /** Relative luminance in [0, 1] (sRGB weights), to choose black or white text on a fill. */
    static double luminance(Color c) {
        return (0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue()) / 255;
    }
}
