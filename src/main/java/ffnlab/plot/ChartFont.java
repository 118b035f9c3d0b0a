package ffnlab.plot;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The sans-serif font of every chart text, which notes the strings XChart lays out with it. XChart paints text as
 * glyph outlines (a {@code TextLayout}'s outline, filled); the SVG writer matches a filled shape against the outlines
 * of the strings laid out just before and writes a matching one as text, which a reader can select and copy.
 */
public final class ChartFont extends Font {
    /** How many of the latest laid-out strings are kept per thread. */
    static final int REMEMBERED = 24;
    private static final ThreadLocal<Deque<LaidOut>> LAID_OUT = ThreadLocal.withInitial(ArrayDeque::new);

    /**
     * A string laid out with a chart font.
     *
     * @param text the string
     * @param font the font, as a plain {@link Font} (laying it out again notes nothing)
     */
    public record LaidOut(String text, Font font) {
    }

    ChartFont(int style, int size) {
        super(Font.SANS_SERIF, style, size);
    }

    /** {@code TextLayout} asks for the line metrics of every string it lays out: that is where it is noted. */
    @Override
    public LineMetrics getLineMetrics(char[] chars, int beginIndex, int limit, FontRenderContext frc) {
        Deque<LaidOut> recent = LAID_OUT.get();
        LaidOut laidOut = new LaidOut(new String(chars, beginIndex, limit - beginIndex), plain());
        recent.remove(laidOut);
        recent.addFirst(laidOut);
        if (recent.size() > REMEMBERED) {
            recent.removeLast();
        }
        return super.getLineMetrics(chars, beginIndex, limit, frc);
    }

    /** The strings laid out with a chart font on this thread, the latest first. */
    public static List<LaidOut> recentlyLaidOut() {
        return List.copyOf(LAID_OUT.get());
    }

    /** The same face and size as a plain {@link Font}. */
    public Font plain() {
        return new Font(getName(), getStyle(), getSize());
    }
}
