package ffnlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.analysis.ResultsFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interactive parts of an experiment page: sortable tables, the per-trial table's links, hover circles. */
class ExperimentPageTest {
    @TempDir
    Path tmp;

    private static String section(String html, String tableId) {
        int start = html.indexOf("<table id=\"" + tableId + "\"");
        assertTrue(start >= 0, tableId + " is on the page");
        return html.substring(start, html.indexOf("</table>", start));
    }

    private static List<String> all(Pattern p, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static void assertTrialLinksOpen(Path results, Path reports) throws IOException {
        ResultsFixture.widthSweep(results);
        Path index = ReportBuilder.build(results, reports, "width-sweep");
        String trials = section(Files.readString(index), "trials-table");
        assertEquals(12, all(Pattern.compile("(<tr[ >])"), trials).size() - 1, "one row per finished trial, plus the header");
        List<String> links = all(Pattern.compile("href=\"([^\"]+)\""), trials);
        assertTrue(links.size() >= 12 * 5, "summary, metrics, predictions, provenance and trial.yaml of each trial: " + links.size());
        for (String link : links) {
            assertFalse(link.startsWith("/") || link.contains(":"), "relative link " + link);
            assertTrue(Files.isRegularFile(index.getParent().resolve(java.net.URI.create(link).getPath()).normalize()),
                    link + " opens from " + index);
        }
        assertTrue(trials.contains("<td class=\"text\">diverged</td>"), "the diverged trial is a row with its status");
    }

    @Test
    void perTrialLinksOpenFromTheReportBesideTheResults() throws IOException {
        assertTrialLinksOpen(tmp.resolve("results"), tmp.resolve("reports"));
    }

    @Test
    void perTrialLinksOpenFromAReportFolderElsewhere() throws IOException {
        assertTrialLinksOpen(tmp.resolve("runs").resolve("my results"), tmp.resolve("out").resolve("html"));
    }

    @Test
    void tablesAreSortableAndEpochsReadAsMedianAndRange() throws IOException {
        Path results = tmp.resolve("results");
        ResultsFixture.widthSweep(results);
        String html = Files.readString(ReportBuilder.build(results, tmp.resolve("reports"), "width-sweep"));
        assertTrue(html.contains("<table id=\"aggregate-table\" class=\"sortable wide\">"));
        assertTrue(html.contains("<table id=\"trials-table\" class=\"sortable wide\">"));
        assertTrue(html.contains("<script>" + PageScript.JS + "</script>"), "the page carries its script inline");
        String aggregate = section(html, "aggregate-table");
        for (String cell : column(aggregate, "best test epoch &ndash; median (min&ndash;max)")) {
            assertTrue(cell.matches("\\d+( \\(\\d+–\\d+\\))?"), "epoch of best as median (min–max): " + cell);
        }
    }

    /** The cells under the header {@code header} of a table's HTML, one per body row; fails when there is no such header. */
    private static List<String> column(String table, String header) {
        List<String> headers = all(Pattern.compile("<th[^>]*>(.*?)</th>"), table);
        int k = headers.indexOf(header);
        assertTrue(k > 0, header + " in " + headers);
        List<String> cells = new java.util.ArrayList<>();
        for (String row : table.split("<tr")) {
            List<String> tds = all(Pattern.compile("<td[^>]*>(.*?)</td>"), row);
            if (!tds.isEmpty()) {
                cells.add(tds.get(k));
            }
        }
        assertTrue(!cells.isEmpty(), "the table has rows");
        return cells;
    }

    @Test
    void originalUnitErrorsReadAsRmseInDollarsNotSquaredDollars() throws IOException {
        Path results = tmp.resolve("results");
        ResultsFixture.widthSweep(results);
        String aggregate = section(Files.readString(ReportBuilder.build(results, tmp.resolve("reports"), "width-sweep")),
                "aggregate-table");
        List<String> headers = all(Pattern.compile("<th[^>]*>(.*?)</th>"), aggregate);
        assertTrue(headers.stream().noneMatch(h -> h.contains("original units")), headers.toString());
        for (String cell : column(aggregate, "final test RMSE ($)")) {
            assertTrue(cell.matches("\\$[0-9,]+( ± \\$[0-9,]+)?"), "RMSE in dollars: " + cell);
        }
    }

    @Test
    void plotsCarryHoverCirclesWithTheirText() throws IOException {
        Path results = tmp.resolve("results");
        ResultsFixture.widthSweep(results);
        String html = Files.readString(ReportBuilder.build(results, tmp.resolve("reports"), "width-sweep"));
        Matcher figure = Pattern.compile("<figure class=\"plot\" id=\"error_vs_swept\">(.*?)</figure>", Pattern.DOTALL).matcher(html);
        assertTrue(figure.find());
        String svg = figure.group(1);
        assertTrue(svg.contains("<g class=\"ffn-points\""), "the swept plot has hover circles");
        List<String> titles = all(Pattern.compile("<circle class=\"ffn-pt\"[^>]*><title>([^<]+)</title>"), svg);
        assertTrue(titles.size() >= 4, "a circle per drawn point: " + titles.size());
        assertTrue(titles.stream().anyMatch(t -> t.contains("64")), titles.toString());
    }
}
