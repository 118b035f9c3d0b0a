package ffnlab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** {@code auto} resolves to this machine's choice unless pinned; other kinds are what they say. */
class BackendChoiceTest {

    private static String pinned(String value) {
        String before = System.getProperty(BackendChoice.AUTO_PROPERTY);
        try {
            System.setProperty(BackendChoice.AUTO_PROPERTY, value);
            return BackendChoice.resolve("auto");
        } finally {
            if (before == null) {
                System.clearProperty(BackendChoice.AUTO_PROPERTY);
            } else {
                System.setProperty(BackendChoice.AUTO_PROPERTY, before);
            }
        }
    }

    @Test
    void autoFollowsThePinAndOtherKindsAreKept() {
        assertEquals("gpu", pinned("gpu"));
        assertEquals("cpu", pinned("cpu"));
        assertEquals("cpu", BackendChoice.resolve("cpu"));
        assertEquals("reference", BackendChoice.resolve("reference"));
        assertEquals(ffnlab.backend.gpu.GpuBackend.unavailableReason().isEmpty() ? "gpu" : "cpu", BackendChoice.resolve("auto"));
    }

    @Test
    void aPinThatIsNeitherCpuNorGpuIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pinned("tpu"));
        assertEquals("-Dffnlab.backend.auto: expected cpu or gpu, got 'tpu'", e.getMessage());
    }
}
