package ffnlab.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionTest {
    private static final Map<String, double[]> VARS = Map.of("training.batch_size", new double[] {128},
            "model.hidden", new double[] {5, 5, 5}, "parameters", new double[] {900});

    private static double eval(String text) {
        return Expression.parse(text).evaluate(VARS::get);
    }

    @Test
    void arithmeticFollowsPrecedence() {
        assertEquals(0.002, eval("0.001 * training.batch_size / 64"), 1e-15);
        assertEquals(7, eval("1 + 2 * 3"));
        assertEquals(9, eval("(1 + 2) * 3"));
        assertEquals(-8, eval("-2 ^ 3"));
        assertEquals(1e-3, eval("1e-3"));
        assertEquals(15, eval("sum(model.hidden)"));
        assertEquals(3, eval("len(model.hidden)"));
        assertEquals(7, eval("log2(training.batch_size)"), 1e-12);
    }

    @Test
    void comparisonsAndLogic() {
        assertEquals(1, eval("parameters <= 1000 and len(model.hidden) >= 2"));
        assertEquals(0, eval("parameters > 1000 or not (len(model.hidden) == 3)"));
    }

    @Test
    void errorsAreExplained() {
        assertThrows(IllegalArgumentException.class, () -> Expression.parse("1 +"));
        assertThrows(IllegalArgumentException.class, () -> Expression.parse("foo(1)"));
        assertThrows(IllegalArgumentException.class, () -> Expression.parse("training.lrr * 2"));
        assertThrows(IllegalArgumentException.class, () -> eval("model.hidden * 2"), "a list is not a number");
    }
}
