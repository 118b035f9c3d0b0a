package ffnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a real JVM prints, exit included: a bad option is one line on the console and status 2, a valid
 * command prints its own lines and nothing at exit (no Log4j status line from a shutdown hook). Repeated,
 * because the exit-time lines came from a race and appeared in some runs only.
 */
class ConsoleLinesTest {
    @TempDir
    Path dir;

    private record Run(int status, List<String> lines) {
    }

    private Run java(String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path output = Files.createTempFile(dir, "console", ".txt");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the command did not end within 60 s");
        return new Run(p.exitValue(), Files.readAllLines(output, StandardCharsets.UTF_8));
    }

    private Path experiments() throws IOException {
        Path e = dir.resolve("experiments");
        Files.createDirectories(e);
        Files.writeString(e.resolve("toy.yaml"), "dataset: {source: toy-mapping}\nmodel: {hidden: [3]}\n");
        return e;
    }

    @Test
    void optionErrorsAreOneLineAndValidCommandsPrintNothingAtExit() throws Exception {
        String experiments = experiments().toString();
        String results = dir.resolve("results").toString();
        for (int i = 0; i < 2; i++) {
            Run threads = java("run", "toy", "--threads", "0", "--experiments", experiments, "--results", results);
            assertEquals(2, threads.status(), threads.lines().toString());
            assertEquals(List.of("ffnlab: threads: expected a whole number from 1 to 1024, got '0'"), threads.lines());
            Run profile = java("run", "toy", "--profile", "smokey", "--experiments", experiments, "--results", results);
            assertEquals(2, profile.status(), profile.lines().toString());
            assertEquals(List.of("-Dprofile: unknown profile 'smokey'; did you mean 'smoke'?"), profile.lines());
            Run valid = java("validate", "toy", "--experiments", experiments, "--results", results);
            assertEquals(0, valid.status(), valid.lines().toString());
            assertEquals(List.of("toy: valid; 1 configurations x 3 seeds = 3 trials (swept: nothing)"), valid.lines());
        }
    }
}
