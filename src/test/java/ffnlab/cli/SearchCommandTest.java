package ffnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A search's mistakes on the command line: one line, exit status 2, nothing written under results/. */
class SearchCommandTest {
    private static final String BASE = """
            dataset: {source: toy-mapping, input_scaling: none}
            model: {hidden: [3], activation: sigmoid}
            training: {lr: 0.5, batch_size: 2, epochs: 4, reduction: sum}
            seeds: [1]
            """;

    @TempDir
    Path dir;

    record Result(int status, String out, String err) {
    }

    private Result main(String name, String yaml, String... more) throws IOException {
        Path experiments = Files.createDirectories(dir.resolve("experiments"));
        Files.writeString(experiments.resolve(name + ".yaml"), BASE + yaml);
        String[] args = new String[4 + 4 + more.length];
        String[] head = {"run", name, "--experiments", experiments.toString(), "--results", dir.resolve("results").toString(), "--threads", "1"};
        System.arraycopy(head, 0, args, 0, head.length);
        System.arraycopy(more, 0, args, head.length, more.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aMisspelledSearchKeyIsOneLineAndExitTwo() throws IOException {
        Result r = main("bad", """
                sweep:
                  tpe:
                    metric: final_train_mse
                    trials: 4
                    params:
                      training.lr: {log_uniform: [0.01, 1.0]}
                    bacth: 2
                """);
        assertEquals(2, r.status(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("bad.yaml:11:5: sweep.tpe.bacth: unknown key 'bacth'; did you mean 'batch'?"), r.err());
        assertFalse(Files.exists(dir.resolve("results").resolve("bad")), "nothing written for a bad file");
    }
}
