package ffnlab.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.analysis.FinishedTrial;
import ffnlab.results.TrialSchema.Column;
import ffnlab.results.TrialSchema.Metric;
import ffnlab.results.TrialSchema.ProbeColumn;
import ffnlab.train.EpochRecord;
import ffnlab.train.ProbeRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

class TrialSchemaTest {
    /** Five epochs; the test m.s.e. (or accuracy) and losses differ per epoch so the picked epoch is visible. */
    private static List<EpochRecord> epochs(boolean classification) {
        double[] test = classification ? new double[] {0.5, 0.8, 0.7, 0.9, 0.6} : new double[] {0.9, 0.3, 0.4, 0.2, 0.5};
        List<EpochRecord> records = new ArrayList<>();
        for (int e = 1; e <= 5; e++) {
            double t = test[e - 1];
            records.add(new EpochRecord(e, 10.0 / e, classification ? Double.NaN : 1.0 / e, classification ? Double.NaN : t,
                    classification ? 0.1 * e : Double.NaN, classification ? t : Double.NaN, 20.0 / e, 0.5, 4, 0.125));
        }
        return records;
    }

    @Test
    void everyFinalMetricIsOfTheFinalEpochNamedInTheSummary() {
        Map<String, Object> s = TrialSchema.summary(epochs(false), 2, 0, false, mse -> 4 * mse, 1.0, "ab");
        assertEquals(2, s.get("final_epoch"));
        assertEquals(5, s.get("epochs_run"));
        assertEquals(5.0, s.get("final_train_loss"));
        assertEquals(10.0, s.get("final_test_loss"));
        assertEquals(0.5, s.get("final_train_mse"));
        assertEquals(0.3, s.get("final_test_mse"));
        assertEquals(1.2, s.get("final_test_mse_orig"));
    }

    @Test
    void bestTestMetricsAreNamedByWhatTheyMeasure() {
        Map<String, Object> regression = TrialSchema.summary(epochs(false), 5, 0, false, mse -> mse, 1.0, "ab");
        assertEquals(0.2, regression.get("best_test_mse"), "lowest m.s.e.");
        assertEquals(4, regression.get("best_test_epoch"));
        assertTrue(Double.isNaN((Double) regression.get("best_test_accuracy")));
        Map<String, Object> classification = TrialSchema.summary(epochs(true), 5, 0, true, mse -> mse, 1.0, "ab");
        assertEquals(0.9, classification.get("best_test_accuracy"), "highest accuracy");
        assertEquals(4, classification.get("best_test_epoch"));
        assertTrue(Double.isNaN((Double) classification.get("best_test_mse")));
        assertTrue(!classification.containsKey("best_test_error") && !classification.containsKey("best_epoch"));
    }

    @Test
    void theFinalEpochMustBeOneThatRan() {
        assertThrows(IllegalArgumentException.class, () -> TrialSchema.summary(epochs(false), 6, 0, false, mse -> mse, 1.0, "ab"));
        assertTrue(Double.isNaN((Double) TrialSchema.summary(List.of(), 0, 0, false, mse -> mse, 1.0, "ab").get("final_train_loss")));
    }

    @Test
    void whatIsWrittenIsReadBackByTheSameNames(@TempDir Path root) {
        List<EpochRecord> epochs = epochs(false);
        Map<String, Object> summary = TrialSchema.summary(epochs, 4, 0, false, mse -> 4 * mse, 1.25, "ab");
        Map<String, Object> coordinates = new LinkedHashMap<>();
        coordinates.put("model.hidden", 64L);
        coordinates.put("training.seed", 7L);
        Map<String, Object> trial = new LinkedHashMap<>();
        trial.put("id", "0123456789abcdef");
        trial.put("seed", 7L);
        trial.put("coordinates", coordinates);
        TrialDirectory dir = new ExperimentDirectory(root.resolve("e")).trial("0123456789abcdef");
        dir.writeYaml(TrialDirectory.TRIAL, trial);
        dir.write(TrialDirectory.METRICS, TrialSchema.metricsCsv(epochs, mse -> 4 * mse));
        dir.writeYaml(TrialDirectory.SUMMARY, summary);

        FinishedTrial read = FinishedTrial.read(dir.path());
        assertEquals("model.hidden=64", read.configuration(), "the seed key is a replicate, not part of the configuration");
        assertEquals(7, read.seed());
        Table metrics = read.metrics();
        assertEquals(Column.KEYS, metrics.columnNames());
        for (Column c : Column.values()) {
            NumericColumn<?> column = metrics.numberColumn(c.key());
            assertEquals(c.integer(), column instanceof tech.tablesaw.api.IntColumn, c.key());
            for (int e = 0; e < epochs.size(); e++) {
                double expected = c.of(epochs.get(e), mse -> 4 * mse);
                double actual = column.isMissing(e) ? Double.NaN : column.getDouble(e);
                assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual), c.key() + " of epoch " + (e + 1));
            }
        }
        for (Metric m : Metric.values()) {
            double expected = ((Number) summary.get(m.key())).doubleValue();
            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(read.summaryValue(m)), m.key());
        }
        assertEquals(TrialSchema.FINISHED, read.status());
        assertEquals(1.25, read.summary().number(TrialSchema.WALL_TIME_S));
        assertEquals(5.0, read.summary().number(TrialSchema.EPOCHS_RUN));
        assertEquals("ab", read.summary().string(TrialSchema.PARAMETERS_SHA256, null));
        assertEquals(List.copyOf(summary.keySet()), List.copyOf(read.summary().root().keySet()), "every key written is read back, in order");
    }

    @Test
    void probesAreWrittenAndReadBackAndABadCellNamesItsLine(@TempDir Path root) throws java.io.IOException {
        List<ProbeRecord> probes = List.of(new ProbeRecord(1, 25, 1.5, 0.25, Double.NaN), new ProbeRecord(2, 75, 0.75, 0.125, Double.NaN));
        TrialDirectory dir = new ExperimentDirectory(root.resolve("e")).trial("0123456789abcdef");
        Map<String, Object> trial = new LinkedHashMap<>();
        trial.put("id", "0123456789abcdef");
        dir.writeYaml(TrialDirectory.TRIAL, trial);
        dir.write(TrialDirectory.METRICS, TrialSchema.metricsCsv(epochs(false), mse -> mse));
        dir.writeYaml(TrialDirectory.SUMMARY, TrialSchema.summary(epochs(false), 5, 0, false, mse -> mse, 1.0, "ab"));
        assertTrue(FinishedTrial.read(dir.path()).probes().isEmpty(), "no probes.csv without measurements between batches");
        dir.write(TrialDirectory.PROBES, TrialSchema.probesCsv(probes, mse -> 4 * mse));
        Table read = FinishedTrial.read(dir.path()).probes().orElseThrow();
        assertEquals(ProbeColumn.KEYS, read.columnNames());
        assertEquals(List.of(25L, 75L), read.longColumn("updates").asList());
        assertEquals(List.of(1L, 2L), read.longColumn("epoch").asList());
        assertEquals(List.of(0.25, 0.125), read.doubleColumn("test_mse").asList());
        assertEquals(List.of(1.0, 0.5), read.doubleColumn("test_mse_orig").asList(), "in original units");
        assertTrue(read.doubleColumn("test_accuracy").isMissing(0), "NaN for regression");
        java.nio.file.Files.writeString(dir.path().resolve(TrialDirectory.PROBES),
                String.join(",", ProbeColumn.KEYS) + "\n1,25,1.5,0.25,1.0,NaN\n2,seventy,0.75,0.125,0.5,NaN\n");
        ffnlab.analysis.ResultsFileException e = assertThrows(ffnlab.analysis.ResultsFileException.class,
                () -> FinishedTrial.read(dir.path()).probes());
        assertTrue(e.getMessage().contains("probes.csv:3: expected an integer in column 2, found 'seventy'"), e.getMessage());
    }
}
