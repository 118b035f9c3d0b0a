package ffnlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

class HtmlTest {

    @Test
    void meanAndIntervalShareTheirDecimalPlace() {
        assertEquals("0.2690 ± 0.0070", Html.meanCi(0.26904, 0.006957));
        assertEquals("2.0 ± 2.5", Html.meanCi(2.0, 2.4841));
        assertEquals("101 ± 12", Html.meanCi(101.4, 12.3));
        assertEquals("0.5", Html.meanCi(0.5, Double.NaN));
        assertEquals("3.900e+09 ± 1.200e+08", Html.meanCi(3.9e9, 1.2e8));
    }

    @Test
    void epochCountsReadAsMedianAndRange() {
        assertEquals("35 (3–120)", Html.medianRange(new double[] {120, 3, 35, Double.NaN}));
        assertEquals("20.5 (10–40)", Html.medianRange(new double[] {40, 10, 21, 20}));
        assertEquals("7", Html.medianRange(new double[] {7, 7}));
        assertEquals("n/a", Html.medianRange(new double[] {Double.NaN}));
    }

    @Test
    void numbersReadWell() {
        assertEquals("0.1071", Html.number(0.10712));
        assertEquals("64", Html.number(64.0));
        assertEquals("n/a", Html.number(Double.NaN));
        assertEquals("1.300e+10", Html.number(1.3e10 + 0.5));
        assertEquals("&lt;a href=&quot;x&quot;&gt; &amp; &#39;", Html.escape("<a href=\"x\"> & '"));
    }

    @Test
    void inlineSvgHasNoPrologUniqueIdsAndRoundedCoordinates() {
        XYChart chart = new XYChart(300, 200);
        chart.addSeries("a", new double[] {1, 2, 3}, new double[] {1, 3, 2});
        String svg = InlineSvg.of(chart, "plot7", "a <test>");
        assertTrue(svg.startsWith("<svg"), svg.substring(0, 40));
        assertFalse(svg.contains("<?xml") || svg.contains("<!DOCTYPE"));
        assertTrue(svg.contains("<title>a &lt;test&gt;</title>"));
        assertTrue(svg.contains(" id=\"plot7-clip"), "clip path ids carry the plot's prefix");
        assertTrue(svg.contains("url(#plot7-clip"), "and so do their references");
        assertFalse(svg.matches("(?s).*\\d\\.\\d{3,}.*"), "coordinates are rounded to 1/100 px");
        assertEquals("1.23 -0.5 7 0", InlineSvg.roundCoordinates("1.234567 -0.500000 7.001 -0.001"));
    }

    @Test
    void amountsInTheTargetsUnit() {
        org.junit.jupiter.api.Assertions.assertEquals("$56,836", Html.amount(56_836.4, "$"));
        org.junit.jupiter.api.Assertions.assertEquals("0.25", Html.amount(0.25, "value"));
        org.junit.jupiter.api.Assertions.assertEquals(Html.number(Double.NaN), Html.amount(Double.NaN, "$"));
    }

    @Test
    void aTableIntervalThatWouldLeaveTheMetricsRangeShowsItsClippedEnds() {
        org.junit.jupiter.api.Assertions.assertEquals("27 [0, 81]", Html.meanCi(27, 54, ffnlab.analysis.ValidRange.NON_NEGATIVE));
        org.junit.jupiter.api.Assertions.assertEquals("0.98 [0.9, 1]", Html.meanCi(0.98, 0.08, ffnlab.analysis.ValidRange.FRACTION));
        org.junit.jupiter.api.Assertions.assertEquals(Html.meanCi(0.5, 0.1), Html.meanCi(0.5, 0.1, ffnlab.analysis.ValidRange.FRACTION));
    }
}
