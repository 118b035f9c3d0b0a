package ffnlab.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A chart as an {@code <svg>} element to paste into HTML, rendered headless through XChart's
 * {@link VectorGraphicsEncoder} (VectorGraphics2D; text becomes outlines, so no font is needed to view it). The XML
 * prolog and DOCTYPE are dropped, and every id (clip paths) gets a per-plot prefix so several charts can share a page.
 */
public final class InlineSvg {
    // Painting needs no display: VectorGraphics2D records Graphics2D calls. On Linux without DISPLAY (CI) the JDK
    // is headless by itself; the tests render every plot kind that way.
    private InlineSvg() {
    }

    private static final java.util.regex.Pattern LONG_DECIMAL = java.util.regex.Pattern.compile("-?\\d+\\.\\d{3,}(?![^<]*</text>)"); // not in text

    /**
     * Rounds coordinates to 1/100 px: glyph outlines are written with six decimals, which doubles the page's size and
     * adds nothing visible.
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

    /**
     * @param chart  the chart
     * @param idBase a prefix unique within the page, e.g. {@code "plot3"}
     * @param label  the accessible name of the image
     */
    public static String of(Chart<?, ?> chart, String idBase, String label) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, bytes, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String svg = bytes.toString(StandardCharsets.UTF_8);
        int start = svg.indexOf("<svg");
        if (start < 0) {
            throw new IllegalStateException("the SVG encoder wrote no <svg> element");
        }
        svg = roundCoordinates(svg.substring(start).strip());
        String prefix = idBase + "-";
        svg = svg.replace(" id=\"", " id=\"" + prefix).replace("url(#", "url(#" + prefix)
                .replace("href=\"#", "href=\"#" + prefix);
        int openEnd = svg.indexOf('>');
        return svg.substring(0, openEnd) + " role=\"img\" aria-label=\"" + Html.escape(label) + "\">"
                + "<title>" + Html.escape(label) + "</title>" + svg.substring(openEnd + 1);
    }
}
