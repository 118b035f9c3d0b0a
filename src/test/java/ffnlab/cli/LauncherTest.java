package ffnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/ffnlab} finds a JDK 25 (JAVA_HOME, then the PATH, then the installed JDKs) or says in one line which
 * JDK it needs, exit status 2. It runs in a copy of the project layout whose jar starts {@link Echo} (the real jar
 * may not be built yet when the tests run); the JDK 17 is a fake {@code java} that only answers {@code -version}.
 */
class LauncherTest {
    @TempDir
    Path dir;
    private Path launcher;
    private Path jdk17;
    private Path noJdks;
    private Path jdks;

    /** The jar's main class: prints the Java version, the Unsafe setting and its arguments. */
    public static final class Echo {
        public static void main(String[] args) {
            System.out.println("java " + Runtime.version().feature() + " unsafe " + System.getProperty("sun.misc.unsafe.memory.access")
                    + " args " + Arrays.toString(args));
        }
    }

    private record Result(int status, String out, String err) {
    }

    @BeforeEach
    void layout() throws IOException {
        Path project = dir.resolve("project");
        launcher = project.resolve("bin/ffnlab");
        Files.createDirectories(launcher.getParent());
        Files.copy(Path.of("bin/ffnlab"), launcher);
        Files.createDirectories(project.resolve("target/lib"));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Echo.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH,
                Path.of(Echo.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toUri().toString());
        try (OutputStream out = Files.newOutputStream(project.resolve("target/ffnlab-0.1.0-SNAPSHOT.jar"));
             JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        jdk17 = dir.resolve("jdk-17");
        script(jdk17.resolve("bin/java"), "echo 'openjdk version \"17.0.2\" 2022-01-18' >&2");
        noJdks = Files.createDirectories(dir.resolve("no-jdks"));
        jdks = Files.createDirectories(dir.resolve("jdks"));
        script(jdks.resolve("jdk-25/bin/java"), realJava());
    }

    /** An executable shell script at {@code file}. */
    private static void script(Path file, String body) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** A script body that runs this test's JDK (25 or newer) with the script's arguments. */
    private static String realJava() {
        return "exec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' \"$@\"";
    }

    private Result launch(String javaHome, Path pathJava, Path jvmRoot, String... args) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(List.of("/bin/bash", launcher.toString())));
        pb.command().addAll(List.of(args));
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", pathJava.getParent() + ":/usr/bin:/bin");
        if (javaHome != null) {
            env.put("JAVA_HOME", javaHome);
        }
        env.put("FFNLAB_JVM_ROOT", jvmRoot.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Result(p.exitValue(), out, err);
    }

    private static String ran(String... args) {
        return "java " + Runtime.version().feature() + " unsafe allow args " + Arrays.toString(args) + "\n";
    }

    @Test
    void withoutAJdk25ItSaysWhichJdkItNeedsInOneLine() throws Exception {
        Result r = launch(jdk17.toString(), jdk17.resolve("bin/java"), noJdks, "run", "width-sweep");
        assertEquals(2, r.status(), r.err());
        assertEquals("", r.out());
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), r.err());
        assertEquals(JavaVersionCheck.message("JDK 17 at " + jdk17.resolve("bin/java")), lines.getFirst(), "the jar's line");
    }

    @Test
    void javaHomeComesFirst() throws Exception {
        Result r = launch(System.getProperty("java.home"), jdk17.resolve("bin/java"), noJdks, "help", "run");
        assertEquals(0, r.status(), r.err());
        assertEquals(ran("help", "run"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void thenTheJavaOnThePath() throws Exception {
        Path bin = dir.resolve("path-bin");
        script(bin.resolve("java"), realJava());
        Result r = launch(jdk17.toString(), bin.resolve("java"), noJdks, "list");
        assertEquals(0, r.status(), r.err());
        assertEquals(ran("list"), r.out());
    }

    @Test
    void thenTheInstalledJdks() throws Exception {
        Result r = launch(jdk17.toString(), jdk17.resolve("bin/java"), jdks, "validate", "toy");
        assertEquals(0, r.status(), r.err());
        assertEquals(ran("validate", "toy"), r.out());
    }
}
