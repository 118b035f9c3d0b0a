package ffnlab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvenanceTest {
    private static Map<?, ?> load(double atStart) {
        Map<String, Object> p = Provenance.of("e", 2, "cpu", "cpu", "sha", Instant.EPOCH, Instant.EPOCH, atStart);
        return (Map<?, ?>) p.get("load_average");
    }

    @Test
    void theLoadAverageAtTheStartIsKeptToTwoDecimalsAndTheOneAtTheEndIsReadThen() {
        Map<?, ?> load = load(3.14159);
        assertEquals(3.14, load.get("start"));
        double now = Provenance.loadAverage();
        if (Double.isFinite(now)) {
            assertTrue(load.get("end") instanceof Double end && end >= 0, "a number on a system that has a load average: " + load);
        } else {
            assertEquals("unknown", load.get("end"));
        }
    }

    @Test
    void aSystemWithoutALoadAverageWritesUnknown() {
        assertEquals("unknown", load(Double.NaN).get("start"));
    }
}
