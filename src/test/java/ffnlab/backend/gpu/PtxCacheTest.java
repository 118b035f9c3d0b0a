package ffnlab.backend.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PtxCacheTest {
    private static final byte[] PTX = ".version 9.0\n.target sm_90\n.visible .entry k()\n{\n ret;\n}\n\0"
            .getBytes(StandardCharsets.US_ASCII);

    @BeforeEach
    void forgetMemory() {
        PtxCache.clearMemory();
    }

    @Test
    void compilesOnceThenReadsFromDisk(@TempDir Path dir) {
        AtomicInteger compilations = new AtomicInteger();
        PtxCache cache = new PtxCache(dir.resolve("ptx"));
        assertArrayEquals(PTX, cache.get("k1", () -> {
            compilations.incrementAndGet();
            return PTX;
        }));
        assertTrue(Files.isRegularFile(dir.resolve("ptx/k1.ptx")));
        PtxCache.clearMemory();
        assertArrayEquals(PTX, new PtxCache(dir.resolve("ptx")).get("k1", () -> {
            compilations.incrementAndGet();
            return PTX;
        }));
        assertEquals(1, compilations.get());
    }

    @Test
    void ignoresAMalformedFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("k2.ptx"), "not ptx");
        PtxCache cache = new PtxCache(dir);
        assertTrue(cache.read("k2").isEmpty());
        assertArrayEquals(PTX, cache.get("k2", () -> PTX));
        assertArrayEquals(PTX, cache.read("k2").orElseThrow());
    }

    @Test
    void anUnwritableFolderOnlyCostsACompilation(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        PtxCache cache = new PtxCache(file.resolve("ptx"));
        assertArrayEquals(PTX, cache.get("k3", () -> PTX));
        assertTrue(cache.read("k3").isEmpty());
    }
}
