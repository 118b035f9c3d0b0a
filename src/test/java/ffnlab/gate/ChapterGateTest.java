package ffnlab.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.run.DataSources;
import ffnlab.run.ExperimentRun;
import ffnlab.run.RunOptions;
import ffnlab.spec.Profile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The accuracy gate in the build: the chapter's experiments under {@code -Dprofile=ci} are trained from
 * scratch (in a temporary results folder) and must pass against the baselines committed in
 * {@code experiments/baselines/}. Fashion-MNIST is skipped only when its files cannot be found.
 */
class ChapterGateTest {
    static final Path EXPERIMENTS = Path.of("experiments");

    @TempDir
    Path results;

    @ParameterizedTest
    @ValueSource(strings = {"housing-ffn", "housing-dnn", "fashion-mnist"})
    void theCiProfilePassesTheCommittedBaseline(String experiment) {
        if (experiment.equals("fashion-mnist")) {
            Assumptions.assumeTrue(fashionMnistPresent(), "Fashion-MNIST files not found (set FFNLAB_DATA): gate skipped");
        }
        RunOptions options = new RunOptions(EXPERIMENTS, results, Profile.CI, Map.of(), false, 2);
        DataSources data = new DataSources();
        GateRun gate = new GateRun(options, new ExperimentRun(options, data), data);
        assertTrue(Files.isRegularFile(gate.baselineFile(experiment)), "no committed baseline " + gate.baselineFile(experiment));
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int status = gate.check(experiment, new PrintStream(text, true, StandardCharsets.UTF_8));
        String out = text.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, out);
        assertTrue(out.contains("gate PASSED"), out);
    }

    /** Where the data loaders look: FFNLAB_DATA or data.dir (the root or the folder itself), data/, the Debian folder. */
    static boolean fashionMnistPresent() {
        Stream<Path> roots = Stream.of(System.getProperty("data.dir"), System.getenv("FFNLAB_DATA"))
                .filter(s -> s != null && !s.isBlank()).map(Path::of);
        return Stream.concat(roots.flatMap(r -> Stream.of(r, r.resolve("fashion-mnist"))),
                        Stream.of(Path.of("data", "fashion-mnist"), Path.of("/usr/share/datasets/fashion-mnist")))
                .anyMatch(d -> Files.isRegularFile(d.resolve("train-images-idx3-ubyte.gz")) || Files.isRegularFile(d.resolve("train-images-idx3-ubyte")));
    }
}
