package ffnlab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.report.Chromium;
import ffnlab.report.LiveReport;
import ffnlab.report.ReportBuilder;
import ffnlab.sweep.TrialSpec;
import ffnlab.train.EpochRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live page of an in-process run, read while the run is held after each trial: the marker counts the finished
 * trials, the page shows exactly their curves and rows and reloads itself; the page left when the run ends still says
 * running until the final report replaces it, which neither reloads nor says running. Where Chromium is installed, the
 * page is also opened in the browser mid-run (after the first of three trials) and a screenshot is saved under target/.
 */
class LiveReportTest {
    /** Three configurations of one seed: trial k is configuration k, drawn as one curve of its own. */
    private static final String TOY = """
            dataset: {source: toy-mapping, input_scaling: none}
            model: {hidden: [3], activation: sigmoid}
            training: {lr: 0.05, batch_size: 2, epochs: 20, reduction: sum, initialiser: uniform, init_range: 1.0}
            seeds: [1]
            sweep:
              grid:
                training.lr: [0.05, 0.1, 0.2]
            """;
    private static final Pattern MARKER = Pattern.compile("<p class=\"running\" id=\"running\">running: (\\d+) of (\\d+) trials finished, "
            + "started <time[^>]*>\\d\\d:\\d\\d</time>, last update <time[^>]*>\\d\\d:\\d\\d:\\d\\d</time>");
    private static final String REFRESH = "<meta http-equiv=\"refresh\"";

    @TempDir
    Path dir;

    /** The page as it is once it says {@code finished} trials have finished (waits for the background rebuild). */
    private static String pageWith(Path page, int finished) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        String html = "";
        while (System.nanoTime() < deadline) {
            try {
                html = Files.readString(page, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                html = "";
            }
            Matcher m = MARKER.matcher(html);
            if (m.find() && Integer.parseInt(m.group(1)) == finished) {
                return html;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the live page never said " + finished + " trials finished; last seen:\n" + html);
    }

    private static int perTrialRows(String html) {
        int table = html.indexOf("id=\"trials-table\"");
        String body = html.substring(html.indexOf("<tbody>", table), html.indexOf("</tbody>", table));
        return body.split("<tr", -1).length - 1;
    }

    /** The learning rates in the legend of the learning-curve figure. */
    private static List<String> curves(String html) {
        int start = html.indexOf("<figure class=\"plot\" id=\"learning_curves\"");
        assertTrue(start >= 0, "no learning-curve figure");
        String figure = html.substring(start, html.indexOf("</figure>", start));
        List<String> found = new ArrayList<>();
        for (String lr : List.of("0.05", "0.1", "0.2")) {
            if (Pattern.compile(">[^<]*lr[^<]*=\\s*" + Pattern.quote(lr) + "\\b").matcher(figure).find()) {
                found.add(lr);
            }
        }
        return found;
    }

    @Test
    void thePageShowsTheTrialsFinishedSoFarWhileTheRunGoesOn() throws Exception {
        Files.createDirectories(dir.resolve("experiments"));
        Files.writeString(dir.resolve("experiments/toy.yaml"), TOY);
        Path results = dir.resolve("results");
        Path reports = dir.resolve("reports");
        Path page = LiveReport.page(reports, "toy");
        Optional<Chromium> chromium = Chromium.find(dir);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        List<String> seen = new ArrayList<>();
        // the probe comes second: when it is told a trial ended, the live page has been asked for a rebuild
        Progress probe = new Progress() {
            private int ended;

            @Override
            public void started(String experiment, int toRun, int finished) {
                assertEquals(3, toRun);
            }

            @Override
            public void trialStarted(TrialSpec trial) {
            }

            @Override
            public void epoch(TrialSpec trial, EpochRecord record) {
            }

            @Override
            public void trialEnded(TrialOutcome outcome) {
                // one trial at a time (one thread): the run waits here, after trial k of 3, while the page is read
                try {
                    int k = ++ended;
                    String html = pageWith(page, k);
                    Matcher m = MARKER.matcher(html);
                    assertTrue(m.find());
                    assertEquals("3", m.group(2), "the plan's trials");
                    assertTrue(html.contains(REFRESH), "a live page reloads itself");
                    assertEquals(k, perTrialRows(html), "one row per finished trial");
                    assertEquals(List.of("0.05", "0.1", "0.2").subList(0, k), curves(html), "the finished trials' curves");
                    if (k == 1 && chromium.isPresent()) {
                        seeInBrowser(chromium.get(), page);
                    }
                    seen.add(k + " of 3");
                } catch (IOException | InterruptedException e) {
                    throw new AssertionError(e);
                }
            }

            @Override
            public void close() {
            }
        };
        ExperimentRun run = new ExperimentRun(new RunOptions(dir.resolve("experiments"), results, null, Map.of(), false, 1),
                new DataSources(), BackendChoice::open);
        RunReport report;
        try (Progress progress = Progress.both(new LiveReport(results, reports, new PrintStream(console, true, StandardCharsets.UTF_8),
                Duration.ZERO, Duration.ofSeconds(60)), probe)) {
            report = run.run(run.plan("toy"), null, progress);
        }
        assertEquals(3, report.count(TrialOutcome.Status.FINISHED), report.line());
        assertEquals(List.of("1 of 3", "2 of 3", "3 of 3"), seen, "an assertion failed on the trial thread; see the log");
        assertEquals(List.of("live page: " + page.toAbsolutePath().normalize().toUri()), console.toString(StandardCharsets.UTF_8).lines().toList());

        String left = Files.readString(page, StandardCharsets.UTF_8);
        Matcher m = MARKER.matcher(left);
        assertTrue(m.find() && m.group(1).equals("3"), "the run ended on a page with every trial, still marked running until the report");
        ReportBuilder.build(results, reports, "toy");
        String last = Files.readString(page, StandardCharsets.UTF_8);
        assertFalse(last.contains(REFRESH), "the final page never reloads itself");
        assertFalse(last.contains("running:") || last.contains("id=\"running\""), "the final page says nothing of a run");
        assertEquals(3, perTrialRows(last));
    }

    /** Opens the page in headless Chromium as it is mid-run: the marker and a drawn learning curve are there. */
    private static void seeInBrowser(Chromium chromium, Path page) throws IOException, InterruptedException {
        String dom = chromium.dumpDom(page).dom();
        assertTrue(dom.contains("running: 1 of 3 trials finished"), "Chromium does not see the marker:\n" + dom);
        int figure = dom.indexOf("id=\"learning_curves\"");
        assertTrue(figure >= 0 && dom.indexOf("<svg", figure) > figure, "Chromium sees no learning curve");
        Path target = Path.of(System.getProperty("basedir", ".")).resolve("target");
        Files.createDirectories(target);
        Path png = target.resolve("live-page-mid-run.png");
        Files.deleteIfExists(png);
        chromium.screenshot(page, png, 1280, 1600);
        assertTrue(Files.size(png) > 10_000, png + " holds a rendered page");
    }

    @Test
    void warningsWhileALivePageIsBuiltStayOffTheConsole() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8)); // the console appender follows System.err
        try {
            org.apache.logging.log4j.Logger log = org.apache.logging.log4j.LogManager.getLogger("ffnlab.report.PlotGallery");
            try (var quiet = org.apache.logging.log4j.CloseableThreadContext.put(LiveReport.QUIET, "true")) {
                log.warn("toy: learning_curves not drawn while the page is live");
            }
            log.warn("toy: learning_curves not drawn in the final report");
        } finally {
            System.setErr(saved);
        }
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.getFirst().endsWith("not drawn in the final report"), lines.getFirst());
    }

    @Test
    void aRunWithNothingToTrainWritesNoPageAndPrintsNothing() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (LiveReport live = new LiveReport(dir.resolve("results"), dir.resolve("reports"),
                new PrintStream(console, true, StandardCharsets.UTF_8))) {
            live.started("toy", 0, 3);
        }
        assertEquals("", console.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(dir.resolve("reports")));
    }

    @Test
    void aPageThatCannotBeBuiltNeitherFailsNorHoldsUpTheRun() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        // no results folder: every rebuild fails; the run's calls return and close does not wait
        try (LiveReport live = new LiveReport(dir.resolve("no-results"), dir.resolve("reports"),
                new PrintStream(console, true, StandardCharsets.UTF_8), Duration.ZERO, Duration.ofSeconds(60))) {
            live.started("toy", 2, 0);
            live.trialEnded(null);
            live.trialEnded(null);
        }
        assertFalse(Files.exists(LiveReport.page(dir.resolve("reports"), "toy")));
    }
}
