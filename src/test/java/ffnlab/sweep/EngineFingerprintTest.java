package ffnlab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineFingerprintTest {
    private static final Map<String, String> LIBRARIES = Map.of("org.bytedeco/openblas", "0.3.30");

    @TempDir
    Path dir;

    private Path classes() throws IOException {
        Path root = dir.resolve("classes");
        write(root, "ffnlab/nn/Loss.class", new byte[] {1, 2, 3});
        write(root, "ffnlab/nn/optim/Optimiser$Sgd.class", new byte[] {4, 5});
        write(root, "ffnlab/backend/gpu/kernels.cu", "extern \"C\" __global__ void k() {}".getBytes());
        write(root, "ffnlab/run/TrialRunner.class", new byte[] {6});
        write(root, "ffnlab/report/Html.class", new byte[] {7});
        write(root, "ffnlab/run/TrialRunnerView.class", new byte[] {8});
        return root;
    }

    private static void write(Path root, String name, byte[] bytes) throws IOException {
        Path f = root.resolve(name);
        Files.createDirectories(f.getParent());
        Files.write(f, bytes);
    }

    @Test
    void theTrainingPathIsThePackagesThatComputeAndTheRunnersThatCallThem() {
        assertTrue(EngineFingerprint.onTrainingPath("ffnlab/nn/optim/AdamState.class"));
        assertTrue(EngineFingerprint.onTrainingPath("ffnlab/backend/gpu/kernels.cu"));
        assertTrue(EngineFingerprint.onTrainingPath("ffnlab/run/TrialRunner$1.class"));
        assertFalse(EngineFingerprint.onTrainingPath("ffnlab/run/TrialRunnerView.class"), "a prefix of a class name is not the class");
        assertFalse(EngineFingerprint.onTrainingPath("ffnlab/report/Html.class"));
        assertFalse(EngineFingerprint.onTrainingPath("ffnlab/nn/"));
    }

    @Test
    void stableAcrossComputationsAndChangedByOneByteOfAClassOnTheTrainingPath() throws IOException {
        Path root = classes();
        String fingerprint = EngineFingerprint.of(root, LIBRARIES);
        assertTrue(fingerprint.matches("[0-9a-f]{16}"), fingerprint);
        assertEquals(fingerprint, EngineFingerprint.of(root, LIBRARIES));

        write(root, "ffnlab/report/Html.class", new byte[] {9});
        assertEquals(fingerprint, EngineFingerprint.of(root, LIBRARIES), "the report does not train");

        write(root, "ffnlab/nn/optim/Optimiser$Sgd.class", new byte[] {4, 6});
        String changed = EngineFingerprint.of(root, LIBRARIES);
        assertNotEquals(fingerprint, changed);
        write(root, "ffnlab/nn/optim/Optimiser$Sgd.class", new byte[] {4, 5});
        assertEquals(fingerprint, EngineFingerprint.of(root, LIBRARIES), "the same bytes give the same fingerprint again");

        write(root, "ffnlab/backend/gpu/kernels.cu", "extern \"C\" __global__ void k() { }".getBytes());
        assertNotEquals(fingerprint, EngineFingerprint.of(root, LIBRARIES), "resources on the training path count too");
    }

    @Test
    void anotherLibraryVersionOrAnAddedClassGivesAnotherFingerprint() throws IOException {
        Path root = classes();
        String fingerprint = EngineFingerprint.of(root, LIBRARIES);
        assertNotEquals(fingerprint, EngineFingerprint.of(root, Map.of("org.bytedeco/openblas", "0.3.31")));
        write(root, "ffnlab/train/Stop.class", new byte[] {});
        assertNotEquals(fingerprint, EngineFingerprint.of(root, LIBRARIES));
    }

    @Test
    void aJarWithTheSameClassesHasTheFingerprintOfTheFolder() throws IOException {
        Path root = classes();
        Path jar = dir.resolve("ffnlab.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String name : new String[] {"ffnlab/report/Html.class", "ffnlab/run/TrialRunner.class", "ffnlab/nn/Loss.class",
                    "ffnlab/nn/optim/Optimiser$Sgd.class", "ffnlab/backend/gpu/kernels.cu", "ffnlab/run/TrialRunnerView.class"}) {
                out.putNextEntry(new JarEntry(name));
                out.write(Files.readAllBytes(root.resolve(name)));
                out.closeEntry();
            }
        }
        assertEquals(EngineFingerprint.of(root, LIBRARIES), EngineFingerprint.of(jar, LIBRARIES));
    }

    @Test
    void aRootWithoutTrainingClassesIsAnError() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThrows(IllegalStateException.class, () -> EngineFingerprint.of(empty, LIBRARIES));
    }

    @Test
    void thisBuildsFingerprintIsComputedFromItsClasses() {
        assertTrue(EngineFingerprint.current().matches("[0-9a-f]{16}"));
        assertEquals(EngineFingerprint.current(), EngineFingerprint.current());
    }
}
