package ffnlab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WelchIntervalTest {

    /**
     * a = {1, 2, 3, 4}: mean 2.5, s^2 = 5/3, s^2/n = 5/12. b = {2, 4, 6}: mean 4, s^2 = 4, s^2/n = 4/3.
     * b - a = 1.5; se^2 = 5/12 + 4/3 = 1.75; df = 1.75^2 / ((5/12)^2/3 + (4/3)^2/2) = 3.0625 / 0.946759 = 3.234719;
     * t_{0.975, 3.234719} = 3.055713 (R: qt(0.975, 3.234719)); half-width 3.055713 * sqrt(1.75) = 4.042328.
     * R's t.test(b, a) (Welch by default) gives the same interval [-2.542328, 5.542328].
     */
    @Test
    void matchesTheHandComputedInterval() {
        WelchInterval d = WelchInterval.of(new double[] {1, 2, 3, 4}, new double[] {2, 4, 6});
        assertEquals(1.5, d.difference(), 1e-12);
        assertEquals(3.234719, d.df(), 1e-6);
        assertEquals(-2.542328, d.low(), 1e-6);
        assertEquals(5.542328, d.high(), 1e-6);
        assertTrue(d.assessed());
        assertTrue(d.containsZero());
    }

    @Test
    void isSymmetricInTheSidesUpToSign() {
        WelchInterval ab = WelchInterval.of(new double[] {1, 2, 3, 4}, new double[] {2, 4, 6});
        WelchInterval ba = WelchInterval.of(new double[] {2, 4, 6}, new double[] {1, 2, 3, 4});
        assertEquals(-ab.high(), ba.low(), 1e-12);
        assertEquals(-ab.low(), ba.high(), 1e-12);
    }

    @Test
    void oneSeedOnASideIsNotAssessed() {
        WelchInterval d = WelchInterval.of(new double[] {1}, new double[] {2, 3});
        assertFalse(d.assessed());
        assertEquals(1.5, d.difference(), 1e-12);
    }

    @Test
    void noSpreadOnEitherSideGivesTheDifferenceItself() {
        WelchInterval d = WelchInterval.of(new double[] {1, 1}, new double[] {3, 3, 3});
        assertEquals(2, d.low());
        assertEquals(2, d.high());
        assertFalse(d.containsZero());
    }
}
