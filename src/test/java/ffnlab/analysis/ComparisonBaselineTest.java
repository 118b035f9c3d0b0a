package ffnlab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ffnlab.analysis.Comparison.Verdict;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One run against a baseline configuration of its own: every other configuration is a B against the baseline's A,
 * with Welch's interval worked by hand (3 seeds a side, sample variances 0.01 each: se = sqrt(2 x 0.01 / 3), df = 4,
 * t_{0.975, 4} = 2.7764) and the verdict of a metric where lower is better.
 */
class ComparisonBaselineTest {
    @TempDir
    Path dir;

    private ExperimentResults sweep() {
        Map<Object, double[]> finals = new LinkedHashMap<>();
        finals.put(4, new double[] {0.8, 1.0, 1.2});
        finals.put(16, new double[] {2.0, 2.1, 1.9});
        finals.put(64, new double[] {1.0, 1.1, 0.9});
        finals.put(256, new double[] {0.5, 0.6, 0.4});
        return ExperimentResults.load(ResultsFixture.finalTestMse(dir, "widths", "model.hidden", finals));
    }

    @Test
    void everyOtherConfigurationIsComparedWithTheBaseline() {
        Comparison c = Comparison.againstBaseline(sweep(), Map.of("model.hidden", 64L));
        assertEquals("model.hidden=64", c.baseline());
        assertEquals(List.of("model.hidden=4", "model.hidden=16", "model.hidden=256"),
                c.rows().stream().map(Comparison.Row::configuration).toList());
        assertEquals(List.of(Verdict.INDISTINGUISHABLE, Verdict.WORSE, Verdict.BETTER), c.rows().stream().map(Comparison.Row::verdict).toList());
        Comparison.Row wider = c.rows().get(1);
        assertEquals(1.0, wider.meanA(), 1e-12);
        assertEquals(2.0, wider.meanB(), 1e-12);
        double half = 2.7764 * Math.sqrt(2 * 0.01 / 3);
        assertEquals(1.0, wider.difference().difference(), 1e-12);
        assertEquals(1.0 - half, wider.difference().low(), 1e-4);
        assertEquals(1.0 + half, wider.difference().high(), 1e-4);
        assertEquals(4.0, wider.difference().df(), 1e-9);
        assertEquals(List.of(), c.onlyInA());
        assertEquals(List.of(), c.onlyInB());
    }

    @Test
    void theBaselineMatchesByValueNotByText() {
        assertEquals("model.hidden=64", Comparison.againstBaseline(sweep(), Map.of("model.hidden", 64.0)).baseline());
        assertEquals("model.hidden=64", Comparison.againstBaseline(sweep(), Map.of("model.hidden", "64")).baseline());
    }

    @Test
    void aBaselineThatIsNoConfigurationNamesTheConfigurations() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Comparison.againstBaseline(sweep(), Map.of("model.hidden", 32L)));
        assertEquals("no configuration model.hidden=32 in widths; its configurations: model.hidden=4; model.hidden=16; "
                + "model.hidden=64; model.hidden=256", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Comparison.againstBaseline(sweep(), Map.of("training.lr", 0.01)));
    }
}
