package ffnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ffnlab.cli.MarkdownSnippets.Kind;
import ffnlab.cli.MarkdownSnippets.Snippet;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@link MarkdownSnippets} takes from a Markdown file, and {@link ShellWords}' splitting of what it takes. */
class MarkdownSnippetsTest {
    private static final Path DOC = Path.of("doc.md");

    private static List<String> found(String markdown) {
        return MarkdownSnippets.parse(DOC, markdown.lines().toList()).stream()
                .map(s -> s.line() + " " + s.kind() + (s.fragment() ? " fragment" : "") + " " + s.text().strip()).toList();
    }

    @Test
    void fencedBlocksIndentedBlocksAndInlineCommands() {
        String markdown = """
                Run `bin/ffnlab run width-sweep` or `mvn -q compile exec:java
                -Dexp=toy-mapping`; `mvn -q exec:java -Dexp=...` is a sketch and `-Dexp=NAME` no command.

                ```bash
                # a comment
                mvn -q compile exec:java -Dexp=NAME   # run
                git add x \\
                  y
                ```

                ```
                configuration   metric
                java -jar target/ffnlab-VERSION.jar list
                ```

                    bin/ffnlab help

                <!-- fragment -->
                ```yaml
                dataset: {source: csv}
                ```

                ```yaml
                seeds: [1]
                ```
                """;
        assertEquals(List.of(
                "1 COMMAND bin/ffnlab run width-sweep",
                "1 COMMAND mvn -q compile exec:java -Dexp=toy-mapping",
                "6 COMMAND mvn -q compile exec:java -Dexp=NAME   # run",
                "7 COMMAND git add x y",
                "13 COMMAND java -jar target/ffnlab-VERSION.jar list",
                "16 COMMAND bin/ffnlab help",
                "20 YAML fragment dataset: {source: csv}",
                "24 YAML seeds: [1]"), found(markdown));
    }

    @Test
    void aLineOfAShellBlockIsACommandEvenWhenNoProgramIsKnown() {
        List<Snippet> s = MarkdownSnippets.parse(DOC, List.of("```sh", "cp a b", "```"));
        assertEquals(List.of(new Snippet(DOC, 2, Kind.COMMAND, "cp a b", false)), s);
    }

    @Test
    void shellWordsKeepQuotedTextAndDropComments() {
        assertEquals(List.of("mvn", "-Dexec.args=compare a b", "-Dtest=A,B", "x y"),
                ShellWords.split("mvn -Dexec.args=\"compare a b\" -Dtest='A,B' x\\ y  # comment"));
        assertEquals(List.of("a#b"), ShellWords.split("a#b"));
    }
}
