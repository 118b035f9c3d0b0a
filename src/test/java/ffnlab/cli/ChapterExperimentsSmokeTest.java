package ffnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.analysis.ExperimentResults;
import ffnlab.analysis.FinishedTrial;
import ffnlab.report.ReportBuilder;
import ffnlab.results.TrialSchema;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
    /** Sweeps over several keys (not in the chapter) and the plot their report adds for them. */
    private static final Map<String, String> MULTI_KEY = Map.of("lr-width-grid", "heatmap", "lr-width-batch-grid",
            "parallel_coordinates");

    @TempDir
    Path results;

    static Stream<String> experiments() {
        return CHAPTER.stream();
    }

    static Stream<String> multiKey() {
        return MULTI_KEY.keySet().stream().sorted();
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
        assertTrue(new ffnlab.spec.ExperimentFiles(EXPERIMENTS).names().containsAll(MULTI_KEY.keySet()));
    }

    /**
     * A learning rate that diverges for the widest network in the full run may diverge in the smoke run too: a
     * diverged trial is a result here (the heatmap marks it), a failed one is not.
     */
    @ParameterizedTest
    @MethodSource("multiKey")
    void multiKeySweepsRunUnderTheSmokeProfileAndTheirReportDrawsTheirPlot(String name) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"run", name, "--profile", "smoke", "--experiments", EXPERIMENTS.toString(),
                "--results", results.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("0 failed"), out.toString(StandardCharsets.UTF_8));
        List<FinishedTrial> records = ExperimentResults.load(results, name + "-smoke").trials();
        assertTrue(records.size() >= 12 && records.stream().allMatch(r -> r.status().equals(TrialSchema.FINISHED)
                || r.status().equals(TrialSchema.DIVERGED)), records.size() + " trials");
        String html = Files.readString(ReportBuilder.build(results, results.resolve("reports"), name + "-smoke"));
        assertTrue(html.contains("<figure class=\"plot\" id=\"" + MULTI_KEY.get(name) + "\"><svg"), MULTI_KEY.get(name) + " drawn");
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
