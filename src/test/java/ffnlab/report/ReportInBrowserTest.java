package ffnlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.analysis.ResultsFixture;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens generated reports from file:// in headless Chromium, as a person would: no console errors, no broken images,
 * every plot has a non-zero size; saves screenshots under target/. Skipped (not failed) where Chromium is not
 * installed: .ci/install-chromium installs Debian's chromium package.
 */
class ReportInBrowserTest {
    private static final Pattern PROBE = Pattern.compile("<pre id=\"ffnlab-probe\">(.*?)</pre>", Pattern.DOTALL);

    @TempDir
    Path tmp;
    Chromium chromium;

    @BeforeEach
    void chromium() {
        chromium = Chromium.find(tmp).orElse(null);
        Assumptions.assumeTrue(chromium != null, "Chromium is not installed (no /usr/bin/chromium, -Dchromium= or "
                + "$CHROMIUM): the browser test is skipped; .ci/install-chromium installs it");
    }

    @Test
    void reportsOpenOfflineWithoutErrorsAndEveryPlotHasASize() throws Exception {
        Path results = tmp.resolve("results");
        Path reports = tmp.resolve("reports");
        ResultsFixture.batchSweep(results);
        ResultsFixture.widthSweep(results);
        Path batch = ReportBuilder.build(results, reports, "batch-size-sweep");
        Path width = ReportBuilder.build(results, reports, "width-sweep");
        Path index = ReportBuilder.buildIndex(results, reports);

        Map<String, String> b = probe(batch);
        assertEquals("0", b.get("errors"), "console errors: " + b.get("error"));
        assertEquals("0", b.get("broken_images"));
        assertEquals("5", b.get("plots"));
        assertEquals("5", b.get("drawn_plots"), "plots without a size: " + b.get("empty_plots"));
        Map<String, String> w = probe(width);
        assertEquals("0", w.get("errors"), "console errors: " + w.get("error"));
        assertEquals("3", w.get("drawn_plots"), "plots without a size: " + w.get("empty_plots"));
        Map<String, String> i = probe(index);
        assertEquals("0", i.get("errors"), "console errors: " + i.get("error"));

        Path target = Path.of(System.getProperty("basedir", ".")).resolve("target");
        Files.createDirectories(target);
        for (var shot : Map.of("report-batch-size-sweep.png", batch, "report-width-sweep.png", width)
                .entrySet()) {
            Path png = target.resolve(shot.getKey());
            Files.deleteIfExists(png);
            chromium.screenshot(shot.getValue(), png, 1280, 2400);
            assertTrue(Files.size(png) > 10_000, png + " holds a rendered page");
        }
    }

    @Test
    void theProbeSeesBrokenImagesAndConsoleErrors() throws Exception {
        Path page = tmp.resolve("broken.html");
        Files.writeString(page, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>"
                + "<img src=\"missing.png\"><script>console.error('boom')</script>"
                + "<figure class=\"plot\" id=\"empty\"><svg width=\"0\" height=\"0\"></svg></figure></body></html>");
        Map<String, String> p = probe(page);
        assertEquals("1", p.get("broken_images"));
        assertEquals("2", p.get("errors"), "console.error and the failed image: " + p.get("error"));
        assertEquals("0", p.get("drawn_plots"));
        assertEquals("empty", p.get("empty_plots"));
    }

    /** Loads a copy of {@code page} (same folder, so relative links resolve alike) with the probe script injected. */
    private Map<String, String> probe(Path page) throws IOException, InterruptedException {
        String script;
        try (InputStream in = getClass().getResourceAsStream("browser-probe.js")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Chromium.Run run = chromium.dumpDomWith(page, script);
        Matcher m = PROBE.matcher(run.dom());
        assertTrue(m.find(), "the probe wrote its findings; chromium said: " + run.log().lines().limit(20).toList());
        Map<String, String> found = new HashMap<>();
        for (String line : m.group(1).split("\n")) {
            int eq = line.indexOf('=');
            int colon = line.indexOf(": ");
            if (line.startsWith("error: ")) {
                found.merge("error", line.substring(colon + 2), (a, c) -> a + " | " + c);
            } else if (eq > 0) {
                found.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        assertTrue(!run.log().contains("Uncaught"), "no uncaught exception in the browser log");
        return found;
    }
}
