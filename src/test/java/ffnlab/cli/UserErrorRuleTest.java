package ffnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.UserError;
import ffnlab.analysis.ResultsFileException;
import ffnlab.analysis.ResultsFixture;
import ffnlab.data.DataException;
import ffnlab.gate.BaselineFile.BaselineException;
import ffnlab.report.ReportCommand;
import ffnlab.run.slurm.SlurmException;
import ffnlab.spec.Mark;
import ffnlab.spec.Problem;
import ffnlab.spec.SpecException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of user error ends a command the same way: one line on stderr, exit status 2. */
class UserErrorRuleTest {
    @TempDir
    Path tmp;

    private record Ended(int status, String err) {
    }

    private static Ended end(UserError error) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.exitStatus(() -> {
            throw error;
        }, new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Ended(status, err.toString(StandardCharsets.UTF_8));
    }

    private static void assertOneLine(String expected, UserError error) {
        Ended ended = end(error);
        assertEquals(2, ended.status(), ended.err());
        assertEquals(List.of(expected), ended.err().lines().toList());
    }

    @Test
    void eachKindOfUserErrorIsItsFirstLineAndStatusTwo() {
        Path file = Path.of("experiments", "toy.yaml");
        assertOneLine("experiments/toy.yaml:3:7: training.lr: expected a positive number, got -1",
                new SpecException(List.of(new Problem(new Mark(file.toString(), 3, 7), "training.lr", "expected a positive number, got -1"))));
        assertOneLine("data/housing.csv:12: expected 9 fields, found 8", DataException.atLine(Path.of("data/housing.csv"), 12, "expected 9 fields, found 8"));
        assertOneLine("data/images.gz: byte 16: expected 784 bytes, found 3",
                DataException.atByte(Path.of("data/images.gz"), 16, "expected 784 bytes, found 3"));
        assertOneLine("baselines/toy.csv:4: expected 7 columns, found 2", new BaselineException(Path.of("baselines/toy.csv"), 4, "expected 7 columns, found 2"));
        assertOneLine("baselines/toy.csv: no baseline file", new BaselineException(Path.of("baselines/toy.csv"), 0, "no baseline file"));
        assertOneLine("results/toy/plan.yaml:2: expected a mapping", new ResultsFileException(Path.of("results/toy/plan.yaml"), 2, "expected a mapping"));
        assertOneLine("ffnlab: squeue -j 7 failed (exit 1): Invalid job id", new SlurmException("squeue -j 7 failed (exit 1): Invalid job id"));
        assertOneLine("ffnlab: sbatch refused job.sh (exit 1): invalid partition", new SlurmException.SbatchRefused("sbatch refused job.sh (exit 1): invalid partition"));
    }

    @Test
    void severalProblemsShowTheFirstAndHowManyMore() {
        Mark mark = new Mark("experiments/toy.yaml", 3, 7);
        SpecException three = new SpecException(List.of(new Problem(mark, "training.lr", "expected a number"),
                new Problem(new Mark("experiments/toy.yaml", 4, 9), "training.epochs", "expected an integer"),
                new Problem(Mark.of("-Dset"), "seed", "expected an integer")));
        assertOneLine("experiments/toy.yaml:3:7: training.lr: expected a number (and 2 more problems; validate lists them all)", three);
        assertEquals(3, three.problemCount());
        assertEquals("experiments/toy.yaml", three.file().orElseThrow());
        assertEquals(3, three.line());
        assertEquals(7, three.column());
    }

    @Test
    void theErrorCarriesWhereItIs() {
        DataException data = DataException.atLine(Path.of("data/housing.csv"), 12, "expected 9 fields");
        assertEquals("data/housing.csv", data.file().orElseThrow());
        assertEquals(12, data.line());
        ResultsFileException results = new ResultsFileException(Path.of("results/toy/plan.yaml"), 0, "cannot read the plan");
        assertEquals(0, results.line(), "the whole file");
        assertTrue(new SlurmException("sbatch did not answer").file().isEmpty());
    }

    @Test
    void aFailureThatIsNotTheUsersPropagates() {
        IllegalStateException bug = new IllegalStateException("a broken invariant");
        assertEquals(bug, assertThrows(IllegalStateException.class, () -> Main.exitStatus(() -> {
            throw bug;
        }, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))));
    }

    @Test
    void aCorruptResultsFileEndsTheReportCommandWithOneLine() throws IOException {
        Path results = tmp.resolve("results");
        ResultsFixture.toyMapping(results);
        Path summary = Files.list(results.resolve("toy-mapping").resolve("trials")).findFirst().orElseThrow().resolve("summary.yaml");
        Files.writeString(summary, "status: [finished\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.exitStatus(() -> {
            ReportCommand.run("toy-mapping", results, tmp.resolve("reports"), new PrintStream(out, true, StandardCharsets.UTF_8));
            return 0;
        }, new PrintStream(err, true, StandardCharsets.UTF_8));
        String line = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, status, line);
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.startsWith(summary + ":"), line);
    }
}
