package ffnlab.report;

import ffnlab.AtomicFile;
import ffnlab.run.CoalescedRebuild;
import ffnlab.run.Progress;
import ffnlab.run.TrialOutcome;
import ffnlab.sweep.TrialSpec;
import ffnlab.train.EpochRecord;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.logging.log4j.CloseableThreadContext;

/**
 * The experiment's report page kept current during a run: {@code reports/<results name>/index.html}, the page the
 * final report writes, rebuilt from results/ with the trials finished so far and a {@link LiveStatus} marker, and
 * written atomically. The first page is built when the run starts (replacing any page an interrupted run left), the
 * next ones as trials end, coalesced on one background thread ({@link CoalescedRebuild}): never more often than every
 * {@code minGap}, plus one at once when the last trial ends. A run with nothing to train writes no page. A failure of
 * the page is logged once and never fails or stops the run; {@link #close} waits at most {@code closeWait} for it.
 * Thread-safety: {@link #started} publishes the rebuild in one volatile write before any trial starts; the trials'
 * threads only count down and request.
 */
public final class LiveReport implements Progress {
    /** The defaults of a command-line run. */
    public static final Duration MIN_GAP = Duration.ofSeconds(5);
    public static final Duration CLOSE_WAIT = Duration.ofSeconds(30);
    private static final int REFRESH_SECONDS = 10;
    /** The thread-context key set while a live page is built (see log4j2.xml). */
    public static final String QUIET = "ffnlab.live-page";

    private final Path resultsRoot;
    private final Path reportsRoot;
    private final PrintStream out;
    private final Duration minGap;
    private final Duration closeWait;
    private final AtomicInteger left = new AtomicInteger();
    private volatile CoalescedRebuild<String> rebuild;

    /** @param out where the page's file:// URL is printed once, when the run starts */
    public LiveReport(Path resultsRoot, Path reportsRoot, PrintStream out) {
        this(resultsRoot, reportsRoot, out, MIN_GAP, CLOSE_WAIT);
    }

    /** {@code minGap}: the least time between two rebuilds; {@code closeWait}: how long close waits for the last one. */
    public LiveReport(Path resultsRoot, Path reportsRoot, PrintStream out, Duration minGap, Duration closeWait) {
        this.resultsRoot = resultsRoot;
        this.reportsRoot = reportsRoot;
        this.out = out;
        this.minGap = minGap;
        this.closeWait = closeWait;
    }

    /** The page a run of {@code resultsName} keeps current. */
    public static Path page(Path reportsRoot, String resultsName) {
        return reportsRoot.resolve(resultsName).resolve("index.html");
    }

    @Override
    public void started(String experiment, int toRun, int finished) {
        if (toRun == 0) {
            return;
        }
        left.set(toRun);
        Instant started = Instant.now();
        Path page = page(reportsRoot, experiment);
        rebuild = new CoalescedRebuild<>("live report " + page, minGap, closeWait,
                () -> render(experiment, new LiveStatus(toRun + finished, started, Instant.now(), REFRESH_SECONDS)),
                html -> AtomicFile.write(page, html));
        out.println("live page: " + page.toAbsolutePath().normalize().toUri());
        rebuild.request(true);
    }

    /**
     * The page, built with {@value #QUIET} in the thread context: log4j2.xml keeps the report's own warnings (a plot
     * not drawn yet) off the console, where they would repeat at every rebuild; the page shows them in place.
     */
    private String render(String experiment, LiveStatus status) {
        try (var quiet = CloseableThreadContext.put(QUIET, "true")) {
            return ReportBuilder.livePage(resultsRoot, reportsRoot, experiment, status);
        }
    }

    @Override
    public void trialStarted(TrialSpec trial) {
        // the page changes when a trial ends
    }

    @Override
    public void epoch(TrialSpec trial, EpochRecord record) {
        // curves are drawn from finished trials
    }

    @Override
    public void trialEnded(TrialOutcome outcome) {
        CoalescedRebuild<String> r = rebuild;
        if (r != null) {
            r.request(left.decrementAndGet() == 0);
        }
    }

    /** Publishes the requested pages (waiting at most the close wait); nothing is written after this returns. */
    @Override
    public void close() {
        CoalescedRebuild<String> r = rebuild;
        if (r != null) {
            r.close();
        }
    }
}
