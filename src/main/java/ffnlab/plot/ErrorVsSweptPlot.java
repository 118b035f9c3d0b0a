package ffnlab.plot;

import ffnlab.analysis.Aggregation;
import ffnlab.analysis.ErrorMeasure;
import ffnlab.analysis.Optimum;
import ffnlab.analysis.SeedOutliers;
import ffnlab.analysis.SeedValues;
import ffnlab.analysis.TrialTable;
import ffnlab.analysis.ValidRange;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Table;

/**
 * Final test and training error against the swept value (the chapter's Examples 3b and 4b): each seed's final test
 * error as a small dot (grey, or the faded colour of its line with a second key), the mean over seeds as a line, its 95% confidence interval as a vertical segment clipped to
 * the metric's valid range, the measured optimum as a diamond and the chapter's optimum as a vertical line.
 * <p>
 * The y axis is fitted to the seeds that agree with their configuration's other seeds ({@link SeedOutliers}); an
 * outlying seed, and any mean or interval it drags off the axis, is drawn on the axis edge as a triangle and named in
 * the notes. Configurations with diverged seeds get an x on the top edge. With a second swept key the test error is
 * drawn as one line per value of that key (marker and dash pattern from {@link SweepStyle}), the training error left
 * to the table.
 * <p>
 * Input: {@link Aggregation#perConfiguration} with {@code <final metric>_mean}, {@code _ci95}, {@code n} and
 * {@code n_diverged}, and the seeds behind it.
 */
public final class ErrorVsSweptPlot {
    private static final Color SEED_GREY = new Color(110, 110, 110, 150);
    private static final Color EDGE_RED = new Color(200, 30, 30);

    private ErrorVsSweptPlot() {
    }

    /**
     * @param perConfiguration aggregate table, one row per configuration, in sweep order
     * @param seeds            the final test error of each seed, in the table's row order
     * @param xKey             the swept key on the x axis (a column of the table)
     * @param groupKey         a second swept key, one line per value, if any
     * @param measure          which final errors to draw
     * @param logX             whether values evenly spaced on a log scale may be drawn at equal steps
     * @param optimum          the measured optimum, if any
     * @param chapterOptimum   the chapter's claimed optimum x, if any
     * @return the chart, with notes for the caption
     */
    public static AnnotatedChart build(Table perConfiguration, SeedValues seeds, String xKey, Optional<String> groupKey,
                                       ErrorMeasure measure, boolean logX, Optional<Optimum> optimum,
                                       OptionalDouble chapterOptimum) {
        SweptAxis axis = SweptAxis.of(perConfiguration, xKey, logX);
        String title = "final " + measure.label() + " against " + xKey;
        String yTitle = "final " + measure.label() + " (" + measure.unit() + ")";
        return new Drawing(perConfiguration, seeds, axis, groupKey, measure).draw(title, yTitle, optimum, chapterOptimum);
    }

    /** The state of one numeric chart while its series are added. */
    private static final class Drawing {
        private final Table table;
        private final SeedValues seeds;
        private final SweptAxis axis;
        private final Optional<String> groupKey;
        private final ErrorMeasure measure;
        private final ValidRange valid;
        private final double[] test;
        private final double[] testCi;
        private final double[] train;
        private final double[] trainCi;
        private final List<List<Integer>> outliers;
        private final List<String> notes = new ArrayList<>();
        private final List<double[]> beyond = new ArrayList<>();
        private final List<String> beyondTips = new ArrayList<>();
        private AxisRange range;
        private XYChart chart;

        Drawing(Table table, SeedValues seeds, SweptAxis axis, Optional<String> groupKey, ErrorMeasure measure) {
            this.table = table;
            this.seeds = seeds;
            this.axis = axis;
            this.groupKey = groupKey;
            this.measure = measure;
            this.valid = ValidRange.of(measure.finalTest());
            this.test = column(table, measure.finalTest().key() + Aggregation.MEAN);
            this.testCi = column(table, measure.finalTest().key() + Aggregation.CI95);
            this.train = groupKey.isPresent() ? nan(table.rowCount()) : column(table, measure.finalTrain().key() + Aggregation.MEAN);
            this.trainCi = column(table, measure.finalTrain().key() + Aggregation.CI95);
            this.outliers = SeedOutliers.find(seeds.values());
        }

        AnnotatedChart draw(String title, String yTitle, Optional<Optimum> optimum, OptionalDouble chapterOptimum) {
            chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT).title(title)
                    .xAxisTitle(axis.title()).yAxisTitle(yTitle).build();
            ChartStyle.apply(chart.getStyler());
            chart.getStyler().setXAxisTickLabelsFormattingFunction(axis::tickLabel);
            chart.getStyler().setYAxisTickLabelsFormattingFunction(SweptAxis::format);
            range = AxisRange.fit(valid, shown());
            chart.getStyler().setYAxisMin(range.min()).setYAxisMax(range.max());
            Map<String, List<Integer>> groups = groups();
            int g = 0;
            for (Map.Entry<String, List<Integer>> group : groups.entrySet()) {
                int[] rows = group.getValue().stream().mapToInt(Integer::intValue).toArray();
                String prefix = group.getKey().isEmpty() ? "" : group.getKey() + " ";
                Color colour = groups.size() == 1 ? ChartStyle.colour(0) : SweepStyle.sequential(g, groups.size());
                seedPoints(prefix, rows, groups.size() == 1 ? SEED_GREY : ChartStyle.faded(colour));
                means(prefix.isEmpty() ? "test" : group.getKey(), rows, test, testCi, colour, SweepStyle.marker(g),
                        groups.size() == 1 ? ChartStyle.SOLID : SweepStyle.line(g, 2f), "final test");
                g++;
            }
            if (Arrays.stream(train).anyMatch(Double::isFinite)) {
                int[] all = java.util.stream.IntStream.range(0, table.rowCount()).toArray();
                means("train", all, train, trainCi, ChartStyle.colour(1), SeriesMarkers.SQUARE, ChartStyle.DASHED, "final training");
            }
            optimum.ifPresent(this::optimum);
            chapterOptimum.ifPresent(this::chapterOptimum);
            edgePoints();
            diverged();
            return new AnnotatedChart(chart, notes);
        }

        /** The values the y axis must show: the agreeing seeds, and means and intervals not dragged by an outlier. */
        private double[] shown() {
            List<Double> values = new ArrayList<>();
            for (int c = 0; c < table.rowCount(); c++) {
                for (int i = 0; i < seeds.values()[c].length; i++) {
                    if (!outliers.get(c).contains(i)) {
                        values.add(seeds.values()[c][i]);
                    }
                }
                if (outliers.get(c).isEmpty()) {
                    for (double[][] pair : new double[][][] {{test, testCi}, {train, trainCi}}) {
                        values.add(pair[0][c]);
                        values.add(valid.lower(pair[0][c], pair[1][c]));
                        values.add(valid.upper(pair[0][c], pair[1][c]));
                    }
                }
            }
            return values.stream().mapToDouble(Double::doubleValue).toArray();
        }

        /** Rows by value of the second key ({@code key=value}), in order of appearance; one unnamed group without one. */
        private Map<String, List<Integer>> groups() {
            Map<String, List<Integer>> groups = new LinkedHashMap<>();
            for (int r = 0; r < table.rowCount(); r++) {
                int row = r;
                String name = groupKey.map(k -> SweepStyle.legend(List.of(k), List.of(valueOf(k, row)))).orElse("");
                groups.computeIfAbsent(name, k -> new ArrayList<>()).add(r);
            }
            return groups;
        }

        private String valueOf(String key, int row) {
            return table.column(key) instanceof tech.tablesaw.api.NumericColumn<?> n ? SweptAxis.format(n.getDouble(row))
                    : table.column(key).getString(row);
        }

        /** One series per seed number ("seed N"): the seeds that agree with their configuration's others. */
        private void seedPoints(String prefix, int[] rows, Color colour) {
            Map<Long, List<double[]>> bySeed = new java.util.TreeMap<>();
            Map<Long, List<String>> tips = new java.util.TreeMap<>();
            for (int c : rows) {
                for (int i = 0; i < seeds.values()[c].length; i++) {
                    long seed = seeds.seeds()[c][i];
                    double v = seeds.values()[c][i];
                    String tip = configuration(c) + ", seed " + seed + ": final test " + measure.label() + " "
                            + number(v) + " (" + measure.unit() + "), trial " + seeds.trialIds()[c][i];
                    if (outliers.get(c).contains(i) || !range.shows(v)) {
                        beyond.add(new double[] {axis.positions()[c], v});
                        beyondTips.add(tip + "; off the axis");
                        notes.add("Seed " + seed + " of " + configuration(c) + " (trial " + seeds.trialIds()[c][i]
                                + ") lies at " + number(v) + ", far from its configuration's other seeds; it is drawn "
                                + "on the axis edge (red triangle) and the axis is fitted to the other seeds.");
                        continue;
                    }
                    bySeed.computeIfAbsent(seed, k -> new ArrayList<>()).add(new double[] {axis.positions()[c], v});
                    tips.computeIfAbsent(seed, k -> new ArrayList<>()).add(tip);
                }
            }
            bySeed.forEach((seed, points) -> {
                XYSeries s = chart.addSeries(prefix + "seed " + seed, points.stream().mapToDouble(p -> p[0]).toArray(),
                        points.stream().mapToDouble(p -> p[1]).toArray());
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                s.setMarker(SeriesMarkers.CIRCLE);
                s.setMarkerColor(colour);
                s.setShowInLegend(false);
                PointTips.set(s, tips.get(seed).toArray(String[]::new));
            });
        }

        /** The mean line of {@code rows}, then its intervals as vertical segments clipped to the valid range. */
        private void means(String name, int[] rows, double[] mean, double[] ci, Color colour, Marker marker,
                           java.awt.BasicStroke stroke, String what) {
            double[] x = new double[rows.length];
            double[] y = new double[rows.length];
            String[] tips = new String[rows.length];
            double[] segmentX = new double[3 * rows.length];
            double[] segmentY = new double[3 * rows.length];
            boolean intervals = false;
            for (int k = 0; k < rows.length; k++) {
                int c = rows[k];
                x[k] = axis.positions()[c];
                y[k] = range.onAxis(mean[c]);
                int n = table.intColumn(Aggregation.N).getInt(c);
                double lo = valid.lower(mean[c], ci[c]);
                double hi = valid.upper(mean[c], ci[c]);
                tips[k] = configuration(c) + ": " + what + " " + measure.label() + " " + number(mean[c]) + " ("
                        + measure.unit() + "), mean of " + n + (n == 1 ? " seed, no interval" : " seeds, 95% CI ["
                        + number(lo) + ", " + number(hi) + "]");
                if (Double.isFinite(mean[c]) && !range.shows(mean[c])) {
                    beyond.add(new double[] {x[k], mean[c]});
                    beyondTips.add(tips[k] + "; off the axis");
                    notes.add("The mean " + what + " " + measure.label() + " of " + configuration(c) + " (" + number(mean[c])
                            + ") lies off the axis, drawn on its edge.");
                }
                segmentX[3 * k] = x[k];
                segmentX[3 * k + 1] = x[k];
                segmentX[3 * k + 2] = x[k];
                segmentY[3 * k] = Double.isFinite(ci[c]) ? range.onAxis(lo) : Double.NaN;
                segmentY[3 * k + 1] = Double.isFinite(ci[c]) ? range.onAxis(hi) : Double.NaN;
                segmentY[3 * k + 2] = Double.NaN;
                intervals |= Double.isFinite(ci[c]);
            }
            XYSeries s = chart.addSeries(name, x, y);
            s.setMarker(marker);
            s.setLineStyle(stroke);
            s.setLineColor(colour);
            s.setMarkerColor(colour);
            PointTips.set(s, tips);
            if (intervals) {
                XYSeries bars = chart.addSeries(name + " 95% CI", segmentX, segmentY);
                bars.setMarker(SeriesMarkers.NONE);
                bars.setLineStyle(new java.awt.BasicStroke(1.6f));
                bars.setLineColor(colour);
                bars.setShowInLegend(false);
            }
        }

        private void optimum(Optimum o) {
            XYSeries s = chart.addSeries("measured optimum: " + table.stringColumn(TrialTable.CONFIGURATION).get(o.row()),
                    new double[] {axis.positions()[o.row()]}, new double[] {range.onAxis(o.mean())});
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.DIAMOND);
            s.setMarkerColor(ChartStyle.colour(2));
            PointTips.set(s, new String[] {"measured optimum, " + o.configuration() + ": mean final test "
                    + measure.label() + " " + number(o.mean()) + " (" + measure.unit() + ")"});
        }

        private void chapterOptimum(double value) {
            double x = axis.position(value);
            if (!Double.isFinite(x)) {
                notes.add("The chapter's optimum (" + SweptAxis.format(value) + ") lies outside the swept values.");
                return;
            }
            XYSeries s = chart.addSeries("chapter's optimum: " + SweptAxis.format(value), new double[] {x, x},
                    new double[] {range.min(), range.max()});
            s.setMarker(SeriesMarkers.NONE);
            s.setLineStyle(ChartStyle.MARKER_LINE);
            s.setLineColor(new Color(90, 90, 90));
        }

        /** Points off the axis, drawn on its edge as triangles pointing the way they lie. */
        private void edgePoints() {
            if (beyond.isEmpty()) {
                return;
            }
            XYSeries s = chart.addSeries("off the axis (drawn on its edge)", beyond.stream().mapToDouble(p -> p[0]).toArray(),
                    beyond.stream().mapToDouble(p -> range.onAxis(p[1])).toArray());
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(beyond.stream().allMatch(p -> p[1] < range.min()) ? SeriesMarkers.TRIANGLE_DOWN : SeriesMarkers.TRIANGLE_UP);
            s.setMarkerColor(EDGE_RED);
            PointTips.set(s, beyondTips.toArray(String[]::new));
        }

        /** An x on the top edge above every configuration with diverged seeds, and a note counting them. */
        private void diverged() {
            if (!table.containsColumn(Aggregation.N_DIVERGED)) {
                return;
            }
            List<Double> x = new ArrayList<>();
            List<String> tips = new ArrayList<>();
            int trials = 0;
            for (int c = 0; c < table.rowCount(); c++) {
                int k = table.intColumn(Aggregation.N_DIVERGED).getInt(c);
                if (k > 0) {
                    x.add(axis.positions()[c]);
                    tips.add(configuration(c) + ": diverged, " + k + " of " + (k + table.intColumn(Aggregation.N).getInt(c))
                            + " seeds");
                    trials += k;
                }
            }
            if (x.isEmpty()) {
                return;
            }
            double[] top = new double[x.size()];
            Arrays.fill(top, range.max());
            XYSeries s = chart.addSeries("diverged", x.stream().mapToDouble(Double::doubleValue).toArray(), top);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CROSS);
            s.setMarkerColor(Color.BLACK);
            PointTips.set(s, tips.toArray(String[]::new));
            notes.add(trials + (trials == 1 ? " trial" : " trials") + " diverged (x on the top edge): " + String.join("; ", tips)
                    + ". Their configurations' means and intervals rest on the other seeds only.");
        }

        private String configuration(int c) {
            return table.stringColumn(TrialTable.CONFIGURATION).get(c);
        }
    }

    /** A value for hover text: four significant digits, plain notation. */
    static String number(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    static double[] column(Table table, String name) {
        if (!table.containsColumn(name)) {
            return nan(table.rowCount());
        }
        return table.numberColumn(name).asDoubleArray();
    }

    private static double[] nan(int n) {
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        return out;
    }
}
