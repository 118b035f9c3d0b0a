package ffnlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.analysis.ExperimentResults;
import ffnlab.analysis.ResultsFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerdictTest {
    @TempDir
    Path root;

    private static ExperimentFindings findings(Path dir) {
        return ExperimentFindings.of(ExperimentResults.load(dir));
    }

    private static void claim(Path dir, String chapter) throws IOException {
        Path file = dir.resolve("experiment.yaml");
        String yaml = Files.readString(file);
        Files.writeString(file, yaml.substring(0, yaml.indexOf("  chapter:")) + chapter);
    }

    @Test
    void theChapterOptimumAgreesOnlyWhenEveryOtherIntervalLiesClearOfIt() {
        Verdict v = Verdict.of(findings(ResultsFixture.widthSweep(root, 5)));
        assertEquals(Verdict.Outcome.AGREES, v.outcome(), v.sentence());
        assertEquals("agrees", v.word());
    }

    @Test
    void overlappingIntervalsMakeTheOptimumInconclusiveNotAgreeing() throws IOException {
        // the chapter names the measured optimum (depth 3), but other depths' intervals overlap it
        Path dir = ResultsFixture.depthSweep(root);
        Files.writeString(dir.resolve("experiment.yaml"), Files.readString(dir.resolve("experiment.yaml"))
                .replace("optimum: 4", "optimum: 3"));
        ExperimentFindings f = findings(dir);
        assertFalse(f.optimum().orElseThrow().indistinguishable().isEmpty(), "fixture: the depths overlap");
        Verdict v = Verdict.of(f);
        assertEquals(Verdict.Outcome.INCONCLUSIVE, v.outcome(), v.sentence());
        assertTrue(v.sentence().contains("cannot"), v.sentence());
    }

    @Test
    void aClaimedOptimumDistinguishablyWorseDiffers() throws IOException {
        Path dir = ResultsFixture.widthSweep(root, 5);
        claim(dir, "  chapter: {optimum: 4}\n");
        Verdict v = Verdict.of(findings(dir));
        assertEquals(Verdict.Outcome.DIFFERS, v.outcome(), v.sentence());
    }

    @Test
    void oneSeedIsNotAssessedAndQuotesNoInterval() {
        ExperimentFindings f = findings(ResultsFixture.widthSweep(root, 1));
        Verdict v = Verdict.of(f);
        assertEquals(Verdict.Outcome.NOT_ASSESSED, v.outcome(), v.sentence());
        List<String> sentences = ChapterVsMeasured.sentences(f);
        assertTrue(sentences.stream().noneMatch(s -> s.contains("n = 1") || s.contains("95% CI, n")), sentences.toString());
        assertTrue(sentences.stream().anyMatch(s -> s.contains("one seed, no interval")), sentences.toString());
        assertTrue(sentences.contains("Verdict: not assessed. " + v.sentence()), sentences.toString());
    }

    @Test
    void anExperimentWithoutAClaimHasNoClaim() throws IOException {
        Path dir = ResultsFixture.widthSweep(root);
        claim(dir, "");
        Verdict v = Verdict.of(findings(dir));
        assertEquals(Verdict.Outcome.NO_CLAIM, v.outcome());
    }

    @Test
    void theChaptersMseAgreesToItsPrintedDigits() {
        Verdict v = Verdict.of(findings(ResultsFixture.toyMapping(root)));
        assertEquals(Verdict.Outcome.AGREES, v.outcome(), v.sentence());
        assertTrue(v.sentence().contains("(scaled m.s.e.)"), v.sentence());
    }

    @Test
    void aUCurveWithClearEndsAgrees() {
        Verdict v = Verdict.of(findings(ResultsFixture.batchSweep(root)));
        assertEquals(Verdict.Outcome.AGREES, v.outcome(), v.sentence());
        assertTrue(v.sentence().contains("interior"), v.sentence());
    }

    @Test
    void measuredValuesNameTheirUnitAndClipTheirInterval() {
        assertEquals("0.5 (scaled m.s.e.; 95% CI [0, 1.55], n = 3)",
                ChapterVsMeasured.measured(Html::number, "scaled m.s.e.", ffnlab.analysis.ValidRange.NON_NEGATIVE, 0.5, 1.05, 3));
    }

    @Test
    void housingErrorsInOriginalUnitsAreAnRmseInDollars() {
        ExperimentFindings f = findings(ResultsFixture.widthSweep(root));
        String sentence = ChapterVsMeasured.originalUnits(f, f.optimum().orElseThrow()).orElseThrow();
        // the fixture's m.s.e. in original units is 1.3e10 times the scaled one (about 0.26): an RMSE near $58,000
        assertTrue(sentence.matches("On the original target: test RMSE \\$5\\d,\\d{3} \\(95% CI \\[\\$5\\d,\\d{3}, \\$\\d\\d,\\d{3}\\], n = 3\\)\\."), sentence);
        assertFalse(sentence.contains("e+09") || sentence.contains("E9"), "never squared dollars");
    }
}
