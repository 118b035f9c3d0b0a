package ffnlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.plot.PointTips;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

class PointOverlayTest {
    private static final Pattern MARKER = Pattern.compile("<ellipse cx=\"([-\\d.]+)\" cy=\"([-\\d.]+)\"");
    private static final Pattern HOVER = Pattern.compile("<circle class=\"ffn-pt\" cx=\"([-\\d.]+)\" cy=\"([-\\d.]+)\"");

    private static XYChart chart(boolean logX) {
        XYChart chart = new XYChartBuilder().width(500).height(333).title("t").xAxisTitle("width (neurons)")
                .yAxisTitle("m.s.e. (scaled m.s.e.)").build();
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setLegendVisible(false);
        XYSeries s = chart.addSeries("width 4 seed 3", new double[] {1, 4, 16, 64}, new double[] {2, 7, 3, 0.5});
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        return chart;
    }

    private static List<double[]> points(Pattern p, String svg) {
        List<double[]> out = new ArrayList<>();
        Matcher m = p.matcher(svg);
        while (m.find()) {
            out.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))});
        }
        return out;
    }

    /** Each hover circle lies on the marker XChart drew for its point (within XChart's own whole-pixel rounding). */
    private static void assertOnDrawnPoints(XYChart chart) {
        String svg = PointOverlay.insert(InlineSvg.of(chart, "p", "t"), chart);
        List<double[]> drawn = points(MARKER, svg);
        List<double[]> hover = points(HOVER, svg);
        assertEquals(4, drawn.size(), "markers drawn");
        assertEquals(drawn.size(), hover.size(), "one hover circle per drawn point");
        for (int i = 0; i < drawn.size(); i++) {
            assertEquals(drawn.get(i)[0], hover.get(i)[0], 0.5, "x of point " + i);
            assertEquals(drawn.get(i)[1], hover.get(i)[1], 0.5, "y of point " + i);
        }
        assertTrue(svg.indexOf("<g class=\"ffn-points\"") > svg.lastIndexOf("<ellipse"), "the overlay lies above the plot");
    }

    @Test
    void circlesSitOnTheDrawnPointsOnLinearAxes() {
        assertOnDrawnPoints(chart(false));
    }

    @Test
    void circlesSitOnTheDrawnPointsOnLogAxes() {
        assertOnDrawnPoints(chart(true));
    }

    @Test
    void titlesCarryTheSeriesTipsAndTheSeed() {
        XYChart chart = chart(false);
        PointTips.set(chart.getSeries("width 4 seed 3"),
                new String[] {"width 1, seed 3: 2 (scaled m.s.e.)", "a <b>", "c", "d"});
        String overlay = PointOverlay.of(chart);
        assertTrue(overlay.contains("data-seed=\"3\"><title>width 1, seed 3: 2 (scaled m.s.e.)</title>"), overlay);
        assertTrue(overlay.contains("<title>a &lt;b&gt;</title>"), "hover text is escaped");
    }

    @Test
    void withoutTipsTheTitleNamesSeriesAxesAndValues() {
        XYChart chart = new XYChartBuilder().width(400).height(300).xAxisTitle("epoch (epochs)").yAxisTitle("loss (value)").build();
        chart.addSeries("mean", new double[] {1, 2, 3}, new double[] {0.5, Double.NaN, 0.25});
        String overlay = PointOverlay.of(chart);
        assertEquals(2, points(HOVER, overlay).size(), "no circle for a point that is not drawn (NaN)");
        assertTrue(overlay.contains("<title>mean: epoch (epochs) = 1, loss (value) = 0.5</title>"), overlay);
        assertTrue(!overlay.contains("data-seed"), "no seed named, no data-seed");
    }

    @Test
    void pointsOutsideAFixedAxisRangeGetNoCircle() {
        XYChart chart = chart(false);
        chart.getStyler().setYAxisMax(5.0);
        assertEquals(3, points(HOVER, PointOverlay.of(chart)).size());
    }
}
