package ffnlab.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.JsonSchema;

/** Cells that need escaping, missing numbers and lists survive both text forms and parse back to what was written. */
class TidyTableTest {
    private static final String AWKWARD = "a \"quoted\", back\\slash\nnew line\ttab \u0001 bell \u00e9 \u2028 end";

    private static TidyTable table() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Arrays.asList(AWKWARD, 1L, 0.1, Double.NaN, List.of(5, 5), true));
        rows.add(Arrays.asList("#not a comment", 2L, 1.0E-9, Double.POSITIVE_INFINITY, null, false));
        return new TidyTable(List.of("text", "seed", "x", "y", "hidden", "flag"), rows);
    }

    @Test
    void csvParsesBackCellForCell() throws Exception {
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(table().csv())).getRecords();
        assertEquals(List.of("text", "seed", "x", "y", "hidden", "flag"), records.getFirst().toList());
        assertEquals(List.of(AWKWARD, "1", "0.1", "", "[5, 5]", "true"), records.get(1).toList());
        assertEquals(List.of("#not a comment", "2", "1.0E-9", "", "", "false"), records.get(2).toList());
        assertEquals(3, records.size());
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonParsesBackValueForValue() {
        List<Map<String, Object>> records = (List<Map<String, Object>>) new Load(LoadSettings.builder().setSchema(new JsonSchema()).build())
                .loadFromString(table().json());
        assertEquals(2, records.size());
        Map<String, Object> first = records.getFirst();
        assertEquals(AWKWARD, first.get("text"));
        assertEquals(1, first.get("seed"));
        assertEquals(0.1, first.get("x"));
        assertEquals(null, first.get("y"));
        assertEquals(List.of(5, 5), first.get("hidden"));
        assertEquals(true, first.get("flag"));
        assertEquals(null, records.get(1).get("y"), "an infinity is null: JSON has no word for it");
        assertEquals(1.0E-9, records.get(1).get("x"));
        assertEquals("[]\n", new TidyTable(List.of("a"), List.of()).json());
        assertTrue(table().json().chars().allMatch(c -> c >= 0x20 && c < 0x7f || c == '\n'), "JSON text is printable ASCII");
    }

    @Test
    void onlyCandidateColumnsWithoutAnyValueAreLeftOut() {
        TidyTable t = new TidyTable(List.of("a", "b", "c", "d"), List.of(Arrays.asList(1, Double.NaN, null, Double.NaN),
                Arrays.asList(2, Double.NEGATIVE_INFINITY, null, 3.0)));
        TidyTable kept = t.withoutEmpty(List.of("b", "d"));
        assertEquals(List.of("a", "c", "d"), kept.columns());
        assertEquals(Arrays.asList(2, null, 3.0), kept.rows().get(1));
        TidyTable empty = new TidyTable(List.of("a", "b"), List.of());
        assertEquals(List.of("a", "b"), empty.withoutEmpty(List.of("a", "b")).columns(), "a header without rows names every column");
    }

    @Test
    void aRowMustHaveOneCellPerColumn() {
        List<List<Object>> rows = List.of(List.of("only one"));
        assertThrows(IllegalArgumentException.class, () -> new TidyTable(List.of("a", "b"), rows));
    }
}
