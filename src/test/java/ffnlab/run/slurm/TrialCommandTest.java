package ffnlab.run.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrialCommandTest {

    @Test
    void theCommandRunsTheTrialEntryPointAndEndsWithIdForTheScriptToComplete() {
        List<String> command = TrialCommand.of("/jdk/bin/java", List.of("-Xmx1g"), List.of(Path.of("/a.jar"), Path.of("/b")),
                List.of("--experiment", "width-sweep", "--profile", "smoke"));
        assertEquals(List.of("/jdk/bin/java", "--enable-native-access=ALL-UNNAMED", "-Xss8m", "-Xmx1g", "-cp", "/a.jar:/b",
                "ffnlab.cli.Main", "trial", "--experiment", "width-sweep", "--profile", "smoke", "--id"), command);
    }

    @Test
    void thisJvmsClasspathHoldsFfnlabsClasses() {
        List<Path> classpath = TrialCommand.currentClasspath();
        assertTrue(classpath.stream().allMatch(p -> p.isAbsolute() && Files.exists(p)), classpath.toString());
        assertTrue(classpath.stream().anyMatch(p -> Files.exists(p.resolve("ffnlab/cli/Main.class"))
                || p.getFileName().toString().startsWith("ffnlab")), "target/classes or the ffnlab jar: " + classpath);
    }

    @Test
    void theRunnableJarsManifestClassPathIsSpelledOut(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        java.util.jar.Manifest manifest = new java.util.jar.Manifest();
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.CLASS_PATH, "lib/log4j-api.jar lib/tribuo-core.jar");
        Path jar = dir.resolve("ffnlab-0.1.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
        assertEquals(List.of(dir.resolve("lib/log4j-api.jar"), dir.resolve("lib/tribuo-core.jar")), TrialCommand.manifestClassPath(jar));
        assertEquals(List.of(), TrialCommand.manifestClassPath(dir));
    }

    @Test
    void autoIsPinnedToThisHostsChoiceAndDataDirIsForwardedAsAnAbsolutePath() {
        String before = System.getProperty("data.dir");
        String auto = "-D" + ffnlab.run.BackendChoice.AUTO_PROPERTY + "=" + ffnlab.run.BackendChoice.resolve("auto");
        try {
            System.setProperty("data.dir", "some/data");
            assertEquals(List.of(auto, "-Ddata.dir=" + Path.of("some/data").toAbsolutePath()), TrialCommand.forwardedProperties());
            System.clearProperty("data.dir");
            assertEquals(List.of(auto), TrialCommand.forwardedProperties());
        } finally {
            if (before != null) {
                System.setProperty("data.dir", before);
            }
        }
    }
}
