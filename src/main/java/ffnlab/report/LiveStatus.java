package ffnlab.report;

import static ffnlab.report.Html.escape;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The state of a run that is still going, shown on its experiment page while trials finish: a marker
 * ("running: 7 of 27 trials finished, started 14:31, last update 14:35:02", local time, the full instants on hover and
 * in {@code datetime}) and a {@code <meta http-equiv="refresh">} so an open browser tab follows the run. A page of an
 * interrupted run keeps its marker; the time of its last update tells a reader that it is stale.
 *
 * @param planned        the trials of the run's plan
 * @param started        when the run started
 * @param updated        when this page was built
 * @param refreshSeconds how often the browser reloads the page
 */
public record LiveStatus(int planned, Instant started, Instant updated, int refreshSeconds) {
    /** The marker's element id and class, the same on every live page (tests and readers find it by this). */
    public static final String MARKER_ID = "running";
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    public LiveStatus {
        if (refreshSeconds < 1) {
            throw new IllegalArgumentException("refresh every second or more, got " + refreshSeconds);
        }
    }

    /** The tag in {@code <head>} that reloads the page. */
    String refreshTag() {
        return "<meta http-equiv=\"refresh\" content=\"" + refreshSeconds + "\">";
    }

    /** The marker, given how many of the plan's trials have finished. */
    String marker(int finished) {
        return "<p class=\"running\" id=\"" + MARKER_ID + "\">running: " + finished + " of " + planned
                + " trials finished, started " + time(started, MINUTES) + ", last update " + time(updated, SECONDS)
                + " <span class=\"note\">(this page reloads every " + refreshSeconds + " s until the run ends)</span></p>\n";
    }

    private static String time(Instant t, DateTimeFormatter format) {
        return "<time datetime=\"" + t + "\" title=\"" + t + "\">" + escape(format.format(t.atZone(ZoneId.systemDefault()))) + "</time>";
    }
}
