package ffnlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.report.InlineSvg;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Every class, parameter and seed is named where a reader looks for it, with units on the axes. */
class ReadableLabelsTest {
    private static final List<String> FASHION = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
            "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** The strings drawn as SVG text, in painting order. */
    static List<String> drawnText(Chart<?, ?> chart) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<text[^>]*>([^<]*)</text>").matcher(InlineSvg.of(chart, "p", "chart"));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void theConfusionMatrixNamesEveryClassOnBothAxesInLabelOrder() {
        StringColumn actual = StringColumn.create("actual");
        StringColumn predicted = StringColumn.create("predicted");
        for (int i = 0; i < 200; i++) {
            actual.append(FASHION.get(i % 10));
            predicted.append(FASHION.get((i * 7) % 10));
        }
        HeatMapChart chart = ConfusionMatrixPlot.build(Table.create("p", actual, predicted), FASHION, "confusion");
        assertEquals(FASHION, chart.getHeatMapSeries().getXData(), "predicted classes in label order, not alphabetical");
        List<String> text = drawnText(chart);
        for (String name : FASHION) {
            assertEquals(2, text.stream().filter(t -> t.equals(name)).count(), name + " is labelled on both axes");
        }
        assertTrue(chart.getXAxisTitle().endsWith(")") && chart.getYAxisTitle().endsWith(")"));
    }

    @Test
    void classesMissingFromTheGivenOrderAreStillShown() {
        Table p = Table.create("p", StringColumn.create("actual", "b", "a", "z"), StringColumn.create("predicted", "a", "a", "b"));
        assertEquals(List.of("b", "a", "z"), ConfusionMatrixPlot.build(p, List.of("b", "a"), "c").getHeatMapSeries().getXData());
    }

    @Test
    void everyParameterOfTheToyNetworkIsLabelled() {
        IntColumn layer = IntColumn.create("layer");
        StringColumn kind = StringColumn.create("kind");
        IntColumn row = IntColumn.create("row");
        IntColumn col = IntColumn.create("col");
        DoubleColumn value = DoubleColumn.create("value");
        int[][] shapes = {{2, 3}, {1, 3}, {3, 2}, {1, 2}};
        for (int s = 0; s < shapes.length; s++) {
            for (int r = 0; r < shapes[s][0]; r++) {
                for (int c = 0; c < shapes[s][1]; c++) {
                    layer.append(s / 2 + 1);
                    kind.append(s % 2 == 0 ? "W" : "b");
                    row.append(r);
                    col.append(c);
                    value.append(r - c);
                }
            }
        }
        Table learnt = Table.create("p", layer, kind, row, col, value);
        CategoryChart chart = WeightsPlot.build(learnt, null, "weights");
        List<String> text = drawnText(chart);
        for (int i = 0; i < learnt.rowCount(); i++) {
            assertTrue(text.contains(WeightsPlot.label(learnt, i)), WeightsPlot.label(learnt, i) + " is labelled: " + text);
        }
        assertEquals(17, learnt.rowCount(), "W1 2x3, b1 3, W2 3x2, b2 2");
    }

    @Test
    void predictedAgainstActualShowsEverySeedInDollars() {
        SortedMap<Long, Table> bySeed = new TreeMap<>();
        for (long seed = 1; seed <= 3; seed++) {
            bySeed.put(seed, Table.create("p", DoubleColumn.create("actual", 100000, 200000, 300000),
                    DoubleColumn.create("predicted", 110000 * seed, 190000, 310000)));
        }
        XYChart chart = PredictedVsActualPlot.build(bySeed, "predicted against actual", "median house value", "$");
        assertEquals("actual median house value ($)", chart.getXAxisTitle());
        assertEquals("predicted median house value ($)", chart.getYAxisTitle());
        for (long seed = 1; seed <= 3; seed++) {
            assertEquals(3, chart.getSeries("seed " + seed).getXData().length);
        }
        assertEquals("seed 2: actual 100000, predicted 220000 ($)",
                PointTips.of(chart.getSeries("seed 2")).orElseThrow()[0]);
    }
}
