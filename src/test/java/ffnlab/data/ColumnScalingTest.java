package ffnlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ColumnScalingTest {
    // 3 x 2: column 0 = 1, 2, 3; column 1 constant 5
    private static final float[] TRAIN = {1, 5, 2, 5, 3, 5};

    @Test
    void minMaxMapsTrainOntoTheUnitIntervalAndTestWithTrainsStatistics() {
        ColumnScaling s = ColumnScaling.fit(ColumnScaling.Kind.MIN_MAX, TRAIN, 3, 2);
        assertArrayEquals(new double[] {1, 5}, s.offset());
        assertArrayEquals(new double[] {2, 1}, s.scale(), "a constant column keeps scale 1");
        float[] train = TRAIN.clone();
        s.applyInPlace(train, 3);
        assertArrayEquals(new float[] {0, 0, 0.5f, 0, 1, 0}, train);
        float[] test = {5, 7};
        s.applyInPlace(test, 1);
        assertArrayEquals(new float[] {2, 2}, test, "test values outside train's range stay outside [0, 1]");
    }

    @Test
    void standardisationUsesThePopulationSigma() {
        ColumnScaling s = ColumnScaling.fit(ColumnScaling.Kind.STANDARDISE, TRAIN, 3, 2);
        assertEquals(2, s.offset()[0], 1e-12);
        assertEquals(Math.sqrt(2.0 / 3.0), s.scale()[0], 1e-12);
        assertEquals(1, s.scale()[1]);
        assertEquals(3, s.original(0, Math.sqrt(1.5)), 1e-12);
    }

    @Test
    void noneIsTheIdentity() {
        ColumnScaling s = ColumnScaling.fit(ColumnScaling.Kind.NONE, TRAIN, 3, 2);
        assertTrue(s.isIdentity());
        float[] copy = TRAIN.clone();
        s.applyInPlace(copy, 3);
        assertArrayEquals(TRAIN, copy);
    }
}
