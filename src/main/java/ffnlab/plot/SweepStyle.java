package ffnlab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * How a sweep's configurations are told apart in a chart. The first swept key (ordered: widths, depths, batch sizes,
 * learning rates) gets a sequential palette, so neighbouring values get neighbouring colours and the smallest and
 * largest are the two ends of the scale, never the same hue. A second key gets a marker shape and a dash pattern per
 * value; charts that already use dashes for something else (training against test) use the marker only.
 */
public final class SweepStyle {
    /** Anchors of the viridis scale from dark purple to green-yellow; the lightest yellow is left out (unreadable on white). */
    private static final Color[] SEQUENTIAL = {
        new Color(68, 1, 84), new Color(65, 68, 135), new Color(42, 120, 142), new Color(34, 168, 132),
        new Color(122, 209, 81), new Color(189, 223, 38),
    };
    private static final Marker[] MARKERS = {
        SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP,
        SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS, SeriesMarkers.OVAL, SeriesMarkers.PLUS,
    };
    private static final float[][] DASHES = {null, {7f, 4f}, {2f, 3f}, {9f, 3f, 2f, 3f}, {14f, 4f}};

    private SweepStyle() {
    }

    /**
     * The colour of the {@code i}-th of {@code n} ordered values: evenly spaced along the sequential scale, so
     * {@code i = 0} is the darkest and {@code i = n - 1} the lightest.
     */
    public static Color sequential(int i, int n) {
        if (n < 1 || i < 0 || i >= n) {
            throw new IllegalArgumentException("value " + i + " of " + n);
        }
        double t = n == 1 ? 0 : (double) i / (n - 1) * (SEQUENTIAL.length - 1);
        int k = Math.min((int) Math.floor(t), SEQUENTIAL.length - 2);
        double f = t - k;
        Color a = SEQUENTIAL[k];
        Color b = SEQUENTIAL[k + 1];
        return new Color(mix(a.getRed(), b.getRed(), f), mix(a.getGreen(), b.getGreen(), f), mix(a.getBlue(), b.getBlue(), f));
    }

    /** The marker of the {@code j}-th value of the second key. */
    public static Marker marker(int j) {
        return MARKERS[Math.floorMod(j, MARKERS.length)];
    }

    /** The line of the {@code j}-th value of the second key: solid for the first, then dashes and dots. */
    public static BasicStroke line(int j, float width) {
        float[] dash = DASHES[Math.floorMod(j, DASHES.length)];
        return dash == null ? new BasicStroke(width)
                : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }

    /** The legend text of one configuration of a sweep over one or two keys: {@code key=value}, joined by ", ". */
    public static String legend(List<String> keys, List<String> values) {
        if (keys.size() != values.size()) {
            throw new IllegalArgumentException(keys + " against " + values);
        }
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < keys.size(); k++) {
            s.append(k == 0 ? "" : ", ").append(keys.get(k)).append('=').append(values.get(k));
        }
        return s.toString();
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }
}
