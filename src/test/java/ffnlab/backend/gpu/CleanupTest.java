package ffnlab.backend.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A release sequence runs every step; the first failure is thrown, the later ones suppressed in it. */
class CleanupTest {
    @Test
    void everyStepRunsAfterAFailureAndTheFirstFailureIsThrown() {
        List<String> ran = new ArrayList<>();
        IllegalStateException notCurrent = new IllegalStateException("cuCtxSetCurrent failed");
        CudaException freeFailed = new CudaException("cuMemFree_v2", 700, "CUDA_ERROR_ILLEGAL_ADDRESS");

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Cleanup.all(
                () -> {
                    ran.add("make current");
                    throw notCurrent;
                },
                () -> ran.add("destroy graphs"),
                () -> {
                    ran.add("free memory");
                    throw freeFailed;
                },
                () -> ran.add("destroy stream")));

        assertSame(notCurrent, thrown);
        assertEquals(List.of("make current", "destroy graphs", "free memory", "destroy stream"), ran);
        assertEquals(List.of(freeFailed), List.of(thrown.getSuppressed()));
    }

    @Test
    void withoutFailuresNothingIsThrown() {
        List<String> ran = new ArrayList<>();
        Cleanup.all(() -> ran.add("a"), () -> ran.add("b"));
        assertEquals(List.of("a", "b"), ran);
    }
}
