package ffnlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.plot.ChartStyle;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/** Chart text comes out as SVG text (selectable, small), the axis titles as attributes, everything else as before. */
class InlineSvgTest {
    private static final Pattern TEXT = Pattern.compile("<text transform=\"matrix\\(([^)]*)\\)\"[^>]*>([^<]*)</text>");

    static XYChart chart() {
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT).title("Test error & more")
                .xAxisTitle("training time (epochs)").yAxisTitle("m.s.e. (scaled m.s.e.)").build();
        ChartStyle.apply(chart.getStyler());
        chart.addSeries("width <8>", new double[] {0, 10, 20}, new double[] {0.5, 0.3, 0.25});
        return chart;
    }

    /** The strings written as {@code <text>}, each with its matrix. */
    static List<String[]> texts(String svg) {
        List<String[]> out = new ArrayList<>();
        Matcher m = TEXT.matcher(svg);
        while (m.find()) {
            out.add(new String[] {m.group(1), m.group(2)});
        }
        return out;
    }

    @Test
    void everyStringOfTheChartIsTextNotOutline() throws Exception {
        String svg = InlineSvg.of(chart(), "plot1", "a chart");
        List<String> strings = texts(svg).stream().map(t -> t[1]).toList();
        assertTrue(strings.containsAll(List.of("Test error &amp; more", "training time (epochs)", "m.s.e. (scaled m.s.e.)",
                "width &lt;8&gt;", "0", "10", "20")), strings.toString());
        String yTitle = texts(svg).stream().filter(t -> t[1].startsWith("m.s.e.")).findFirst().orElseThrow()[0];
        assertTrue(yTitle.startsWith("0 -1 1 0 "), "the y axis title is turned a quarter: " + yTitle);
        assertTrue(svg.contains("font-family=\"sans-serif\""));
        ByteArrayOutputStream outlines = new ByteArrayOutputStream();
        VectorGraphicsEncoder.saveVectorGraphic(chart(), outlines, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        assertTrue(svg.length() * 3 < outlines.toString(StandardCharsets.UTF_8).length(),
                "text is a fraction of glyph outlines' size: " + svg.length() + " against " + outlines.size());
    }

    @Test
    void theSvgCarriesItsAxisTitles() {
        String svg = InlineSvg.of(chart(), "plot1", "a chart");
        String open = svg.substring(0, svg.indexOf('>'));
        assertTrue(open.contains(" data-x-title=\"training time (epochs)\""), open);
        assertTrue(open.contains(" data-y-title=\"m.s.e. (scaled m.s.e.)\""), open);
    }

    @Test
    void aShapeIsTextOnlyWhenItIsTheOutlineOfALaidOutString() {
        FontRenderContext frc = new FontRenderContext(null, true, true);
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        TextLayout layout = new TextLayout("epoch 20", font, frc);
        AffineTransform turned = AffineTransform.getTranslateInstance(40, 300);
        turned.rotate(-Math.PI / 3);
        Shape placed = layout.getOutline(turned);
        AffineTransform found = TextGraphics.placement(TextGraphics.pathOf(layout.getOutline(null)), TextGraphics.pathOf(placed))
                .orElseThrow();
        double[] expected = new double[6];
        double[] actual = new double[6];
        turned.getMatrix(expected);
        found.getMatrix(actual);
        for (int i = 0; i < 6; i++) {
            assertEquals(expected[i], actual[i], 1e-4, "the outline is in float coordinates");
        }
        Shape other = new TextLayout("epoch 30", font, frc).getOutline(turned);
        assertFalse(TextGraphics.placement(TextGraphics.pathOf(layout.getOutline(null)), TextGraphics.pathOf(other)).isPresent());
    }

    @Test
    void shapesThatAreNotTextStayPaths() {
        TextGraphics g = new TextGraphics();
        g.setColor(Color.BLUE);
        new TextLayout("label", new Font(Font.SANS_SERIF, Font.PLAIN, 11), g.getFontRenderContext());
        g.fill(new Rectangle2D.Double(1, 2, 30, 40));
        assertTrue(g.texts().isEmpty());
    }

    @Test
    void adjacentSegmentsOfOneStyleBecomeOnePolyline() {
        String a = "<line style=\"s\" x1=\"1\" x2=\"2\" y1=\"5\" y2=\"6\"/>";
        String b = "\n <line style=\"s\" x1=\"2\" x2=\"3\" y1=\"6\" y2=\"4\"/>";
        String other = "<line style=\"t\" x1=\"3\" x2=\"9\" y1=\"4\" y2=\"9\"/>";
        assertEquals("<g><polyline style=\"s\" points=\"1,5 2,6 3,4\"/>" + other + "</g>", InlineSvg.joinLines("<g>" + a + b + other + "</g>"));
        String apart = "<line style=\"s\" x1=\"7\" x2=\"8\" y1=\"5\" y2=\"6\"/>";
        assertEquals(a + "<rect/>" + apart, InlineSvg.joinLines(a + "<rect/>" + apart), "a segment that does not continue stays");
    }

    @Test
    void idsArePrefixedAndCoordinatesRounded() {
        String svg = InlineSvg.of(chart(), "plot7", "a <test>");
        assertTrue(svg.contains(" id=\"plot7-clip"));
        assertFalse(svg.replaceAll("<text[^>]*>", "").matches("(?s).*\\d\\.\\d{4,}.*"), "coordinates are rounded");
    }
}
