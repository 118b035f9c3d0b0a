package ffnlab.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The confusion matrix of a classifier's test predictions as a heat map: rows the actual class, columns the
 * predicted class, each cell the share of the actual class (row-normalised, in percent), class names on both axes.
 * Input: predictions.csv as a table of StringColumns {@code actual, predicted}.
 */
public final class ConfusionMatrixPlot {
    private ConfusionMatrixPlot() {
    }

    /**
     * @param predictions {@code actual, predicted} class names
     * @param classes     the class names in the dataset's label order; names found in the table but not listed follow,
     *                    sorted
     * @param title       the chart title
     */
    public static HeatMapChart build(Table predictions, List<String> classes, String title) {
        StringColumn actual = predictions.stringColumn("actual");
        StringColumn predicted = predictions.stringColumn("predicted");
        List<String> names = new ArrayList<>(classes);
        java.util.TreeSet<String> found = new java.util.TreeSet<>(actual.asList());
        found.addAll(predicted.asList());
        found.stream().filter(n -> !names.contains(n)).forEach(names::add);
        Map<String, Integer> index = new LinkedHashMap<>();
        names.forEach(n -> index.put(n, index.size()));
        int k = names.size();
        long[][] counts = counts(actual, predicted, index);
        List<Number[]> cells = new ArrayList<>();
        for (int a = 0; a < k; a++) {
            long rowTotal = java.util.Arrays.stream(counts[a]).sum();
            for (int p = 0; p < k; p++) {
                double percent = rowTotal == 0 ? 0 : 100.0 * counts[a][p] / rowTotal;
                // x = predicted column, y = actual row (drawn bottom-up, so reverse to read top-down)
                cells.add(new Number[] {p, k - 1 - a, Math.round(percent * 10) / 10.0});
            }
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT + 120)
                .title(title).xAxisTitle("predicted class (name)").yAxisTitle("actual class (name)").build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setShowValue(true);
        chart.getStyler().setValueFont(new ChartFont(java.awt.Font.PLAIN, 11));
        chart.getStyler().setHeatMapValueDecimalPattern("0.#");
        chart.getStyler().setXAxisLabelRotation(40);
        // XChart skips category labels closer than the spacing hint: every class keeps its label
        chart.getStyler().setXAxisTickMarkSpacingHint(1);
        chart.getStyler().setMin(0);
        chart.getStyler().setMax(100);
        // the darkest cell stays light enough for its black value to read
        chart.getStyler().setRangeColors(new Color[] {Color.WHITE, new Color(158, 202, 225), new Color(66, 146, 198)});
        chart.getStyler().setLegendVisible(true);
        List<String> reversed = new ArrayList<>(names);
        java.util.Collections.reverse(reversed);
        chart.addSeries("% of the actual class", names, reversed, cells);
        return chart;
    }

    /** counts[a][p]: test patterns of actual class a predicted as p. */
    static long[][] counts(StringColumn actual, StringColumn predicted, Map<String, Integer> index) {
        int k = index.size();
        long[][] counts = new long[k][k];
        for (int i = 0; i < actual.size(); i++) {
            Integer a = index.get(actual.get(i));
            Integer p = index.get(predicted.get(i));
            if (a != null && p != null) {
                counts[a][p]++;
            }
        }
        return counts;
    }
}
