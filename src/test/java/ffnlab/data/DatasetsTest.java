package ffnlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DatasetsTest {
    @Test
    void toyMappingIsTheChaptersEightPatternsWithoutTestSplit() {
        PreparedData toy = Datasets.load(DataRequest.toyMapping());
        assertEquals(8, toy.train().rows());
        assertNull(toy.test());
        assertArrayEquals(ToyMapping.examples().x(), toy.train().x());
        assertArrayEquals(ToyMapping.examples().targets(), toy.train().targets());
        assertArrayEquals(new double[] {1, 1}, toy.targetScale());
        assertEquals(0.5, toy.mseInOriginalUnits(0.5));
    }

    @Test
    void concurrentTrialsShareOneCopy() throws Exception {
        DataRequest request = DataRequest.californiaHousing(77).withLimits(500, 100);
        List<Future<PreparedData>> loads = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 8; i++) {
                loads.add(pool.submit(() -> Datasets.load(request)));
            }
            PreparedData first = loads.getFirst().get();
            for (Future<PreparedData> f : loads) {
                assertSame(first, f.get());
            }
        }
    }

    @Test
    void aFailedLoadIsNotRemembered() {
        DataRequest missing = new DataRequest("csv", Path.of("target/no-such-file.csv"), List.of(), null, 0, 1, null, null, 0, 0);
        assertThrows(DataException.class, () -> Datasets.load(missing));
        assertThrows(DataException.class, () -> Datasets.load(missing));
    }

    @Test
    void unknownSourcesAndBadRequestsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Datasets.load(new DataRequest("mnist", null, List.of(), null, 0, 0, null, null, 0, 0)));
        assertEquals("unknown data source 'mnist'; expected one of california-housing, fashion-mnist, toy-mapping, csv", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DataRequest("csv", null, List.of(), null, 1.0, 0, null, null, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new DataRequest("csv", null, List.of(), null, 0.3, 0, null, null, -1, 0));
        assertEquals(InputScaling.STANDARDISE, InputScaling.parse("standardise"));
        assertEquals(OutputScaling.MIN_MAX, OutputScaling.parse("MIN_MAX"));
        assertThrows(IllegalArgumentException.class, () -> InputScaling.parse("zscore"));
    }
}
