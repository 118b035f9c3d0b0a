package ffnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code .mvn/jvm.config} holds the options of the JVM that runs Maven, before any plug-in can speak: on JDK 17
 * and 21 every option in it must be accepted, so that the enforcer's one-line message naming JDK 25 is what the
 * user reads (not "Unrecognized option"), the same line as the jar's and bin/ffnlab's; on JDK 25 the same options keep the JVM free of sun.misc.Unsafe warnings
 * (Maven's Guava calls it). The file has no comment syntax: the mvn script passes every word to java.
 */
class JvmConfigTest {
    private static final Path CONFIG = Path.of(".mvn", "jvm.config");

    private static List<String> options() throws IOException {
        return Arrays.stream(Files.readString(CONFIG).strip().split("\\s+")).toList();
    }

    private static String java(Path javaHome, List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaHome.resolve("bin").resolve("java").toString()));
        command.addAll(arguments);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return "exit " + p.exitValue() + "\n" + output;
    }

    /** The JDK 17 and 21 installations of this machine (none: the test is skipped). */
    private static List<Path> olderJdks() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return List.of();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(h -> Files.isExecutable(h.resolve("bin/java")) && !Files.isSymbolicLink(h))
                    .filter(h -> h.getFileName().toString().matches(".*\\b(17|21)\\b.*")).sorted().toList();
        }
    }

    @Test
    void olderJdksAcceptEveryOption() throws Exception {
        List<Path> jdks = olderJdks();
        assumeTrue(!jdks.isEmpty(), "no JDK 17 or 21 under /usr/lib/jvm");
        for (Path jdk : jdks) {
            List<String> args = new ArrayList<>(options());
            args.add("-version");
            String result = java(jdk, args);
            assertTrue(result.startsWith("exit 0\n"), jdk + " with " + args + ":\n" + result);
        }
    }

    /** Calls a sun.misc.Unsafe memory-access method, as Maven's Guava does (by reflection: no compiler warning). */
    public static final class UnsafeCaller {
        int field;

        public static void main(String[] args) throws Exception {
            Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
            Field theUnsafe = unsafeClass.getDeclaredField("theUnsafe");
            theUnsafe.setAccessible(true);
            unsafeClass.getMethod("objectFieldOffset", Field.class).invoke(theUnsafe.get(null), UnsafeCaller.class.getDeclaredField("field"));
        }
    }

    @Test
    void onThisJdkTheOptionsSilenceUnsafeWarnings() throws Exception {
        Path home = Path.of(System.getProperty("java.home"));
        List<String> plain = List.of("-cp", System.getProperty("java.class.path"), UnsafeCaller.class.getName());
        String without = java(home, plain);
        assertEquals("exit 0\n", without.lines().findFirst().orElse("") + "\n", without);
        assumeTrue(without.contains("sun.misc.Unsafe"), "this JDK does not warn about sun.misc.Unsafe");
        List<String> configured = new ArrayList<>(options());
        configured.addAll(plain);
        String with = java(home, configured);
        assertEquals("exit 0\n", with, "with " + configured);
    }

    /** {@code mvn ARGS} in this project with the JDK at {@code javaHome}: "exit N" and what it printed. */
    private static String maven(Path javaHome, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(MVN.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", javaHome.toString());
        pb.environment().remove("MAVEN_OPTS");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return "exit " + p.exitValue() + "\n" + output;
    }

    private static final Path MVN = Path.of("/usr/bin/mvn");

    @Test
    void quietMavenOnThisJdkPrintsNothing() throws Exception {
        assumeTrue(Files.isExecutable(MVN), "needs /usr/bin/mvn");
        // not in batch mode: Maven's colour handling is on, and still nothing (no reset codes, no Unsafe warnings)
        assertEquals("exit 0\n", maven(Path.of(System.getProperty("java.home")), "-o", "-q", "validate"));
    }

    @Test
    void mavenOnJdk17EndsWithTheEnforcersMessage() throws Exception {
        List<Path> jdk17 = olderJdks().stream().filter(h -> h.getFileName().toString().matches(".*\\b17\\b.*")).toList();
        assumeTrue(!jdk17.isEmpty() && Files.isExecutable(MVN), "needs a JDK 17 under /usr/lib/jvm and /usr/bin/mvn");
        String output = maven(jdk17.getFirst(), "-o", "-q", "-B", "validate");
        assertTrue(output.startsWith("exit 1\n"), output);
        assertFalse(output.contains("Unrecognized option"), output);
        assertTrue(output.lines().anyMatch(l -> l.equals("[ERROR] " + JavaVersionCheck.message("JDK 17 at " + jdk17.getFirst()))), output);
        assertFalse(output.contains("\u001b"), "escape codes in\n" + output);
    }
}
