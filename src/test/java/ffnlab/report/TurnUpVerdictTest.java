package ffnlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.analysis.ExperimentResults;
import ffnlab.analysis.ResultsFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TurnUpVerdictTest {
    @TempDir
    Path root;

    private static ExperimentFindings findings(Path dir) {
        return ExperimentFindings.of(ExperimentResults.load(dir));
    }

    @Test
    void theWidthFixtureRisesPastItsOptimumWithAnIntervalOfTheDifference() {
        // the fixture's floor is 0.25 + 0.02 ln(w/64)^2: 0.288 at 256 against 0.25 at 64, seed noise below 0.01
        ExperimentFindings f = findings(ResultsFixture.widthSweep(root, 5));
        Verdict v = TurnUpVerdict.of(f).orElseThrow();
        assertEquals(Verdict.Outcome.AGREES, v.outcome(), v.sentence());
        assertTrue(v.sentence().startsWith("Final test m.s.e. rises past width 64"), v.sentence());
        assertTrue(v.sentence().matches(".*at width 256 it exceeds the minimum by 0\\.0[34]\\d*, 95% CI \\[0\\.0\\d+, 0\\.0\\d+\\]"
                + " \\(Welch, n = 5 and 4\\)\\."), v.sentence());
        List<String> sentences = ChapterVsMeasured.sentences(f);
        assertTrue(sentences.contains("Rise past the optimum: agrees. " + v.sentence()), sentences.toString());
    }

    @Test
    void oneSeedIsNotAssessed() {
        Verdict v = TurnUpVerdict.of(findings(ResultsFixture.widthSweep(root, 1))).orElseThrow();
        assertEquals(Verdict.Outcome.NOT_ASSESSED, v.outcome(), v.sentence());
    }

    @Test
    void aSweepOfTwoKeysOrWithoutAClaimedOptimumHasNoTurnUpVerdict() throws IOException {
        assertTrue(TurnUpVerdict.of(findings(ResultsFixture.lrWidthGrid(root.resolve("a")))).isEmpty());
        Path dir = ResultsFixture.widthSweep(root.resolve("b"), 5);
        Path file = dir.resolve("experiment.yaml");
        Files.writeString(file, Files.readString(file).replace("    optimum: 64\n", ""));
        assertTrue(TurnUpVerdict.of(findings(dir)).isEmpty());
    }
}
