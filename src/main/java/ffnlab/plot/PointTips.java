package ffnlab.plot;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import org.knowm.xchart.internal.series.Series;

/**
 * Hover text of a series' points, one string per point, which the report turns into SVG hover elements. XChart 4
 * series carry no tool tips of their own, so plot builders attach them here; a series is its own key (identity) and
 * its text goes away with it.
 */
public final class PointTips {
    private static final Map<Series, String[]> TIPS = Collections.synchronizedMap(new WeakHashMap<>());

    private PointTips() {
    }

    /** Attaches {@code tips} (one per point of {@code series}) and returns the series. */
    public static <S extends Series> S set(S series, String[] tips) {
        TIPS.put(series, tips.clone());
        return series;
    }

    /** The hover text attached to {@code series}, if any. */
    public static Optional<String[]> of(Series series) {
        String[] tips = TIPS.get(series);
        return tips == null ? Optional.empty() : Optional.of(tips.clone());
    }
}
