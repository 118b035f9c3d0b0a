package ffnlab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.data.Task;
import ffnlab.results.TrialSchema.Column;
import ffnlab.results.TrialSchema.Metric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class ExperimentResultsTest {
    @TempDir
    Path root;

    @Test
    void readsFinishedTrialsInSweepOrderAndListsUnfinishedOnes() {
        ResultsFixture.widthSweep(root);
        ExperimentResults r = ExperimentResults.load(root, "width-sweep");
        assertEquals(12, r.trials().size());
        assertEquals(List.of("ffffffffffffffff"), r.unfinished());
        assertEquals(List.of("model.hidden"), r.sweptKeys());
        assertEquals(Task.REGRESSION, r.task());
        assertEquals("model.hidden", r.xKey());
        assertEquals(List.of(4, 4, 4, 16, 16, 16, 64, 64, 64, 256, 256, 256),
                r.trials().stream().map(t -> ((Number) t.coordinates().get("model.hidden")).intValue()).toList());
        assertEquals(List.of(1L, 2L, 3L), r.trials().subList(0, 3).stream().map(FinishedTrial::seed).toList());
        assertEquals(1, r.trials().stream().filter(FinishedTrial::diverged).count());
        assertEquals(10, r.trials().getFirst().metrics().rowCount());
        assertEquals(Column.KEYS, r.trials().getFirst().metrics().columnNames());
    }

    @Test
    void trialsOfEarlierVersionsOfTheExperimentAreLeftOutWhenAPlanIsThere() throws IOException {
        Path dir = ResultsFixture.widthSweep(root);
        List<String> ids;
        try (var list = Files.list(dir.resolve("trials"))) {
            ids = list.map(p -> p.getFileName().toString()).sorted().toList();
        }
        // The current plan keeps 5 of the 12 finished trials and the unfinished one.
        List<String> kept = new java.util.ArrayList<>(ids.subList(0, 5));
        kept.add("ffffffffffffffff");
        Files.writeString(dir.resolve("plan.txt"), String.join("\n", kept) + "\n");
        ExperimentResults r = ExperimentResults.load(root, "width-sweep");
        assertEquals(kept.stream().filter(id -> !id.equals("ffffffffffffffff")).sorted().toList(),
                r.trials().stream().map(t -> t.dir().getFileName().toString()).sorted().toList());
        assertEquals(List.of("ffffffffffffffff"), r.unfinished());
    }

    @Test
    void tablesGroupSeedsIntoConfigurations() {
        ResultsFixture.widthSweep(root);
        ExperimentResults r = ExperimentResults.load(root, "width-sweep");
        Table trials = TrialTable.summaries(r);
        assertEquals(12, trials.rowCount());
        Table agg = Aggregation.perConfiguration(trials, r.sweptKeys());
        assertEquals(List.of(3, 3, 3, 2), agg.intColumn(Aggregation.N).asList());
        assertEquals(List.of(0, 0, 0, 1), agg.intColumn(Aggregation.N_DIVERGED).asList());
        Optimum o = Optimum.find(agg, ErrorMeasure.REGRESSION).orElseThrow();
        assertEquals("model.hidden=64", o.configuration());
        Table epochs = TrialTable.epochs(r);
        assertEquals(11 * 10, epochs.rowCount(), "diverged trials are left out of the curves");
    }

    @Test
    void classificationIsRecognisedByItsAccuracy() {
        ResultsFixture.batchSweep(root);
        ExperimentResults r = ExperimentResults.load(root, "batch-size-sweep");
        assertEquals(Task.CLASSIFICATION, r.task());
        assertEquals(List.of("T-shirt/top", "Trouser"), r.trials().getFirst().predictions().orElseThrow()
                .stringColumn("actual").asList().subList(0, 2));
    }

    @Test
    void aBadNumberInMetricsNamesFileAndLine() throws IOException {
        Path dir = ResultsFixture.widthSweep(root);
        Path trial = dir.resolve("trials").resolve(ResultsFixture.id("w4s1"));
        List<String> lines = Files.readAllLines(trial.resolve("metrics.csv"));
        lines.set(2, lines.get(2).replaceFirst(",[^,]+,", ",abc,"));
        Files.write(trial.resolve("metrics.csv"), lines);
        ResultsFileException e = assertThrows(ResultsFileException.class, () -> ExperimentResults.load(root, "width-sweep"));
        assertEquals(trial.resolve("metrics.csv") + ":3: expected a number in column 2, found 'abc'", e.getMessage());
    }

    @Test
    void aWrongHeaderAndBrokenYamlAreOneLineErrors() throws IOException {
        Path dir = ResultsFixture.widthSweep(root);
        Path trial = dir.resolve("trials").resolve(ResultsFixture.id("w16s2"));
        String metrics = Files.readString(trial.resolve("metrics.csv"));
        Files.writeString(trial.resolve("metrics.csv"), "epoch,loss\n1,2\n");
        ResultsFileException header = assertThrows(ResultsFileException.class, () -> ExperimentResults.load(root, "width-sweep"));
        assertTrue(header.getMessage().startsWith(trial.resolve("metrics.csv") + ":1: expected the header epoch,train_loss,"),
                header.getMessage());
        Files.writeString(trial.resolve("metrics.csv"), metrics);
        Files.writeString(trial.resolve("summary.yaml"), "status: finished\nfinal_test_mse: [1, 2\n");
        ResultsFileException yaml = assertThrows(ResultsFileException.class, () -> ExperimentResults.load(root, "width-sweep"));
        assertTrue(yaml.getMessage().matches(".*summary\\.yaml:[23]: expected valid YAML: .*"), yaml.getMessage());
        assertEquals(1, yaml.getMessage().lines().count());
        Files.writeString(trial.resolve("summary.yaml"), "status: finished\nepochs_run: 10\nfinal_test_mse: lots\n");
        ResultsFileException number = assertThrows(ResultsFileException.class, () -> ExperimentResults.load(root, "width-sweep")
                .trials().forEach(t -> t.summaryValue(Metric.FINAL_TEST_MSE)));
        assertEquals(trial.resolve("summary.yaml") + ":3: expected a number for 'final_test_mse', found 'lots'", number.getMessage());
    }

    @Test
    void predictionsOfSeveralOutputsBecomeOneRowPerOutput() throws IOException {
        Path dir = root.resolve("t");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("predictions.csv"), "actual_1,predicted_1,actual_2,predicted_2\n1,1.1,2,2.2\n3,3.3,4,4.4\n");
        Table p = ResultsCsv.predictions(dir.resolve("predictions.csv"));
        assertEquals(List.of(1.0, 3.0, 2.0, 4.0), p.doubleColumn("actual").asList());
        assertEquals(List.of(1, 1, 2, 2), p.intColumn("output").asList());
        Files.writeString(dir.resolve("predictions.csv"), "actual_1,predicted_2\n1,2\n");
        ResultsFileException e = assertThrows(ResultsFileException.class, () -> ResultsCsv.predictions(dir.resolve("predictions.csv")));
        assertEquals(dir.resolve("predictions.csv") + ":1: expected the header actual,predicted (or actual_1,predicted_1,...), "
                + "found actual_1,predicted_2", e.getMessage());
    }

    @Test
    void aMissingExperimentSaysSo() {
        ResultsFileException e = assertThrows(ResultsFileException.class, () -> ExperimentResults.load(root, "nothing"));
        assertTrue(e.getMessage().contains("expected a results folder for experiment 'nothing'"), e.getMessage());
    }
}
