package ffnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.analysis.ExperimentResults;
import ffnlab.analysis.FinishedTrial;
import ffnlab.results.TrialSchema;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every experiment file of the repository is valid and runs end to end under the smoke profile. */
class ChapterExperimentsSmokeTest {
    private static final Path EXPERIMENTS = Path.of("experiments");
    private static final List<String> CHAPTER = List.of("toy-mapping", "housing-ffn", "width-sweep", "housing-dnn",
            "depth-sweep", "fashion-mnist", "batch-size-sweep");

    @TempDir
    Path results;

    static Stream<String> experiments() {
        return CHAPTER.stream();
    }

    /** Fashion-MNIST is not in the repository: it runs where FFNLAB_DATA / data.dir / data/ / the Debian folder has it. */
    private static boolean fashionMnistPresent() {
        Stream<Path> roots = Stream.of(System.getProperty("data.dir"), System.getenv("FFNLAB_DATA"))
                .filter(s -> s != null && !s.isBlank()).map(Path::of);
        return Stream.concat(roots.flatMap(r -> Stream.of(r, r.resolve("fashion-mnist"))),
                        Stream.of(Path.of("data", "fashion-mnist"), Path.of("/usr/share/datasets/fashion-mnist")))
                .anyMatch(d -> Files.isRegularFile(d.resolve("train-images-idx3-ubyte.gz")) || Files.isRegularFile(d.resolve("train-images-idx3-ubyte")));
    }

    @Test
    void theRepositoryHoldsTheSevenChapterExperiments() {
        assertTrue(new ffnlab.spec.ExperimentFiles(EXPERIMENTS).names().containsAll(CHAPTER));
    }

    @ParameterizedTest
    @MethodSource("experiments")
    void runsEndToEndUnderTheSmokeProfile(String name) {
        if (name.equals("fashion-mnist") || name.equals("batch-size-sweep")) {
            Assumptions.assumeTrue(fashionMnistPresent(), "Fashion-MNIST files not found (set FFNLAB_DATA): " + name + " skipped");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"run", name, "--profile", "smoke", "--experiments", EXPERIMENTS.toString(),
                "--results", results.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        List<FinishedTrial> records = ExperimentResults.load(results, name + "-smoke").trials();
        assertTrue(records.size() >= 1, out.toString(StandardCharsets.UTF_8));
        assertTrue(records.stream().allMatch(r -> r.status().equals(TrialSchema.FINISHED)
                && r.summary().optionalNumber(TrialSchema.EPOCHS_RUN) >= 1));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("0 failed"), out.toString(StandardCharsets.UTF_8));
    }
}
