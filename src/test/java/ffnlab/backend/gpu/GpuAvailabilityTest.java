package ffnlab.backend.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Runs everywhere: without a GPU the backend says why and refuses cleanly; with one it opens. */
class GpuAvailabilityTest {

    @Test
    void unavailableReasonIsOneLineAndConstructionAgreesWithIt() {
        Optional<String> reason = GpuBackend.unavailableReason();
        assertEquals(reason, GpuBackend.unavailableReason(), "the answer is stable");
        if (reason.isPresent()) {
            assertFalse(reason.get().isBlank());
            assertFalse(reason.get().contains("\n"), reason.get());
            GpuUnavailableException e = assertThrows(GpuUnavailableException.class, GpuBackend::new);
            assertEquals("GPU backend unavailable: " + reason.get(), e.getMessage());
        } else {
            GpuBackend backend = new GpuBackend();
            assertEquals("gpu", backend.name());
            assertTrue(backend.deviceName().contains("cc "), backend.deviceName());
            var versions = backend.libraryVersions();
            assertEquals(java.util.List.of("cuda_driver", "cublas", "nvrtc"), java.util.List.copyOf(versions.keySet()));
            versions.forEach((library, version) -> assertTrue(version.matches("\\d+(\\.\\d+)+"), library + " " + version));
            backend.close();
        }
    }
}
