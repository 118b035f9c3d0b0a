package ffnlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class SweptAxisTest {
    private static SweptAxis axis(String key, boolean logX, double... values) {
        return SweptAxis.of(Table.create("t", DoubleColumn.create(key, values)), key, logX);
    }

    private static List<String> ticks(SweptAxis axis) {
        return Arrays.stream(axis.positions()).mapToObj(axis::tickLabel).toList();
    }

    @Test
    void batchSizesTickAtTheSweptSizes() {
        SweptAxis linear = axis("training.batch_size", true, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100);
        assertEquals(List.of("10", "20", "30", "40", "50", "60", "70", "80", "90", "100"), ticks(linear));
        assertEquals("training.batch_size (patterns)", linear.title());
        assertEquals(List.of("16", "32", "64", "128", "256"), ticks(axis("training.batch_size", true, 16, 32, 64, 128, 256)));
    }

    @Test
    void learningRatesTickAtTheirValuesInPlainNumbers() {
        SweptAxis rates = axis("training.optimiser.learning_rate", true, 0.001, 0.01, 0.1);
        assertEquals(List.of("0.001", "0.01", "0.1"), ticks(rates));
        assertTrue(rates.title().endsWith("(step size)"));
    }

    @Test
    void irregularValuesSayTheyAreNotToScaleAndLinearOnesKeepTheirValues() {
        SweptAxis ranks = axis("model.hidden", true, 1, 3, 10, 11);
        assertEquals("model.hidden, not to scale (neurons)", ranks.title());
        SweptAxis linear = axis("model.hidden", false, 1, 3, 10, 11);
        assertFalse(linear.ranked());
        assertEquals(List.of(1.0, 3.0, 10.0, 11.0), Arrays.stream(linear.positions()).boxed().toList());
        assertEquals("model.hidden (neurons)", linear.title());
    }

    @Test
    void depthsTickAtOneToFiveAndCategoriesAtTheirNames() {
        SweptAxis depth = SweptAxis.of(Table.create("t", StringColumn.create("model.hidden", "[5]", "[5, 5]", "[5, 5, 5]")),
                "model.hidden");
        assertTrue(depth.depth());
        assertEquals(List.of("1", "2", "3"), ticks(depth));
        assertEquals("model.hidden: depth (hidden layers)", depth.title());
        SweptAxis activation = SweptAxis.of(Table.create("t", StringColumn.create("model.activation", "relu", "tanh")),
                "model.activation");
        assertEquals(List.of("relu", "tanh"), ticks(activation));
        assertEquals("model.activation (value)", activation.title());
    }

    @Test
    void aValueBetweenSweptValuesLiesBetweenTheirRanksOnALogScale() {
        SweptAxis widths = axis("model.hidden", true, 16, 64, 256);
        assertEquals(0.5, widths.position(32), 1e-12);
        assertTrue(Double.isNaN(widths.position(1000)));
    }

    @Test
    void numbersArePlain() {
        assertEquals("30000", SweptAxis.format(3e4));
        assertEquals("0.0001", SweptAxis.format(1e-4));
        assertEquals("0.3", SweptAxis.format(0.30000000000000004));
    }
}
