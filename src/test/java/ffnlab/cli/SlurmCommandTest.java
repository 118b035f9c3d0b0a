package ffnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --executor slurm}: bad options end with one line naming what was expected, and exit status 2, before anything is submitted. */
class SlurmCommandTest {
    @TempDir
    Path dir;

    @BeforeEach
    void experiment() throws Exception {
        Files.createDirectories(dir.resolve("experiments"));
        try (InputStream in = SlurmCommandTest.class.getResourceAsStream("/ffnlab/run/slurm/slurm-sweep.yaml")) {
            Files.copy(in, dir.resolve("experiments/slurm-sweep.yaml"));
        }
    }

    private record Result(int status, String out, String err) {
    }

    private Result run(String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "slurm-sweep", "--experiments", dir.resolve("experiments").toString(),
                "--results", dir.resolve("results").toString(), "--profile", "smoke"));
        args.addAll(List.of(extra));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private void assertOneLineError(Result r, String expected) {
        assertEquals(2, r.status(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertTrue(Files.notExists(dir.resolve("results/slurm-sweep-smoke/slurm")), "nothing was submitted");
    }

    @Test
    void aBadOptionOnTheCommandLineIsOneLine() {
        assertOneLineError(run("--executor", "slurm", "--slurm", "time=an hour"), "slurm.time: expected MM, HH:MM:SS or D-HH:MM:SS, got 'an hour'");
        assertOneLineError(run("--executor", "slurm", "--slurm", "partition"), "--slurm: expected key=value (e.g. partition=short), got 'partition'");
        assertOneLineError(run("--executor", "cluster"), "executor: expected local or slurm, got 'cluster'");
        assertOneLineError(run("--executor", "slurm", "--fresh"), "--fresh cannot be combined with --executor slurm");
    }

    @Test
    void aBadOptionInTheExperimentFileNamesTheFile() throws Exception {
        Path file = dir.resolve("experiments/slurm-sweep.yaml");
        Files.writeString(file, Files.readString(file).replace("cpus_per_task: 1", "cpus: 1"));
        Result r = run("--executor", "slurm");
        assertOneLineError(r, "slurm.cpus: unknown option; expected one of [cpus_per_task,");
        assertTrue(r.err().contains("slurm-sweep.yaml:33:3: slurm.cpus: "), "the file, line and column of the key: " + r.err());
    }

    @Test
    void validateReportsABadSlurmValueWhereItIsWritten() throws Exception {
        Path file = dir.resolve("experiments/slurm-sweep.yaml");
        Files.writeString(file, Files.readString(file).replace("cpus_per_task: 1", "cpus_per_task: 0"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"validate", "slurm-sweep", "--experiments", dir.resolve("experiments").toString(),
                "--results", dir.resolve("results").toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, status, printed);
        assertTrue(printed.contains("slurm-sweep.yaml:33:18: slurm.cpus_per_task: expected an integer >= 1, got 0"), printed);
    }
}
