package ffnlab.report;

import ffnlab.plot.ChartFont;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;

/**
 * A VectorGraphics2D that keeps text as text. XChart fills each string's glyph outline; a filled shape that is the
 * outline of a string just laid out with a {@link ChartFont} (placed by any affine map: moved, rotated) is kept as a
 * {@link Text} instead of being drawn as a path. Every other shape is recorded as usual.
 */
final class TextGraphics extends VectorGraphics2D {
    /** Largest distance, in pixels, between a filled point and the string's outline point for a match. */
    private static final double TOLERANCE = 0.01;

    /**
     * A string as drawn: its baseline starts at the origin of {@code placement} (user space to SVG pixels).
     *
     * @param text      the string
     * @param font      the font
     * @param advance   the string's width as laid out, in the font's units before {@code placement}
     * @param placement where the string goes
     * @param colour    the fill colour
     */
    record Text(String text, Font font, double advance, AffineTransform placement, Color colour) {
    }

    private final List<Text> texts = new ArrayList<>();
    private final Map<ChartFont.LaidOut, TextLayout> layouts = new HashMap<>();

    /** The strings kept as text, in painting order. */
    List<Text> texts() {
        return texts;
    }

    @Override
    public void fill(Shape shape) {
        double[] filled = pathOf(shape);
        if (filled != null && getPaint() instanceof Color colour) {
            for (ChartFont.LaidOut candidate : ChartFont.recentlyLaidOut()) {
                TextLayout layout = layouts.computeIfAbsent(candidate,
                        c -> new TextLayout(c.text(), c.font(), getFontRenderContext()));
                Optional<AffineTransform> placement = placement(points(layout.getOutline(null), filled.length), filled);
                if (placement.isPresent()) {
                    AffineTransform at = new AffineTransform(getTransform());
                    at.concatenate(placement.get());
                    texts.add(new Text(candidate.text(), candidate.font(), layout.getAdvance(), at, colour));
                    return;
                }
            }
        }
        super.fill(shape);
    }

    /** The path's segment types and coordinates as one array ({@code type, x1, y1, ..., type, ...}); null when empty. */
    static double[] pathOf(Shape shape) {
        return points(shape, Integer.MAX_VALUE);
    }

    /**
     * {@link #pathOf}, or null when the array would not have {@code length} entries (so only paths that can match
     * are walked in full).
     */
    private static double[] points(Shape shape, int length) {
        List<Double> out = new ArrayList<>();
        double[] c = new double[6];
        for (PathIterator it = shape.getPathIterator(null); !it.isDone(); it.next()) {
            int type = it.currentSegment(c);
            out.add((double) type);
            int n = coordinates(type);
            for (int i = 0; i < n; i++) {
                out.add(c[i]);
            }
            if (out.size() > length) {
                return null;
            }
        }
        if (out.isEmpty() || length != Integer.MAX_VALUE && out.size() != length) {
            return null;
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * The affine map that takes the outline's points onto the filled ones (least squares over all points), when the
     * segment types agree and every point lands within {@link #TOLERANCE}.
     */
    static Optional<AffineTransform> placement(double[] outline, double[] filled) {
        if (outline == null || filled == null || outline.length != filled.length) {
            return Optional.empty();
        }
        List<double[]> from = new ArrayList<>();
        List<double[]> to = new ArrayList<>();
        for (int i = 0; i < outline.length; ) {
            if (outline[i] != filled[i]) {
                return Optional.empty();
            }
            int n = coordinates((int) outline[i]);
            for (int k = 0; k < n; k += 2) {
                from.add(new double[] {outline[i + 1 + k], outline[i + 2 + k]});
                to.add(new double[] {filled[i + 1 + k], filled[i + 2 + k]});
            }
            i += 1 + n;
        }
        // normal equations of [x y 1] [a c e]^T = x' and [x y 1] [b d f]^T = y'
        double[][] m = new double[3][3];
        double[] rx = new double[3];
        double[] ry = new double[3];
        for (int p = 0; p < from.size(); p++) {
            double[] v = {from.get(p)[0], from.get(p)[1], 1};
            for (int r = 0; r < 3; r++) {
                for (int k = 0; k < 3; k++) {
                    m[r][k] += v[r] * v[k];
                }
                rx[r] += v[r] * to.get(p)[0];
                ry[r] += v[r] * to.get(p)[1];
            }
        }
        double[] ace = solve(m, rx);
        double[] bdf = solve(m, ry);
        if (ace == null || bdf == null) {
            return Optional.empty();
        }
        AffineTransform at = new AffineTransform(ace[0], bdf[0], ace[1], bdf[1], ace[2], bdf[2]);
        double[] mapped = new double[2];
        for (int p = 0; p < from.size(); p++) {
            at.transform(from.get(p), 0, mapped, 0, 1);
            if (Math.abs(mapped[0] - to.get(p)[0]) > TOLERANCE || Math.abs(mapped[1] - to.get(p)[1]) > TOLERANCE) {
                return Optional.empty();
            }
        }
        return Optional.of(at);
    }

    /** How many coordinates a path segment of this type has. */
    private static int coordinates(int segmentType) {
        return switch (segmentType) {
            case PathIterator.SEG_MOVETO, PathIterator.SEG_LINETO -> 2;
            case PathIterator.SEG_QUADTO -> 4;
            case PathIterator.SEG_CUBICTO -> 6;
            default -> 0;
        };
    }

    /** {@code m x = r} by Cramer's rule; null when {@code m} is singular (all points on a line). */
    private static double[] solve(double[][] m, double[] r) {
        double det = det(m);
        if (Math.abs(det) < 1e-9) {
            return null;
        }
        double[] x = new double[3];
        for (int col = 0; col < 3; col++) {
            double[][] c = {m[0].clone(), m[1].clone(), m[2].clone()};
            for (int row = 0; row < 3; row++) {
                c[row][col] = r[row];
            }
            x[col] = det(c) / det;
        }
        return x;
    }

    private static double det(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }
}
