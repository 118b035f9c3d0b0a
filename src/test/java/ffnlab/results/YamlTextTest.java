package ffnlab.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.AtomicFile;
import ffnlab.spec.yaml.YamlLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlTextTest {
    @TempDir
    Path dir;

    @Test
    void whatIsWrittenReadsBackToTheSameValues() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("hidden", List.of(8L, 8L));
        nested.put("empty", Map.of());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", "0123456789012345");
        m.put("text", "a: b # not a comment");
        m.put("yes", "yes");
        m.put("number", 0.1);
        m.put("tiny", 1.0e-300);
        m.put("nan", Double.NaN);
        m.put("inf", Double.NEGATIVE_INFINITY);
        m.put("count", 42L);
        m.put("flag", true);
        m.put("none", null);
        m.put("model", nested);
        m.put("coordinates", Map.of("model.hidden", List.of(64L)));
        m.put("list_of_maps", List.of(Map.of("a", 1L), Map.of("b", "two")));
        Object back = YamlLoader.parse(YamlText.write(m), "t").plain();
        assertEquals(m.toString(), back.toString());
    }

    @Test
    void atomicWritesLeaveNoTemporaryFile() throws IOException {
        Path target = dir.resolve("summary.yaml");
        AtomicFile.write(target, "status: finished\n");
        AtomicFile.write(target, "status: diverged\n");
        assertEquals("status: diverged\n", Files.readString(target));
        try (var files = Files.list(dir)) {
            assertTrue(files.allMatch(p -> p.equals(target)));
        }
    }
}
