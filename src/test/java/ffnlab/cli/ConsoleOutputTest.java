package ffnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a run prints when its output goes to files, as under CI or {@code > log}: the summary, each report path and
 * the index path once (on stdout; the log does not repeat them), no line per experiment from rebuilding the index,
 * no escape codes, numbers in log lines with four significant digits, and no metric a task does not have (a
 * regression's accuracy).
 */
class ConsoleOutputTest {
    private static final Pattern DECIMAL = Pattern.compile("(?<![\\w.])\\d+\\.\\d+(?![\\w.])");

    @TempDir
    Path dir;

    @Test
    void aRunPrintsEachLineOnceWithoutEscapeCodes() throws Exception {
        Path experiments = Files.createDirectories(dir.resolve("experiments"));
        Files.writeString(experiments.resolve("toy.yaml"), """
                dataset: {source: toy-mapping}
                model: {hidden: [3]}
                training: {epochs: 30}
                seeds: [1]
                sweep:
                  list:
                    - {model.kind: ffn}
                    - {model.kind: linear}
                """);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Dreports.dir=" + dir.resolve("reports"), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "run", "toy", "--threads", "1", "--experiments",
                experiments.toString(), "--results", dir.resolve("results").toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the run did not end within 120 s");
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        String all = "stdout:\n" + stdout + "\nstderr:\n" + stderr;
        assertEquals(0, p.exitValue(), all);
        List<String> lines = (stdout + stderr).lines().toList();

        assertEquals(1, lines.stream().filter(l -> l.contains("toy: 2 trials: 2 trained")).count(), all);
        assertEquals(1, lines.stream().filter(l -> l.contains("report: ")).count(), all);
        assertEquals(1, lines.stream().filter(l -> l.contains("index: ") || l.contains("report index")).count(), all);
        assertFalse(lines.stream().anyMatch(l -> l.contains("finished trials, ")), "a line per loaded experiment:\n" + all);
        assertFalse(all.contains("\u001b"), "escape codes in\n" + all);

        List<String> log = stderr.lines().toList();
        String baseline = log.stream().filter(l -> l.contains("baseline linear on")).findFirst().orElseThrow(() -> new AssertionError(all));
        assertTrue(baseline.contains("train m.s.e. "), baseline); // the toy mapping has no test split: no test m.s.e.
        assertFalse(baseline.contains("NaN") || baseline.contains("test ") || baseline.contains("accuracy"), baseline);
        for (String line : log) {
            Matcher m = DECIMAL.matcher(line);
            while (m.find()) {
                String digits = m.group().replace(".", "").replaceFirst("^0+", "");
                assertTrue(digits.length() <= 4, "more than four significant digits in: " + line);
            }
        }
    }
}
