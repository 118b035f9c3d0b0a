package ffnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.analysis.ResultsFixture;
import ffnlab.results.TrialSchema.Column;
import ffnlab.results.TrialSchema.Metric;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.JsonSchema;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * {@code results NAME --format csv|json|long-csv}: the fixture's width sweep (4 widths x 3 seeds, one diverged, one
 * unfinished folder) read back as a notebook would: CSV with Tablesaw as it is, JSON with a JSON parser.
 */
class ResultsCommandTest {
    @TempDir
    Path root;

    private static Table csv(String text) {
        return Table.read().usingOptions(CsvReadOptions.builder(new StringReader(text)).tableName("export"));
    }

    @Test
    void csvLoadsWithTablesawAsOneRowPerTrialWithAColumnPerSweptKeyAndNumericMetrics() {
        ResultsFixture.widthSweep(root);
        InProcessCommand.Result r = InProcessCommand.once("results", "width-sweep", "--format", "csv", "--results", root.toString());
        assertEquals(0, r.status(), r.err());
        Table t = csv(r.out());
        assertEquals(12, t.rowCount(), "one row per finished trial, the unfinished folder left out");
        assertEquals(List.of(4.0, 16.0, 64.0, 256.0), t.numberColumn("model.hidden").asDoubleColumn().asList().stream()
                .distinct().toList(), "one numeric column per swept key, in sweep order");
        assertEquals(12, t.stringColumn("trial_id").unique().size());
        assertInstanceOf(NumericColumn.class, t.column("seed"));
        for (String numeric : List.of("final_test_mse", "final_train_loss", "best_test_mse", "epochs_run", "diverged_epoch",
                "mean_epoch_time_s", "wall_time_s")) {
            assertInstanceOf(NumericColumn.class, t.column(numeric), numeric + " is " + t.column(numeric).type());
        }
        for (Metric m : Metric.values()) {
            if (m.key().contains("accuracy")) {
                assertFalse(t.columnNames().contains(m.key()), "a regression measures no accuracy: " + m.key());
            } else {
                assertInstanceOf(NumericColumn.class, t.column(m.key()), m.key() + " is " + t.column(m.key()).type());
            }
        }
        assertEquals(1, t.stringColumn("status").isEqualTo("diverged").size());
        assertEquals(4, t.numberColumn("diverged_epoch").max(), 0);
        assertEquals(List.of("experiment", "configuration", "model.hidden", "seed", "trial_id", "status"), t.columnNames().subList(0, 6));
        assertEquals(List.of("wall_time_s", "git_commit", "git_dirty", "engine_fingerprint", "backend", "threads", "started_at"),
                t.columnNames().subList(t.columnCount() - 7, t.columnCount()), "the provenance that identifies a run comes last");
        assertEquals("0cb58dd", t.column("git_commit").getString(0));
        assertEquals("cpu", t.column("backend").getString(0));
        assertFalse(r.out().startsWith("#"), "no comment lines");
        assertEquals(1, t.column("final_test_mse").countMissing(), "the diverged trial's NaN is a missing value, not the word NaN");
    }

    @Test
    void listsAreQuotedInCsvAndArraysInJson() {
        ResultsFixture.depthSweep(root);
        InProcessCommand.Result r = InProcessCommand.once("results", "depth-sweep", "--results", root.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains(",\"[5, 5]\","), r.out());
        Table t = csv(r.out());
        assertEquals(8, t.rowCount());
        assertEquals("[5, 5, 5, 5]", t.stringColumn("model.hidden").get(t.rowCount() - 1));
        assertEquals("[5, 5]", t.stringColumn("model.hidden").get(2));
        List<Map<String, Object>> records = json(InProcessCommand.once("results", "depth-sweep", "--format", "json", "--results", root.toString()).out());
        assertEquals(List.of(5, 5, 5, 5), records.getLast().get("model.hidden"));
    }

    @Test
    void jsonParsesBackToTheSameTableAsCsv() {
        ResultsFixture.widthSweep(root);
        Table t = csv(InProcessCommand.once("results", "width-sweep", "--results", root.toString()).out());
        InProcessCommand.Result r = InProcessCommand.once("results", "width-sweep", "--format", "json", "--results", root.toString());
        assertEquals(0, r.status(), r.err());
        List<Map<String, Object>> records = json(r.out());
        assertEquals(t.rowCount(), records.size());
        assertEquals(t.columnNames(), List.copyOf(records.getFirst().keySet()));
        for (int i = 0; i < records.size(); i++) {
            Map<String, Object> record = records.get(i);
            assertEquals(t.stringColumn("trial_id").get(i), record.get("trial_id"));
            double mse = t.numberColumn("final_test_mse").getDouble(i);
            Object parsed = record.get("final_test_mse");
            if (Double.isNaN(mse)) {
                assertNull(parsed, "NaN (the diverged trial) is null in JSON");
            } else {
                assertEquals(mse, ((Number) parsed).doubleValue(), "the same round-trip number");
            }
            assertInstanceOf(Integer.class, record.get("seed"));
            assertInstanceOf(Integer.class, record.get("epochs_run"));
            assertFalse(record.containsKey("final_test_accuracy"), "the same columns as the CSV");
        }
    }

    @Test
    void longCsvHasOneRowPerTrialAndEpoch() {
        ResultsFixture.widthSweep(root);
        InProcessCommand.Result r = InProcessCommand.once("results", "width-sweep", "--format", "long-csv", "--results", root.toString());
        assertEquals(0, r.status(), r.err());
        Table t = csv(r.out());
        // 11 trials ran their 10 epochs; the diverged one stopped at epoch 4
        assertEquals(11 * 10 + 4, t.rowCount());
        List<String> measured = Column.KEYS.stream().filter(k -> !k.contains("accuracy")).toList();
        assertEquals(measured, t.columnNames().subList(6, t.columnCount()), "metrics.csv's columns but accuracy, none in a regression");
        measured.forEach(k -> assertInstanceOf(NumericColumn.class, t.column(k), k));
        assertEquals(10, t.numberColumn("epoch").max(), 0);
    }

    @Test
    void outWritesTheFileWholeAndSaysSoInOneLine() throws Exception {
        ResultsFixture.widthSweep(root);
        Path file = root.resolve("export").resolve("width-sweep.csv");
        InProcessCommand.Result r = InProcessCommand.once("results", "width-sweep", "--out", file.toString(), "--results", root.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(1, r.out().lines().count(), r.out());
        assertTrue(r.out().contains("12 finished trials"), r.out());
        assertEquals(InProcessCommand.once("results", "width-sweep", "--results", root.toString()).out(), Files.readString(file));
    }

    @Test
    void badInputIsOneLineWithStatusTwo() {
        ResultsFixture.widthSweep(root);
        for (String[] args : List.of(
                new String[] {"results", "widht-sweep", "--results", root.toString()},
                new String[] {"results", "width-sweep", "--format", "jsn", "--results", root.toString()},
                new String[] {"run", "width-sweep", "--format", "csv"},
                new String[] {"results", "nothing-like-it", "--results", root.toString()},
                new String[] {"results", "../width-sweep", "--results", root.resolve("trials").toString()})) {
            InProcessCommand.Result r = InProcessCommand.once(args);
            assertEquals(2, r.status(), String.join(" ", args));
            assertEquals("", r.out(), String.join(" ", args));
            assertEquals(1, r.err().lines().count(), r.err());
        }
        assertTrue(InProcessCommand.once("results", "widht-sweep", "--results", root.toString()).err().contains("did you mean 'width-sweep'?"));
        assertTrue(InProcessCommand.once("results", "width-sweep", "--format", "jsn", "--results", root.toString()).err().contains("did you mean 'json'?"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> json(String text) {
        return (List<Map<String, Object>>) new Load(LoadSettings.builder().setSchema(new JsonSchema()).build()).loadFromString(text);
    }
}
