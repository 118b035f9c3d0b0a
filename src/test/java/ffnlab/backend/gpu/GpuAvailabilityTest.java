package ffnlab.backend.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Runs everywhere: without a GPU the backend says why and refuses cleanly; with one it opens. Whether the NVIDIA
 * driver library loads is checked here independently of the backend, and its reason must agree.
 */
class GpuAvailabilityTest {

    /** Whether {@code libcuda.so.1} loads in this process, asked without the backend. */
    private static boolean driverLibraryLoads() {
        try {
            java.lang.foreign.SymbolLookup.libraryLookup("libcuda.so.1", java.lang.foreign.Arena.global());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Test
    void theReasonAgreesWithWhetherTheDriverLibraryLoads() {
        Optional<String> reason = GpuBackend.unavailableReason();
        if (driverLibraryLoads()) {
            reason.ifPresent(r -> assertFalse(r.startsWith("libcuda.so.1 not found"), "libcuda.so.1 loads here, yet: " + r));
        } else {
            assertEquals(Optional.of("libcuda.so.1 not found: no NVIDIA driver on this machine"), reason);
        }
    }

    @Test
    void unavailableReasonIsOneLineAndConstructionAgreesWithIt() {
        Optional<String> reason = GpuBackend.unavailableReason();
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
