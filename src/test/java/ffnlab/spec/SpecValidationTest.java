package ffnlab.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecValidationTest {
    @TempDir
    Path dir;

    private ExperimentFiles write(String name, String yaml) throws IOException {
        Files.writeString(dir.resolve(name + ".yaml"), yaml);
        return new ExperimentFiles(dir);
    }

    private static List<String> messages(SpecException e) {
        return e.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void everyProblemIsReportedAtOnceWithPositionPathAndSuggestion() throws IOException {
        ExperimentFiles files = write("bad", """
                dataset:
                  source: california-housing
                  test_fraction: 1.5
                model:
                  hiden: [10]
                  activation: relux
                training:
                  lr: fast
                  epochs: 0
                seeds: [1, 1]
                sweep:
                  grid:
                    training.batchsize: [16, 32]
                    seeds: [1, 2]
                """);
        SpecException e = assertThrows(SpecException.class, () -> files.load("bad", null, Map.of()));
        List<String> m = messages(e);
        String all = String.join("\n", m);
        assertTrue(all.contains(dir.getFileName() + "/bad.yaml:5:3: model.hiden: unknown key 'hiden'; did you mean 'hidden'?"), all);
        assertTrue(all.contains("bad.yaml:6:15: model.activation: unknown value 'relux'; did you mean 'relu'?"), all);
        assertTrue(all.contains("bad.yaml:8:7: training.lr: expected a finite number, got fast"), all);
        assertTrue(all.contains("bad.yaml:10:12: seeds: seed 1 is listed twice"), all);
        assertTrue(all.contains("bad.yaml:13:5: sweep.grid.training.batchsize: unknown key 'training.batchsize'; did you mean 'training.batch_size'?"), all);
        assertTrue(all.contains("bad.yaml:14:5: sweep.grid.seeds: seeds are replicates"), all);
        assertEquals(6, m.size(), all);
    }

    @Test
    void rangeAndCombinationChecksNameTheValue() throws IOException {
        ExperimentFiles files = write("combo", """
                dataset: {source: fashion-mnist}
                model: {output: linear}
                training: {epochs: 0, initialiser: chapter}
                """);
        String all = String.join("\n", messages(assertThrows(SpecException.class, () -> files.load("combo", null, Map.of()))));
        assertTrue(all.contains("combo.yaml:2:17: model.output: a classification task needs a softmax output, got linear"), all);
        assertTrue(all.contains("combo.yaml:3:20: training.epochs: must be between 1 and 1000000, got 0"), all);
        assertTrue(all.contains("combo.yaml:3:36: training.initialiser: the chapter's initial weights exist only for Example 2"), all);
    }

    @Test
    void thePrintedDoubleSoftmaxIsALossNamedInFullAndNeedsASoftmaxOutput() throws IOException {
        ExperimentFiles files = write("printed", """
                dataset: {source: fashion-mnist}
                training: {loss: double_softmax_crossentropy}
                """);
        String all = String.join("\n", messages(assertThrows(SpecException.class, () -> files.load("printed", null, Map.of()))));
        assertTrue(all.contains("printed.yaml:2:18: training.loss: unknown value 'double_softmax_crossentropy'; did you mean 'double_softmax_cross_entropy'?"), all);
        ExperimentFiles regression = write("housing", """
                dataset: {source: california-housing}
                training: {loss: double_softmax_cross_entropy}
                """);
        all = String.join("\n", messages(assertThrows(SpecException.class, () -> regression.load("housing", null, Map.of()))));
        assertTrue(all.contains("housing.yaml:2:18: training.loss: double_softmax_cross_entropy cannot be used with a linear output; use squared_error"), all);
    }

    @Test
    void profileSectionsAreCheckedEvenWhenNotUsed() throws IOException {
        ExperimentFiles files = write("prof", """
                dataset: {source: toy-mapping}
                profiles:
                  smok: {training.epochs: 1}
                  ci: {training.epoch: 1, seeds: [1]}
                """);
        String all = String.join("\n", messages(assertThrows(SpecException.class, () -> files.load("prof", null, Map.of()))));
        assertTrue(all.contains("prof.yaml:3:3: profiles.smok: unknown profile 'smok'; did you mean 'smoke'?"), all);
        assertTrue(all.contains("prof.yaml:4:8: profiles.ci.training.epoch: unknown key 'training.epoch'; did you mean 'training.epochs'?"), all);
    }

    @Test
    void yamlSyntaxErrorsHavePositions() throws IOException {
        ExperimentFiles files = write("syntax", "dataset:\n  source: toy-mapping\n   model: [1\n");
        SpecException e = assertThrows(SpecException.class, () -> files.load("syntax", null, Map.of()));
        assertTrue(e.getMessage().matches("(?s).*syntax\\.yaml:\\d+:\\d+: invalid YAML.*"), e.getMessage());
    }

    @Test
    void missingExperimentSuggestsTheClosestName() throws IOException {
        ExperimentFiles files = write("width-sweep", "dataset: {source: toy-mapping}\n");
        SpecException e = assertThrows(SpecException.class, () -> files.load("widht-sweep", null, Map.of()));
        assertTrue(e.getMessage().contains("did you mean 'width-sweep'?"), e.getMessage());
    }

    @Test
    void badSweepValuesAreReportedAtTheirOwnLine() throws IOException {
        ExperimentFiles files = write("sweepvals", """
                dataset: {source: toy-mapping}
                sweep:
                  grid:
                    training.batch_size: [4, -1, big]
                """);
        ExperimentSpec spec = files.load("sweepvals", null, Map.of());
        SpecException e = assertThrows(SpecException.class,
                () -> ffnlab.sweep.SweepExpander.configurations(spec, c -> new int[] {2, 2}));
        String all = String.join("\n", messages(e));
        assertTrue(all.contains("sweepvals.yaml:4:30: training.batch_size: must be between 0 and 1000000, got -1"), all);
        assertTrue(all.contains("sweepvals.yaml:4:34: training.batch_size: expected a whole number, got big"), all);
    }

    @Test
    void badExpressionsAreReportedWithTheirPath() throws IOException {
        ExperimentFiles files = write("expr", """
                dataset: {source: toy-mapping}
                sweep:
                  derived:
                    training.lr: "0.001 * training.batch_sise / 64"
                  constraints: ["parameters <= "]
                """);
        String all = String.join("\n", messages(assertThrows(SpecException.class, () -> files.load("expr", null, Map.of()))));
        assertTrue(all.contains("expr.yaml:4:18: sweep.derived.training.lr: bad expression"), all);
        assertTrue(all.contains("did you mean 'training.batch_size'?"), all);
        assertTrue(all.contains("sweep.constraints[0]: bad expression"), all);
    }

    @Test
    void valuesBeyondTheLimitsAreValidationProblemsNamingTheLimit() throws IOException {
        ExperimentFiles files = write("huge", """
                dataset: {source: california-housing, train_limit: 5000000000}
                model: {hidden: [2000000]}
                training: {epochs: 3000000000, batch_size: 99999999999}
                """);
        SpecException e = assertThrows(SpecException.class, () -> files.load("huge", null, Map.of()));
        List<String> m = messages(e);
        String all = String.join("\n", m);
        assertTrue(all.contains("huge.yaml:1:52: dataset.train_limit: must be between 0 and 1000000000, got 5000000000"), all);
        assertTrue(all.contains("huge.yaml:2:17: model.hidden: hidden widths must be between 1 and 65536, got [2000000]"), all);
        assertTrue(all.contains("huge.yaml:3:20: training.epochs: must be between 1 and 1000000, got 3000000000"), all);
        assertTrue(all.contains("huge.yaml:3:44: training.batch_size: must be between 0 and 1000000, got 99999999999"), all);
        assertEquals(4, m.size(), all);
    }

    @Test
    void aDerivedValueThatIsAnInfiniteNumberIsAProblemAtItsLine() throws IOException {
        ExperimentFiles files = write("inf", "dataset: {source: toy-mapping}\nsweep:\n  derived:\n    training.lr: 1e400\n");
        SpecException e = assertThrows(SpecException.class, () -> files.load("inf", null, Map.of()));
        assertEquals(dir.getFileName() + "/inf.yaml:4:18: sweep.derived.training.lr: expected a finite number or an expression, got Infinity",
                e.getMessage());
    }
}
