package ffnlab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/**
 * The look shared by every ffnlab chart: white plot, light grid, a colour-blind-safe palette (Okabe-Ito), sizes that
 * read well inline in the HTML report, and {@link ChartFont}s for all text, so the SVG keeps text as text.
 */
public final class ChartStyle {
    /** Chart width and height in pixels (the SVG viewBox). */
    public static final int WIDTH = 760;
    public static final int HEIGHT = 460;

    /** Okabe-Ito colours, then darker shades for sweeps with more than eight configurations. */
    private static final Color[] PALETTE = {
        new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115), new Color(204, 121, 167),
        new Color(230, 159, 0), new Color(86, 180, 233), new Color(0, 0, 0), new Color(240, 228, 66),
        new Color(0, 70, 110), new Color(140, 60, 0), new Color(0, 100, 70), new Color(120, 70, 100),
    };

    /** Solid line for test curves. */
    public static final BasicStroke SOLID = new BasicStroke(2.0f);
    /** Dashed line for training curves. */
    public static final BasicStroke DASHED = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {6f, 4f}, 0f);
    /** Thin dotted line for confidence-interval bounds. */
    public static final BasicStroke DOTTED = new BasicStroke(0.9f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {2f, 3f}, 0f);

    /** Long dashes for a reference line (the chapter's optimum). */
    public static final BasicStroke MARKER_LINE = new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {9f, 5f}, 0f);

    private ChartStyle() {
    }

    /** The i-th series colour. */
    public static Color colour(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    /** Applies the shared look to an axes chart's styler. */
    public static void apply(AxesChartStyler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderColor(new Color(180, 180, 180));
        styler.setPlotGridLinesColor(new Color(225, 225, 225));
        // solid: VectorGraphics2D writes a dashed line as one small rectangle per dash (kilobytes per grid line)
        styler.setPlotGridLinesStroke(new BasicStroke(0.8f));
        styler.setLegendBorderColor(new Color(200, 200, 200));
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setChartTitleFont(new ChartFont(Font.BOLD, 15));
        styler.setAxisTitleFont(new ChartFont(Font.PLAIN, 13));
        styler.setAxisTickLabelsFont(new ChartFont(Font.PLAIN, 11));
        styler.setLegendFont(new ChartFont(Font.PLAIN, 11));
        styler.setAnnotationTextFont(new ChartFont(Font.PLAIN, 11));
        styler.setChartTitleBoxBackgroundColor(Color.WHITE);
        styler.setChartTitleBoxBorderColor(Color.WHITE);
        styler.setMarkerSize(6);
        styler.setErrorBarsColorSeriesColor(true);
        styler.setChartPadding(8);
    }

    /** {@code c} at about 45% opacity, for interval bounds that must not drown the means. */
    public static Color faded(Color c) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), 115);
    }
}
