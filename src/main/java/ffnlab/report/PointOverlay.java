package ffnlab.report;

import ffnlab.plot.PointTips;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.XYStyler;

/**
 * Hover without a server: over a painted chart, a {@code <g class="ffn-points">} of transparent circles, one per drawn
 * point, each with a {@code <title>} holding its hover text (the series' {@link PointTips}, else
 * {@code series: x-title = x, y-title = y}). A circle whose text names {@code seed N} carries {@code data-seed="N"}.
 * Positions come from the chart's own data-to-pixel mapping after it was painted (log axes included), so the circles
 * sit on the drawn points. Charts other than XY charts get no overlay.
 */
final class PointOverlay {
    /** Radius of a hover circle in SVG pixels: larger than a marker, so a point is easy to hit. */
    static final double RADIUS = 6;
    private static final Pattern SEED = Pattern.compile("\\bseed (\\d+)\\b");

    private PointOverlay() {
    }

    /** {@code svg} (the painted {@code chart}) with its overlay as the last element, above everything drawn. */
    static String insert(String svg, Chart<?, ?> chart) {
        String overlay = of(chart);
        int end = svg.lastIndexOf("</svg>");
        return overlay.isEmpty() || end < 0 ? svg : svg.substring(0, end) + overlay + svg.substring(end);
    }

    /** The overlay of a chart that was painted (its axes hold the painted ranges); empty when it has no points. */
    static String of(Chart<?, ?> chart) {
        if (!(chart instanceof XYChart xy)) {
            return "";
        }
        XYStyler styler = xy.getStyler();
        StringBuilder g = new StringBuilder();
        for (XYSeries series : xy.getSeriesCollection()) {
            if (!series.isEnabled()) {
                continue;
            }
            double[] x = series.getXData();
            double[] y = series.getYData();
            String[] tips = PointTips.of(series).orElse(null);
            int group = series.getYAxisGroup();
            for (int i = 0; i < x.length; i++) {
                if (!drawn(x[i], styler.isXAxisLogarithmic(), styler.getXAxisMin(), styler.getXAxisMax())
                        || !drawn(y[i], styler.isYAxisLogarithmic(), orElse(styler.getYAxisMin(group), styler.getYAxisMin()),
                                orElse(styler.getYAxisMax(group), styler.getYAxisMax()))) {
                    continue;
                }
                String text = tips != null && i < tips.length && tips[i] != null ? tips[i]
                        : series.getName() + ": " + xy.getXAxisTitle() + " = " + Html.number(x[i]) + ", "
                                + xy.getYAxisGroupTitle(group) + " = " + Html.number(y[i]);
                g.append("<circle class=\"ffn-pt\" cx=\"").append(px(xy.getScreenXFromChart(x[i])))
                        .append("\" cy=\"").append(px(xy.getScreenYFromChart(y[i], group))).append("\" r=\"")
                        .append(px(RADIUS)).append('"');
                Matcher seed = SEED.matcher(text);
                if (seed.find()) {
                    g.append(" data-seed=\"").append(seed.group(1)).append('"');
                }
                g.append("><title>").append(Html.escape(text)).append("</title></circle>");
            }
        }
        return g.isEmpty() ? "" : "<g class=\"ffn-points\" fill=\"transparent\" stroke=\"none\" pointer-events=\"all\">"
                + g + "</g>";
    }

    /** Whether a value is drawn: finite, positive on a log axis, and inside a fixed axis range. */
    private static boolean drawn(double v, boolean log, Double min, Double max) {
        return Double.isFinite(v) && (!log || v > 0) && (min == null || v >= min) && (max == null || v <= max);
    }

    private static Double orElse(Double groupValue, Double chartValue) {
        return groupValue != null ? groupValue : chartValue;
    }

    private static String px(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
