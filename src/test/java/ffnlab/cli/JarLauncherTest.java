package ffnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar} starts {@link JavaVersionCheck}: on JDK 17 and 21 it prints the one line naming the JDK it needs and
 * exits with status 2; on this JDK (25 or newer) the command runs as {@link Main} runs it, exit status included. The jar
 * here has the manifest Maven writes (Main-Class {@link JavaVersionCheck}), with this test's class path (the classes as
 * compiled, the libraries) as its Class-Path, since the tests run before Maven packages the real jar.
 */
class JarLauncherTest {
    @TempDir
    Path dir;
    private Path jar;

    private record Result(int status, String out, String err) {
    }

    @BeforeEach
    void jar() throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, JavaVersionCheck.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, Arrays.stream(System.getProperty("java.class.path")
                .split(File.pathSeparator)).map(p -> Path.of(p).toAbsolutePath().toUri().toString()).collect(Collectors.joining(" ")));
        jar = dir.resolve("ffnlab.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, manifest)) {
            j.flush();
        }
    }

    private Result javaJar(Path javaHome, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaHome.resolve("bin/java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Result(p.exitValue(), out, err);
    }

    /** The JDK {@code feature} under /usr/lib/jvm (the real folder, not a link to it), if installed. */
    static Optional<Path> installed(int feature) throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(h -> Files.isExecutable(h.resolve("bin/java")) && !Files.isSymbolicLink(h))
                    .filter(h -> h.getFileName().toString().matches(".*\\b" + feature + "\\b.*")).sorted().findFirst();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {17, 21})
    void anOlderJdkGetsOneLineNamingTheJdkNeeded(int feature) throws Exception {
        Optional<Path> home = installed(feature);
        assumeTrue(home.isPresent(), "no JDK " + feature + " under /usr/lib/jvm");
        Result r = javaJar(home.get(), "run", "width-sweep");
        assertEquals(2, r.status(), r.err());
        assertEquals("", r.out());
        assertEquals(List.of(JavaVersionCheck.message("JDK " + feature + " at " + home.get())), r.err().lines().toList());
    }

    @Test
    void onThisJdkTheCommandRunsAsMainRunsIt() throws Exception {
        Path home = Path.of(System.getProperty("java.home"));
        Result help = javaJar(home, "help");
        assertEquals(0, help.status(), help.err());
        assertEquals(Help.text(null), help.out());
        Result unknown = javaJar(home, "hepl");
        assertEquals(2, unknown.status(), unknown.err());
        assertEquals(List.of("ffnlab: " + Help.unknownCommand("hepl")), unknown.err().lines().toList());
        assertEquals("", unknown.out());
    }

    @Test
    void theVersionIsReadFromOldAndNewSpecificationVersions() {
        assertEquals(8, JavaVersionCheck.feature("1.8"));
        assertEquals(17, JavaVersionCheck.feature("17"));
        assertEquals(25, JavaVersionCheck.feature("25"));
        assertEquals(0, JavaVersionCheck.feature(null));
        assertEquals(0, JavaVersionCheck.feature("x"));
    }

    @Test
    void mavenBuildsTheJarWithThisMainClass() throws IOException {
        String jarPlugin = Files.readString(Path.of("pom.xml")).split("<artifactId>maven-jar-plugin</artifactId>")[1].split("</plugin>")[0];
        assertTrue(jarPlugin.contains("<mainClass>" + JavaVersionCheck.class.getName() + "</mainClass>"), jarPlugin);
    }
}
