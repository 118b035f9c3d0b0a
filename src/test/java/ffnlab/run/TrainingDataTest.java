package ffnlab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import ffnlab.data.DataRequest;
import ffnlab.data.Examples;
import ffnlab.data.InputScaling;
import ffnlab.data.OutputScaling;
import ffnlab.data.PreparedData;
import ffnlab.data.Task;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingDataTest {
    /** Eight rows x = 1..7, 1000 with d = 2x + 1; the last two are the validation rows at fraction 0.25. */
    private static PreparedData raw() {
        float[] x = {1, 2, 3, 4, 5, 6, 7, 1000};
        float[] d = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = 2 * x[i] + 1;
        }
        Examples test = Examples.regression(1, 1, new float[] {10}, 1, new float[] {21});
        return new PreparedData("line", Task.REGRESSION, Examples.regression(8, 1, x, 1, d), test, "sha", List.of("x"), List.of("d"),
                new double[] {1}, new double[] {0});
    }

    private static final DataRequest STANDARDISED = DataRequest.toyMapping().withScaling(InputScaling.STANDARDISE, OutputScaling.STANDARDISE);

    @Test
    void scalingsAreFittedOnTheRowsThatTrainNotOnTheValidationRows() {
        List<DataRequest> asked = new ArrayList<>();
        PreparedData loaded = raw();
        TrainingData t = TrainingData.of(STANDARDISED, 0.25, r -> {
            asked.add(r);
            return loaded;
        });
        assertEquals(List.of(STANDARDISED.withScaling(InputScaling.NONE, OutputScaling.NONE)), asked, "loaded unscaled");
        Examples train = t.data().train();
        assertEquals(6, train.rows());
        assertEquals(2, t.validation().rows());
        double mean = 3.5;
        double sigma = Math.sqrt(17.5 / 6);   // population sigma of 1..6
        double sum = 0;
        double squares = 0;
        for (float v : train.x()) {
            sum += v;
            squares += v * v;
        }
        assertEquals(0, sum / 6, 1e-6, "mean 0 on the training rows");
        assertEquals(1, squares / 6, 1e-5, "variance 1 on the training rows");
        assertEquals((1000 - mean) / sigma, t.validation().x()[1], 1e-3, "validation scaled with the training rows' statistics");
        assertEquals((10 - mean) / sigma, t.data().test().x()[0], 1e-5, "test too");
        // targets: d = 2x + 1, so their scale is 2 sigma and their offset 2 mean + 1; back in original units exactly
        assertEquals(2 * sigma, t.data().targetScale()[0], 1e-9);
        assertEquals(2 * mean + 1, t.data().targetOffset()[0], 1e-9);
        assertEquals(2001, t.data().originalTarget(0, t.validation().targets()[1]), 1e-2);
        assertEquals(21, t.data().originalTarget(0, t.data().test().targets()[0]), 1e-4);
        assertEquals(1000, loaded.train().x()[7], "the loaded (memoised) data is not changed");
        assertEquals(10, loaded.test().x()[0]);
    }

    @Test
    void withoutAValidationFractionTheDataIsAsLoaded() {
        PreparedData loaded = raw();
        TrainingData t = TrainingData.of(STANDARDISED, 0, r -> loaded);
        assertSame(loaded, t.data());
        assertNull(t.validation());
    }
}
