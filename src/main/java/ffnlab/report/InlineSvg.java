package ffnlab.report;

import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.knowm.xchart.internal.chartpart.AxesChart;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A chart as an {@code <svg>} element to paste into HTML, rendered headless through VectorGraphics2D (as XChart's
 * VectorGraphicsEncoder does). Text drawn with a {@link ffnlab.plot.ChartFont} comes out as {@code <text>} elements
 * (selectable, searchable, small) in the generic sans-serif family, each stretched to the width the chart's layout
 * measured, so labels keep the spacing XChart gave them whatever font the browser picks. A curve's segments become
 * one polyline. The XML prolog and DOCTYPE
 * are dropped, every id (clip paths) gets a per-plot prefix so several charts can share a page, and the axis titles
 * are written as {@code data-x-title} and {@code data-y-title} attributes of the {@code <svg>}.
 */
public final class InlineSvg {
    // Painting needs no display: VectorGraphics2D records Graphics2D calls. On Linux without DISPLAY (CI) the JDK
    // is headless by itself; the tests render every plot kind that way.
    private InlineSvg() {
    }

    private static final java.util.regex.Pattern LONG_DECIMAL = java.util.regex.Pattern.compile("-?\\d+\\.\\d{3,}(?![^<]*</text>)"); // not in text

    /**
     * Rounds coordinates to 1/100 px: VectorGraphics2D writes six decimals, which adds bytes and nothing visible.
     */
    static String roundCoordinates(String svg) {
        java.util.regex.Matcher m = LONG_DECIMAL.matcher(svg);
        StringBuilder out = new StringBuilder(svg.length());
        while (m.find()) {
            String rounded = java.math.BigDecimal.valueOf(Double.parseDouble(m.group()))
                    .setScale(2, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
            m.appendReplacement(out, rounded.equals("-0") ? "0" : rounded);
        }
        m.appendTail(out);
        return out.toString();
    }

    private static final java.util.regex.Pattern LINE = java.util.regex.Pattern.compile(
            "\\s*<line style=\"([^\"]*)\" x1=\"([^\"]*)\" x2=\"([^\"]*)\" y1=\"([^\"]*)\" y2=\"([^\"]*)\"/>");

    /**
     * Joins runs of adjacent {@code <line>} elements of one style, each starting where the last ended, into one
     * {@code <polyline>}: XChart draws a curve segment by segment, and one element per segment is most of a
     * learning-curve chart's size.
     */
    static String joinLines(String svg) {
        java.util.regex.Matcher m = LINE.matcher(svg);
        StringBuilder out = new StringBuilder(svg.length());
        int copied = 0;
        String style = null;
        String endX = null;
        String endY = null;
        StringBuilder points = new StringBuilder();
        int segments = 0;
        while (m.find()) {
            boolean continues = style != null && m.start() == copied && m.group(1).equals(style) && m.group(2).equals(endX)
                    && m.group(4).equals(endY);
            if (!continues) {
                flush(out, style, points, segments);
                out.append(svg, copied, m.start());
                style = m.group(1);
                points.setLength(0);
                points.append(m.group(2)).append(',').append(m.group(4));
                segments = 0;
            }
            points.append(' ').append(m.group(3)).append(',').append(m.group(5));
            segments++;
            endX = m.group(3);
            endY = m.group(5);
            copied = m.end();
        }
        flush(out, style, points, segments);
        return out.append(svg, copied, svg.length()).toString();
    }

    private static void flush(StringBuilder out, String style, StringBuilder points, int segments) {
        if (style == null) {
            return;
        }
        if (segments == 1) {
            String[] ends = points.toString().split("[ ,]");
            out.append("<line style=\"").append(style).append("\" x1=\"").append(ends[0]).append("\" x2=\"").append(ends[2])
                    .append("\" y1=\"").append(ends[1]).append("\" y2=\"").append(ends[3]).append("\"/>");
        } else {
            out.append("<polyline style=\"").append(style).append("\" points=\"").append(points).append("\"/>");
        }
    }

    /**
     * @param chart  the chart
     * @param idBase a prefix unique within the page, e.g. {@code "plot3"}
     * @param label  the accessible name of the image
     */
    public static String of(Chart<?, ?> chart, String idBase, String label) {
        TextGraphics g = new TextGraphics();
        chart.paint(g, chart.getWidth(), chart.getHeight());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, chart.getWidth(), chart.getHeight()))
                    .writeTo(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String svg = bytes.toString(StandardCharsets.UTF_8);
        int start = svg.indexOf("<svg");
        int end = svg.lastIndexOf("</svg>");
        if (start < 0 || end < start) {
            throw new IllegalStateException("the SVG encoder wrote no <svg> element");
        }
        StringBuilder texts = new StringBuilder("<g font-family=\"sans-serif\">");
        for (TextGraphics.Text t : g.texts()) {
            texts.append(text(t));
        }
        svg = joinLines(roundCoordinates(svg.substring(start, end))) + texts + "</g></svg>";
        String prefix = idBase + "-";
        svg = svg.replace(" id=\"", " id=\"" + prefix).replace("url(#", "url(#" + prefix)
                .replace("href=\"#", "href=\"#" + prefix);
        int openEnd = svg.indexOf('>');
        StringBuilder attributes = new StringBuilder(" role=\"img\" aria-label=\"" + Html.escape(label) + "\"");
        if (chart instanceof AxesChart<?, ?> axes) {
            attributes.append(" data-x-title=\"").append(Html.escape(axes.getXAxisTitle()))
                    .append("\" data-y-title=\"").append(Html.escape(axes.getYAxisTitle())).append('"');
        }
        return svg.substring(0, openEnd) + attributes + ">" + "<title>" + Html.escape(label) + "</title>"
                + svg.substring(openEnd + 1);
    }

    /** One {@code <text>} element whose baseline starts at its placement's origin. */
    private static String text(TextGraphics.Text t) {
        double[] m = new double[6];
        t.placement().getMatrix(m);
        Font font = t.font();
        Color c = t.colour();
        StringBuilder s = new StringBuilder("<text transform=\"matrix(");
        for (int i = 0; i < 6; i++) {
            s.append(i == 0 ? "" : " ").append(number(m[i]));
        }
        s.append(")\" font-size=\"").append(number(font.getSize2D())).append('"');
        if (font.isBold()) {
            s.append(" font-weight=\"bold\"");
        }
        if (font.isItalic()) {
            s.append(" font-style=\"italic\"");
        }
        s.append(" textLength=\"").append(number(t.advance())).append("\" lengthAdjust=\"spacingAndGlyphs\"");
        s.append(" fill=\"").append(String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue())).append('"');
        if (c.getAlpha() < 255) {
            s.append(" fill-opacity=\"").append(number(c.getAlpha() / 255.0)).append('"');
        }
        return s.append('>').append(Html.escape(t.text())).append("</text>").toString();
    }

    private static String number(double v) {
        return java.math.BigDecimal.valueOf(v).setScale(3, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros()
                .toPlainString();
    }
}
