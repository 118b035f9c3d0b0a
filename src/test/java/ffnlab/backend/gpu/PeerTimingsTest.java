package ffnlab.backend.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The peer's output as the benchmark reads it, and the table's peer columns: a number only where one was measured. */
class PeerTimingsTest {
    private static final String OUTPUT = """
            peer-info torch=2.9.0 cuda=13.0 device=NVIDIA_H200
            peer torch-eager 16 3.021000
            peer torch-cudagraph 16 0.412000
            peer torch-eager 64 0.763000
            peer-failed torch-cudagraph 64 RuntimeError: capture failed
            """;

    @Test
    void readsEachModeAndBatchAndKeepsThePeersNotes() {
        PeerTimings t = PeerTimings.parse(OUTPUT);
        assertEquals(Optional.of(3.021), t.seconds("torch-eager", 16));
        assertEquals(Optional.of(0.412), t.seconds("torch-cudagraph", 16));
        assertEquals(Optional.of(0.763), t.seconds("torch-eager", 64));
        assertEquals(Optional.empty(), t.seconds("torch-cudagraph", 64));
        assertEquals(Optional.empty(), t.seconds("torch-eager", 32));
        assertEquals(List.of("peer-info torch=2.9.0 cuda=13.0 device=NVIDIA_H200", "peer-failed torch-cudagraph 64 RuntimeError: capture failed"),
                t.notes());
    }

    @Test
    void aMalformedPeerLineIsAnErrorNamingTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PeerTimings.parse("peer-info x\npeer torch-eager 16 fast\n"));
        assertTrue(e.getMessage().startsWith("peer output line 2: expected 'peer MODE BATCH SECONDS', got 'peer torch-eager 16 fast'"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PeerTimings.parse("peer torch-eager 16 NaN"));
        assertThrows(IllegalArgumentException.class, () -> PeerTimings.parse("peer torch-eager 0 1.0"));
        assertThrows(IllegalArgumentException.class, () -> PeerTimings.parse("peer torch-eager 16"));
    }

    @Test
    void theTableShowsPeerFiguresAndSpeedUpsOnlyWhereMeasured() {
        PeerTimings t = PeerTimings.parse(OUTPUT);
        String measured = BenchmarkTable.row(16, 0.2, 0.4, 3750, t);
        assertTrue(measured.contains("3.0210") && measured.contains("15.1x"), measured);
        assertTrue(measured.contains("0.4120") && measured.contains("2.1x"), measured);
        assertFalse(measured.contains(BenchmarkTable.NOT_MEASURED), measured);

        String half = BenchmarkTable.row(64, 0.05, 0.1, 938, t);
        assertTrue(half.contains("0.7630") && half.contains("15.3x"), half);
        assertEquals(2, half.split(BenchmarkTable.NOT_MEASURED, -1).length - 1, "graph mode failed: its time and speed-up: " + half);

        String none = BenchmarkTable.row(32, 0.1, 0.2, 1875, PeerTimings.none("no peer"));
        assertEquals(4, none.split(BenchmarkTable.NOT_MEASURED, -1).length - 1, none);
        assertEquals(BenchmarkTable.header().split("\\s{2,}").length, measured.strip().split("\\s{2,}").length,
                "one cell per header column");
    }

    @Test
    void withoutAReadablePeerFileEveryPeerCellIsNotMeasured(@TempDir Path dir) throws Exception {
        PeerTimings missing = PeerTimings.read(dir.resolve("peer.log"));
        assertTrue(missing.notes().getFirst().contains("not measured"), missing.notes().toString());
        assertEquals(Optional.empty(), missing.seconds("torch-eager", 16));
        Path unavailable = Files.writeString(dir.resolve("peer.log"), "peer-unavailable PyTorch cannot be imported: No module named 'torch'\n");
        PeerTimings none = PeerTimings.read(unavailable);
        assertEquals(List.of("peer-unavailable PyTorch cannot be imported: No module named 'torch'"), none.notes());
        assertTrue(BenchmarkTable.row(16, 0.2, 0.4, 3750, none).endsWith(BenchmarkTable.NOT_MEASURED));
    }
}
