package ffnlab.plot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import tech.tablesaw.api.Table;

/**
 * Learnt weights and biases beside the chapter's, one bar pair per parameter (the chapter's Example 2: W, b, V, c
 * after 1000 epochs). Parameters are labelled {@code W1[i,j]}, {@code b1[j]} (1-based, as the chapter writes them).
 * Input: parameters.csv tables ({@code layer, kind, row, col, value}, row and col 0-based).
 */
public final class WeightsPlot {
    /** Networks with more parameters are not drawn as bars. */
    public static final int MAX_PARAMETERS = 120;

    private WeightsPlot() {
    }

    /**
     * @param learnt  the trial's parameters.csv
     * @param chapter the chapter's values in the same layout, or null
     */
    public static CategoryChart build(Table learnt, Table chapter, String title) {
        if (learnt.rowCount() > MAX_PARAMETERS) {
            throw new IllegalArgumentException(learnt.rowCount() + " parameters are too many to draw as bars (at most "
                    + MAX_PARAMETERS + ")");
        }
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < learnt.rowCount(); i++) {
            labels.add(label(learnt, i));
            values.add(learnt.doubleColumn("value").getDouble(i));
        }
        CategoryChart chart = new CategoryChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT).title(title)
                .xAxisTitle("parameter (name)").yAxisTitle("learnt value (weight)").build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setXAxisLabelRotation(90);
        // XChart skips category labels closer than the spacing hint: every parameter keeps its label
        chart.getStyler().setXAxisTickMarkSpacingHint(1);
        CategorySeries measured = chart.addSeries("measured", labels, values);
        measured.setFillColor(ChartStyle.colour(0));
        if (chapter != null && chapter.rowCount() > 0) {
            Map<String, Double> byLabel = new HashMap<>();
            for (int i = 0; i < chapter.rowCount(); i++) {
                byLabel.put(label(chapter, i), chapter.doubleColumn("value").getDouble(i));
            }
            List<Double> theirs = labels.stream().map(l -> byLabel.getOrDefault(l, 0.0)).toList();
            CategorySeries book = chart.addSeries("chapter", labels, theirs);
            book.setFillColor(ChartStyle.colour(1));
        }
        return chart;
    }

    static String label(Table parameters, int row) {
        int layer = parameters.intColumn("layer").getInt(row);
        String kind = parameters.stringColumn("kind").get(row);
        int r = parameters.intColumn("row").getInt(row) + 1;
        int c = parameters.intColumn("col").getInt(row) + 1;
        // a bias vector may be written as one row or one column: its index is whichever is not 0
        return kind.equals("W") ? "W" + layer + "[" + r + "," + c + "]" : "b" + layer + "[" + Math.max(r, c) + "]";
    }
}
