package ffnlab.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chapter's claims belong to the experiment file that states them: {@code extends} never passes them on. */
class ChapterClaimsInheritanceTest {
    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> report(ExperimentFiles files, String name) {
        Map<String, Object> tree = (Map<String, Object>) files.merged(name, new ArrayList<>()).plain();
        return (Map<String, Object>) tree.getOrDefault("report", Map.of());
    }

    @Test
    void aChildWithoutClaimsHasNoneAndKeepsTheRestOfTheReportSection() throws IOException {
        Files.writeString(dir.resolve("parent.yaml"), """
                report:
                  x: model.hidden
                  chapter: {optimum: 64, note: "optimum number of hidden neurons 64"}
                """);
        Files.writeString(dir.resolve("child.yaml"), "extends: parent\nreport: {log_x: false}\n");
        Map<String, Object> report = report(new ExperimentFiles(dir), "child");
        assertFalse(report.containsKey("chapter"), "inherited claims: " + report);
        assertEquals("model.hidden", report.get("x"));
        assertEquals(false, report.get("log_x"));
    }

    @Test
    void aChildStatingPartOfAClaimGetsNothingElseFromItsParent() throws IOException {
        Files.writeString(dir.resolve("parent.yaml"), "report: {chapter: {optimum: 64, note: parent's}}\n");
        Files.writeString(dir.resolve("child.yaml"), "extends: parent\nreport: {chapter: {note: child's}}\n");
        Files.writeString(dir.resolve("grandchild.yaml"), "extends: child\n");
        ExperimentFiles files = new ExperimentFiles(dir);
        assertEquals(Map.of("note", "child's"), report(files, "child").get("chapter"));
        assertFalse(report(files, "grandchild").containsKey("chapter"));
    }

    @Test
    void theCommittedSweepsStateTheirOwnClaims() {
        ExperimentFiles files = new ExperimentFiles(Path.of("experiments"));
        assertEquals(64L, chapter(files, "width-sweep").get("optimum"));
        assertEquals(4L, chapter(files, "depth-sweep").get("optimum"));
        assertNotNull(chapter(files, "batch-size-sweep").get("note"));
        assertFalse(chapter(files, "batch-size-sweep").get("note").toString().contains("Example 5:"),
                "batch-size-sweep states Example 5b, not fashion-mnist's Example 5");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> chapter(ExperimentFiles files, String name) {
        return (Map<String, Object>) report(files, name).get("chapter");
    }
}
