package ffnlab.backend.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibrariesTest {

    private static Path touch(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        return Files.createFile(dir.resolve(name));
    }

    @Test
    void searchesLdLibraryPathFirstThenCudaHomesNewestVersionFirst(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("usr/local/cuda-12.4"));
        Files.createDirectories(root.resolve("usr/local/cuda-13.0"));
        Files.createDirectories(root.resolve("usr/local/cuda-9.2"));
        List<Path> dirs = NativeLibraries.searchPath(Map.of("LD_LIBRARY_PATH", "/opt/a::/opt/b", "CUDA_HOME", "/opt/cuda"), root);
        assertEquals(Path.of("/opt/a"), dirs.get(0));
        assertEquals(Path.of("/opt/b"), dirs.get(1));
        assertEquals(Path.of("/opt/cuda/targets/x86_64-linux/lib"), dirs.get(2));
        int c13 = dirs.indexOf(root.resolve("usr/local/cuda-13.0/targets/x86_64-linux/lib"));
        int c12 = dirs.indexOf(root.resolve("usr/local/cuda-12.4/targets/x86_64-linux/lib"));
        int c9 = dirs.indexOf(root.resolve("usr/local/cuda-9.2/targets/x86_64-linux/lib"));
        int plain = dirs.indexOf(root.resolve("usr/local/cuda/lib64"));
        assertTrue(plain > 2 && plain < c13 && c13 < c12 && c12 < c9, dirs.toString());
        assertEquals(root.resolve("usr/lib"), dirs.getLast());
    }

    @Test
    void preferTheNewestAbiAnywhereOverAnOlderOneEarlierInThePath(@TempDir Path root) throws IOException {
        Path early = root.resolve("early");
        Path late = root.resolve("late");
        touch(early, "libcublas.so.12");
        Path expected = touch(late, "libcublas.so.13");
        assertEquals(Optional.of(expected), NativeLibraries.locate(NativeLibraries.CUBLAS, List.of(early, late)));
        assertEquals(Optional.of(early.resolve("libcublas.so.12")),
                NativeLibraries.locate(NativeLibraries.CUBLAS, List.of(early, root.resolve("missing"))));
    }

    @Test
    void missingLibraryGivesAOneLineReason(@TempDir Path root) {
        List<Path> dirs = NativeLibraries.searchPath(Map.of(), root);
        assertTrue(NativeLibraries.locate(NativeLibraries.NVRTC, dirs).isEmpty());
        String reason = NativeLibraries.notFound(NativeLibraries.NVRTC, dirs);
        assertTrue(reason.startsWith("none of libnvrtc.so.13, libnvrtc.so.12 found"), reason);
        assertTrue(!reason.contains("\n"));
    }
}
