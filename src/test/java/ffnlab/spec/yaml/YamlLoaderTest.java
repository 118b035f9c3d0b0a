package ffnlab.spec.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ffnlab.spec.Node;
import ffnlab.spec.SpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile YAML is a one-line problem with a position, never a silent choice, a stack overflow or a memory blow-up. */
class YamlLoaderTest {
    @TempDir
    Path dir;

    private static String problem(String yaml) {
        SpecException e = assertThrows(SpecException.class, () -> YamlLoader.parse(yaml, "e.yaml"));
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.getMessage();
    }

    @Test
    void aDuplicateKeyNamesBothLines() {
        assertEquals("e.yaml:3:1: training: duplicate key 'training' (first written at line 1); write each key once",
                problem("training: {lr: 0.1}\nmodel: {hidden: [3]}\ntraining: {lr: 0.2}\n"));
        assertEquals("e.yaml:1:19: training.lr: duplicate key 'lr' (first written at line 1); write each key once",
                problem("training: {lr: 1, lr: 2}"));
    }

    @Test
    void aliasesAreRefusedBeforeTheyExpand() {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(p).append(", *").append(p).append(", *").append(p)
                    .append(", *").append(p).append(", *").append(p).append(", *").append(p).append(", *").append(p).append("]\n");
        }
        String message = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> problem(bomb.toString()));
        assertEquals("e.yaml:2:8: aliases (*name) are not supported; write the value out", message);
        assertEquals("e.yaml:2:4: aliases (*name) are not supported; write the value out", problem("a: &x 1\nb: *x\n"));
    }

    @Test
    void deepNestingIsAPositionedProblemNotAStackOverflow() {
        String flow = "a: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n";
        assertEquals("e.yaml:1:" + (4 + YamlLoader.MAX_DEPTH - 1) + ": nested deeper than 32 levels; experiment files use a few", problem(flow));
        StringBuilder block = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            block.append("  ".repeat(i)).append("k").append(i).append(":\n");
        }
        assertEquals("e.yaml:33:65: nested deeper than 32 levels; experiment files use a few", problem(block.toString()));
    }

    @Test
    void bytesThatAreNotUtf8NameTheLineAndColumn() throws IOException {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, "description: ok\nmodel: {activation: r\u00e9lu}\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        SpecException e = assertThrows(SpecException.class, () -> YamlLoader.load(file, "experiments/latin1.yaml"));
        assertEquals("experiments/latin1.yaml:2:22: not UTF-8 text (byte 0xe9 at byte offset 37); save the file as UTF-8", e.getMessage());
    }

    @Test
    void hugeFilesAreRefusedWhole() {
        String big = "description: \"" + "x".repeat(YamlLoader.MAX_CHARACTERS) + "\"\n";
        assertEquals("e.yaml: larger than 1048576 characters; an experiment file is a few lines of settings", problem(big));
    }

    @Test
    void ordinaryFilesStillLoad() {
        Node.Mapping m = (Node.Mapping) YamlLoader.parse("training: {lr: 0.1}\nseeds: [1, 2]\n", "e.yaml");
        assertEquals(0.1, ((Node.Mapping) m.get("training")).get("lr").plain());
    }
}
