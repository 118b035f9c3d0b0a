package ffnlab.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.data.DataRequest;
import ffnlab.data.Datasets;
import ffnlab.data.PreparedData;
import org.junit.jupiter.api.Test;

class BaselinesTest {
    @Test
    void linearRegressionOnHousingReportsScaledAndDollarErrors() {
        PreparedData housing = Datasets.load(DataRequest.californiaHousing(42));
        Baselines.Result r = Baselines.fit(housing, "linear", 1L);
        // ordinary least squares explains about 60 % of the variance of the standardised price
        assertTrue(r.testMse() > 0.3 && r.testMse() < 0.6, "test m.s.e. " + r.testMse());
        assertTrue(r.trainMse() > 0.3 && r.trainMse() < 0.6, "train m.s.e. " + r.trainMse());
        double s = housing.targetScale()[0];
        assertEquals(s * s * r.testMse(), r.testMseOrig(), 1e-6 * r.testMseOrig());
        assertTrue(Double.isNaN(r.testAccuracy()));
        assertEquals(6192, r.predictions().actual().size());
        // predictions come back in dollars
        double sum = 0;
        for (int i = 0; i < 6192; i++) {
            double actual = Double.parseDouble(r.predictions().actual().get(i));
            double predicted = Double.parseDouble(r.predictions().predicted().get(i));
            assertTrue(actual >= 14999 - 1 && actual <= 500001 + 1, "actual " + actual);
            sum += (actual - predicted) * (actual - predicted);
        }
        assertEquals(r.testMseOrig(), sum / 6192, 1e-3 * r.testMseOrig());
        // same seed, same numbers
        PreparedData few = Datasets.load(DataRequest.californiaHousing(42).withLimits(1000, 200));
        assertEquals(Baselines.fit(few, "linear", 1L).testMse(), Baselines.fit(few, "linear", 1L).testMse(), 0.0);
    }

    @Test
    void logisticRegressionClassifiesAndNamesTheClasses() {
        PreparedData blobs = FeedForwardTrainerTest.classificationData(400, 9);
        Baselines.Result r = Baselines.fit(blobs, "logistic", 3L);
        assertTrue(r.testAccuracy() > 0.9, "accuracy " + r.testAccuracy());
        assertTrue(Double.isNaN(r.testMse()));
        assertEquals(100, r.predictions().predicted().size());
        assertTrue(blobs.targetNames().containsAll(r.predictions().predicted()));
        long correct = 0;
        for (int i = 0; i < 100; i++) {
            correct += r.predictions().actual().get(i).equals(r.predictions().predicted().get(i)) ? 1 : 0;
            assertEquals(blobs.targetNames().get(blobs.test().labels()[i]), r.predictions().actual().get(i));
        }
        assertEquals(r.testAccuracy(), correct / 100.0, 1e-12);
    }

    @Test
    void tribuoExamplesCarryTheRowsValuesByNameWithUnitWeight() {
        PreparedData blobs = FeedForwardTrainerTest.classificationData(40, 9);
        var dataset = TribuoData.classificationTrain(blobs);
        assertEquals(30, dataset.size());
        for (int p = 0; p < dataset.size(); p++) {
            var example = dataset.getExample(p);
            assertEquals(1.0f, example.getWeight());
            assertEquals(blobs.targetNames().get(blobs.train().labels()[p]), example.getOutput().getLabel());
            assertEquals(blobs.train().x()[p * 2 + 1], example.lookup("x2").getValue(), 0.0);
        }
        assertTrue(dataset.getProvenance().getSourceProvenance().toString().contains(blobs.sha256()));
    }

    @Test
    void theBaselineMustFitTheTask() {
        PreparedData blobs = FeedForwardTrainerTest.classificationData(40, 9);
        assertThrows(IllegalArgumentException.class, () -> Baselines.fit(blobs, "linear", 1L));
        assertThrows(IllegalArgumentException.class, () -> Baselines.fit(blobs, "forest", 1L));
    }
}
