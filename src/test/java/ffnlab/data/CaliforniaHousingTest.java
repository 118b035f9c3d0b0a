package ffnlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaliforniaHousingTest {
    private static final DataDirectories PROJECT = new DataDirectories(null, Path.of("data"));

    @Test
    void seventyThirtySplitGivesTheChaptersSizes() {
        PreparedData data = Datasets.load(DataRequest.californiaHousing(42));
        assertEquals(14448, data.train().rows());
        assertEquals(6192, data.test().rows());
        assertEquals(8, data.train().features());
        assertEquals(List.of("medianHouseValue"), data.targetNames());
        assertEquals(CaliforniaHousing.COLUMNS.subList(0, 8), data.featureNames());
        assertEquals(CaliforniaHousing.SHA256, data.sha256());
        assertSame(data, Datasets.load(DataRequest.californiaHousing(42)), "one shared copy per request");
    }

    @Test
    void splitIsSeededAndDisjoint() {
        TrainTestSplit a = TrainTestSplit.of(CaliforniaHousing.ROWS, 0.3, 7);
        TrainTestSplit b = TrainTestSplit.of(CaliforniaHousing.ROWS, 0.3, 7);
        TrainTestSplit c = TrainTestSplit.of(CaliforniaHousing.ROWS, 0.3, 8);
        assertArrayEquals(a.test(), b.test());
        assertFalse(java.util.Arrays.equals(a.test(), c.test()));
        boolean[] seen = new boolean[CaliforniaHousing.ROWS];
        for (int r : a.train()) {
            seen[r] = true;
        }
        for (int r : a.test()) {
            assertFalse(seen[r], "row " + r + " in both splits");
            seen[r] = true;
        }
        for (boolean s : seen) {
            assertTrue(s);
        }
    }

    @Test
    void scalingStatisticsAreFittedOnTheTrainingRowsOnly() {
        DataRequest request = DataRequest.californiaHousing(3);
        PreparedData data = CaliforniaHousing.load(request, PROJECT);
        CsvTable raw = CaliforniaHousing.read(CaliforniaHousing.locate(PROJECT), List.of(CaliforniaHousing.TARGET));
        int[] trainRows = TrainTestSplit.of(raw.rows(), 0.3, 3).train();
        int income = raw.columnIndex("medianIncome");
        int value = raw.columnIndex("medianHouseValue");
        double mean = 0;
        double targetMean = 0;
        for (int r : trainRows) {
            mean += raw.values()[r * 9 + income];
            targetMean += raw.values()[r * 9 + value];
        }
        mean /= trainRows.length;
        targetMean /= trainRows.length;
        double squares = 0;
        for (int r : trainRows) {
            double d = raw.values()[r * 9 + income] - mean;
            squares += d * d;
        }
        double sigma = Math.sqrt(squares / trainRows.length);
        // the first training row, standardised with the training split's statistics
        float x0 = data.train().x()[7];
        assertEquals((raw.values()[trainRows[0] * 9 + income] - mean) / sigma, x0, 1e-5);
        // on train every input column has mean 0 and sigma 1; on test only approximately
        for (int j = 0; j < 8; j++) {
            double[] m = moments(data.train().x(), data.train().rows(), 8, j);
            assertEquals(0, m[0], 1e-5, "train mean, column " + j);
            assertEquals(1, m[1], 1e-4, "train sigma, column " + j);
            double[] t = moments(data.test().x(), data.test().rows(), 8, j);
            assertNotEquals(0, t[0], 1e-7, "the test split is not re-fitted, column " + j);
        }
        assertEquals(targetMean, data.targetOffset()[0], 1e-6 * targetMean);
        // back to dollars
        assertEquals(raw.values()[trainRows[0] * 9 + value], data.originalTarget(0, data.train().targets()[0]), 0.05);
        double s = data.targetScale()[0];
        assertEquals(s * s * 0.5, data.mseInOriginalUnits(0.5), 1e-6 * s * s);
    }

    @Test
    void minMaxGivesTheUnitIntervalOnTrain() {
        PreparedData data = CaliforniaHousing.load(DataRequest.californiaHousing(1)
                .withScaling(InputScaling.MIN_MAX, OutputScaling.MIN_MAX), PROJECT);
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : data.train().x()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(0f, min, 0f);
        assertEquals(1f, max, 1e-6f);
        // the capped price 500001 is the training maximum
        assertEquals(500001 - 14999, data.targetScale()[0], 1.0);
    }

    @Test
    void limitsKeepTheFirstRowsAfterTheSplit() {
        PreparedData all = CaliforniaHousing.load(DataRequest.californiaHousing(5), PROJECT);
        PreparedData few = CaliforniaHousing.load(DataRequest.californiaHousing(5).withScaling(InputScaling.NONE, OutputScaling.NONE)
                .withLimits(100, 50), PROJECT);
        assertEquals(100, few.train().rows());
        assertEquals(50, few.test().rows());
        PreparedData raw = CaliforniaHousing.load(DataRequest.californiaHousing(5).withScaling(InputScaling.NONE, OutputScaling.NONE), PROJECT);
        assertArrayEquals(java.util.Arrays.copyOf(raw.train().x(), 800), few.train().x());
        assertEquals(14448, all.train().rows());
    }

    @Test
    void sourcesGiveTheVerifiedChecksum() throws IOException {
        String sources = Files.readString(Path.of("data/california-housing/SOURCES.md"));
        assertTrue(sources.contains(CaliforniaHousing.SHA256));
    }

    @Test
    void aChangedFileFailsTheChecksum(@TempDir Path root) throws IOException {
        Path dir = Files.createDirectories(root.resolve("california-housing"));
        byte[] bytes = Files.readAllBytes(CaliforniaHousing.locate(PROJECT));
        bytes[100] = (byte) (bytes[100] == '1' ? '2' : '1');
        Files.write(dir.resolve(CaliforniaHousing.FILE), bytes);
        DataException e = assertThrows(DataException.class,
                () -> CaliforniaHousing.load(DataRequest.californiaHousing(1), new DataDirectories(root, root.resolve("none"))));
        assertEquals(dir.resolve(CaliforniaHousing.FILE) + ": SHA-256 is " + Sha256.ofFile(dir.resolve(CaliforniaHousing.FILE))
                + ", expected " + CaliforniaHousing.SHA256 + " (data/california-housing/SOURCES.md); the file is damaged or not the published one",
                e.getMessage());
    }

    @Test
    void aMissingFileNamesWhereItWasLookedFor(@TempDir Path root) {
        DataException e = assertThrows(DataException.class,
                () -> CaliforniaHousing.load(DataRequest.californiaHousing(1), new DataDirectories(null, root)));
        assertTrue(e.getMessage().startsWith(root.resolve("california-housing/cal_housing.data") + ": file not found; expected"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void anUnknownTargetColumnIsNamed() {
        DataRequest request = new DataRequest("california-housing", null, List.of("price"), null, 0.3, 1,
                InputScaling.NONE, OutputScaling.NONE, 0, 0);
        DataException e = assertThrows(DataException.class, () -> CaliforniaHousing.load(request, PROJECT));
        assertEquals(Path.of("data/california-housing/cal_housing.data") + ":1: unknown target column 'price'; expected one of "
                + String.join(", ", CaliforniaHousing.COLUMNS) + " (the dataset's columns)", e.getMessage());
    }

    static double[] moments(float[] x, int rows, int cols, int j) {
        double mean = 0;
        for (int p = 0; p < rows; p++) {
            mean += x[p * cols + j];
        }
        mean /= rows;
        double sq = 0;
        for (int p = 0; p < rows; p++) {
            double d = x[p * cols + j] - mean;
            sq += d * d;
        }
        return new double[] {mean, Math.sqrt(sq / rows)};
    }
}
