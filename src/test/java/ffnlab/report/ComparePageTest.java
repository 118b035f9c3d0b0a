package ffnlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.analysis.Comparison;
import ffnlab.analysis.ErrorMeasure;
import ffnlab.analysis.WelchInterval;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparePageTest {
    private static final Comparison COMPARISON = new Comparison("exp", "exp@lr=0.05", null, ErrorMeasure.CLASSIFICATION, List.of(
            new Comparison.Row("model.hidden=<8>", 0.8, 3, 0.9, 3,
                    WelchInterval.of(new double[] {0.79, 0.8, 0.81}, new double[] {0.89, 0.9, 0.91}), Comparison.Verdict.BETTER),
            new Comparison.Row("model.hidden=16", 0.8, 1, 0.7, 2,
                    WelchInterval.of(new double[] {0.8}, new double[] {0.69, 0.71}), Comparison.Verdict.NOT_ASSESSED)),
            List.of("model.hidden=32"), List.of());

    @Test
    void theConsoleTableHasOneRowPerConfigurationWithIntervalAndVerdict() {
        List<String> lines = ComparePage.console(COMPARISON).lines().toList();
        assertEquals("final test accuracy: A = exp, B = exp@lr=0.05; B - A with its 95% Welch CI", lines.get(0));
        assertTrue(lines.get(2).matches("model\\.hidden=<8> +0\\.8 \\(3\\) +0\\.9 \\(3\\) +0\\.1 +\\[0\\.07\\d*, 0\\.12\\d*\\]  better"), lines.get(2));
        assertTrue(lines.get(3).endsWith(" n/a  not assessed"), lines.get(3));
        assertEquals("only in A: model.hidden=32", lines.get(4));
        assertEquals(5, lines.size());
    }

    @Test
    void thePageStatesTheMethodEscapesLabelsAndListsWhatWasNotCompared() {
        String html = ComparePage.render(COMPARISON);
        assertTrue(html.contains("Welch&#39;s t"), "the method");
        assertTrue(html.contains("(higher is better)"), "accuracy: higher is better");
        assertTrue(html.contains("model.hidden=&lt;8&gt;") && !html.contains("model.hidden=<8>"));
        assertTrue(html.contains("<tr class=\"better\">") && html.contains("<tr class=\"not-assessed\">"));
        assertTrue(html.contains("Only in A (exp), not compared: model.hidden=32."));
        assertFalse(html.contains("Only in B"));
        assertTrue(html.contains("better in 1, worse in 0, indistinguishable in 0, not assessed in 1 of 2 shared configurations"));
        assertTrue(html.contains("Means, differences and intervals in fraction."));
        assertEquals("compare-exp-vs-exp@lr=0.05", ComparePage.folder(COMPARISON));
        Comparison regression = new Comparison("a", "b", null, ErrorMeasure.REGRESSION, COMPARISON.rows(), List.of(), List.of());
        assertTrue(ComparePage.render(regression).contains("Means, differences and intervals in scaled m.s.e.</p>"), "one full stop");
    }

    @Test
    void againstABaselineThePageAndTheTableSayWhichConfigurationIsA() {
        Comparison c = new Comparison("exp", "exp", "model.hidden=[5, 5]", ErrorMeasure.CLASSIFICATION, COMPARISON.rows(), List.of(),
                List.of());
        assertEquals("compare-exp-baseline-model.hidden=_5__5_", ComparePage.folder(c));
        assertEquals("final test accuracy: A = model.hidden=[5, 5] of exp (the baseline), B = each other configuration of exp;"
                + " B - A with its 95% Welch CI", ComparePage.console(c).lines().findFirst().orElseThrow());
        String html = ComparePage.render(c);
        assertTrue(html.contains("<h1>exp: against model.hidden=[5, 5]</h1>"), html);
        assertEquals(1, html.split("href=\"../exp/index.html\"", -1).length - 1, "one link to the experiment's report");
        assertTrue(html.contains("of 2 configurations compared with the baseline."));
    }
}
