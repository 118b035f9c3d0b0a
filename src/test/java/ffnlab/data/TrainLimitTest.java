package ffnlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * dataset.train_limit, which the overfitting width and depth experiments use to train on 1000 rows: the first N rows
 * of the split seed's training rows, the same on every load, the test set untouched, the scaling fitted on the N rows.
 */
class TrainLimitTest {
    private static final DataDirectories PROJECT = new DataDirectories(null, Path.of("data"));
    private static final DataRequest RAW = DataRequest.californiaHousing(42).withScaling(InputScaling.NONE, OutputScaling.NONE);

    @Test
    void theLimitKeepsTheFirstRowsOfTheSeedsSplitAndTheWholeTestSet() {
        PreparedData all = Datasets.prepare(RAW, PROJECT);
        PreparedData first = Datasets.prepare(RAW.withLimits(1000, 0), PROJECT);
        assertEquals(1000, first.train().rows());
        assertArrayEquals(Arrays.copyOf(all.train().x(), 1000 * 8), first.train().x());
        assertArrayEquals(Arrays.copyOf(all.train().targets(), 1000), first.train().targets());
        assertArrayEquals(all.test().x(), first.test().x());
        assertArrayEquals(all.test().targets(), first.test().targets());
    }

    @Test
    void theStandardisationIsFittedOnTheKeptRowsOnly() {
        PreparedData scaled = Datasets.prepare(DataRequest.californiaHousing(42).withLimits(1000, 0), PROJECT);
        for (int j = 0; j < 8; j++) {
            double mean = 0;
            for (int i = 0; i < 1000; i++) {
                mean += scaled.train().x()[i * 8 + j];
            }
            assertEquals(0, mean / 1000, 1e-4, "column " + j + " has mean 0 over the 1000 kept rows");
        }
        // the same row, standardised with the 1000 rows' statistics, differs from the full split's
        PreparedData full = Datasets.prepare(DataRequest.californiaHousing(42), PROJECT);
        assertNotEquals(full.train().x()[0], scaled.train().x()[0]);
    }
}
