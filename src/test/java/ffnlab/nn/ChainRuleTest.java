package ffnlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Example 1: the Jacobian of y1 = 5 - 2 x1 + 3 x3, y2 = x1 + 5 x2^2 + x3^3 - 1. */
class ChainRuleTest {

    private static double[] f(double[] x) {
        return new double[] {5 - 2 * x[0] + 3 * x[2], x[0] + 5 * x[1] * x[1] + x[2] * x[2] * x[2] - 1};
    }

    @ParameterizedTest
    @CsvSource({"0, 0, 0", "1, 2, 3", "-0.5, 0.25, -2", "3.7, -1.1, 0.9"})
    void numericJacobianMatchesTheChaptersAnalyticJacobian(double x1, double x2, double x3) {
        double[][] j = new NumericJacobian().at(ChainRuleTest::f, new double[] {x1, x2, x3});
        assertEquals(2, j.length, "K = 2 rows (outputs)");
        assertArrayEquals(new double[] {-2, 0, 3}, j[0], 1e-6);
        assertArrayEquals(new double[] {1, 10 * x2, 3 * x3 * x3}, j[1], 1e-6);
    }

    @ParameterizedTest
    @CsvSource({"0.3, -0.7", "2, 1"})
    void chainRuleTransfersTheGradient(double a, double b) {
        // J = g(y) = y1^2 + y2, y = f(x): grad_x J = (dy/dx)^T grad_y J.
        double[] x = {a, b, 0.5};
        double[] y = f(x);
        double[] gradY = {2 * y[0], 1};
        double[][] jac = new NumericJacobian().at(ChainRuleTest::f, x);
        double[] viaChain = new double[3];
        for (int i = 0; i < 3; i++) {
            viaChain[i] = jac[0][i] * gradY[0] + jac[1][i] * gradY[1];
        }
        double[] direct = new NumericJacobian().gradient(v -> {
            double[] yy = f(v);
            return yy[0] * yy[0] + yy[1];
        }, x);
        assertArrayEquals(direct, viaChain, 1e-5);
    }
}
