package ffnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate} on a search: the first round's trials, then how the search proceeds (its rounds, the configurations
 * at each budget or per round, and the most trials it runs), counted here from the definitions of each search.
 */
class ValidateSearchTest {
    private static final String BASE = """
            dataset: {source: toy-mapping}
            model: {hidden: [3]}
            training: {epochs: 10}
            seeds: [1, 2]
            """;

    @TempDir
    Path dir;

    private List<String> validate(String yaml) throws IOException {
        Path experiments = Files.createDirectories(dir.resolve("experiments"));
        Files.writeString(experiments.resolve("s.yaml"), BASE + yaml);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"validate", "s", "--experiments", experiments.toString(), "--results", dir.resolve("r").toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void halvingSaysItsRungs() throws IOException {
        List<String> lines = validate("""
                sweep:
                  halving: {metric: final_test_mse, rungs: [2, 6, 18], keep: 1/3}
                  grid: {model.hidden: [1, 2, 3, 4, 5, 6, 7, 8, 9]}
                """);
        assertEquals("s: valid; first round: 9 configurations x 2 seeds = 18 trials (swept: model.hidden, training.epochs)", lines.get(0));
        // 9, floor(9 / 3) = 3, floor(3 / 3) = 1: 13 configurations
        assertEquals("s: successive halving in 3 rounds (rungs of training.epochs), configurations: 9 at 2, 3 at 6, 1 at 18; "
                + "at most 13 configurations x 2 seeds = 26 trials", lines.get(1));
    }

    @Test
    void hyperbandSaysEachBracket() throws IOException {
        List<String> lines = validate("""
                sweep:
                  halving: {metric: final_test_mse, rungs: [2, 6, 18], keep: 1/3, brackets: 3}
                  grid: {model.hidden: [1, 2, 3, 4, 5, 6, 7, 8, 9]}
                """);
        // n_b = ceil(9 x 3 / (3 - b) / 3^b) = 9, 5, 3; each rung keeps floor(n / 3), at least 1
        assertEquals("s: hyperband: 3 brackets in 6 rounds (rungs of training.epochs), configurations: bracket 0: 9 at 2, 3 at 6, "
                + "1 at 18; bracket 1: 5 at 6, 1 at 18; bracket 2: 3 at 18; at most 22 configurations x 2 seeds = 44 trials "
                + "(fewer where brackets share a trial)", lines.get(1));
    }

    @Test
    void tpeSaysItsRounds() throws IOException {
        List<String> lines = validate("""
                sweep:
                  tpe:
                    metric: final_train_mse
                    trials: 10
                    startup: 4
                    batch: 3
                    params:
                      training.lr: {log_uniform: [0.01, 1.0]}
                """);
        assertEquals("s: valid; first round: 3 configurations x 2 seeds = 6 trials (swept: training.lr)", lines.get(0));
        // ceil(10 / 3) = 4 rounds
        assertEquals("s: tpe: 10 configurations in 4 rounds of 3, the first 4 drawn from the prior; at most 10 configurations x 2 seeds "
                + "= 20 trials", lines.get(1));
    }
}
