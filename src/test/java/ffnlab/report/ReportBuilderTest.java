package ffnlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.analysis.ResultsFileException;
import ffnlab.analysis.ResultsFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportBuilderTest {
    @TempDir
    Path tmp;

    @Test
    void widthSweepReportShowsPlotsTableClaimsAndProvenance() throws IOException {
        Path results = tmp.resolve("results");
        Path reports = tmp.resolve("reports");
        ResultsFixture.widthSweep(results);
        Path index = ReportBuilder.build(results, reports, "width-sweep");
        assertEquals(reports.resolve("width-sweep").resolve("index.html"), index);
        String html = Files.readString(index);
        for (String id : List.of("learning_curves", "error_vs_swept", "predicted_vs_actual")) {
            assertTrue(html.contains("<figure class=\"plot\" id=\"" + id + "\"><svg"), id + " is drawn");
        }
        assertFalse(html.contains("not drawn"), "every default plot is drawn");
        assertFalse(html.contains("<script src") || html.contains("http://") && !html.contains("xmlns"), "inline script only, no network");
        assertFalse(Pattern.compile("(src|href)=\"https?:").matcher(html).find(), "nothing loaded from the network");
        assertTrue(html.contains("Measured: lowest mean final test m.s.e. at model.hidden=64"), "the optimum is named");
        assertTrue(html.contains("Verdict: agrees. The chapter&#39;s optimum (64) is also the measured optimum, and every "
                + "other setting&#39;s 95% CI lies clear of it."));
        assertTrue(html.contains("<tr class=\"optimum\"><td class=\"text\">model.hidden=64 (optimum)</td><td>3</td><td>0</td>"));
        assertTrue(html.contains("unfinished trials (no summary.yaml): ffffffffffffffff"));
        assertTrue(html.contains("Diverged trials</h2>\n<table>"), "the diverged trial is listed");
        assertTrue(html.contains("<th>git_commit</th><td class=\"text\">0cb58dd</td>"));
        assertTrue(Pattern.compile("<tr><td class=\"text\"><code>e1e2e3e4e5e6e7e8</code></td><td class=\"text\">0cb58dd</td>"
                + "<td class=\"text\">false</td><td>\\d+</td>").matcher(html).find(), "the code that trained the trials is named");
        assertTrue(html.contains("Example 3b: optimum number of hidden neurons 64"), "experiment.yaml is shown");
        // ids of the inline SVGs are unique across the page
        Matcher ids = Pattern.compile(" id=\"([^\"]+)\"").matcher(html);
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (ids.find()) {
            assertTrue(seen.add(ids.group(1)), "duplicate id " + ids.group(1));
        }
        List<String> csv = Files.readAllLines(reports.resolve("width-sweep").resolve("summary.csv"));
        assertEquals(5, csv.size());
        assertTrue(csv.getFirst().startsWith("configuration,model.hidden,n,n_diverged,final_train_loss_mean,final_train_loss_std,"
                + "final_train_loss_ci95,"), csv.getFirst());
        assertTrue(csv.getFirst().endsWith(",vs_optimum"), csv.getFirst());
        assertTrue(csv.get(3).startsWith("model.hidden=64,64,3,0,"), csv.get(3));
        assertTrue(csv.get(3).endsWith(",optimum"), csv.get(3));
    }

    @Test
    void oneSeedGivesNoIntervalsAndNoDistinguishabilityClaims() throws IOException {
        Path results = tmp.resolve("results");
        ResultsFixture.widthSweep(results, 1);
        String html = Files.readString(ReportBuilder.build(results, tmp.resolve("reports"), "width-sweep"));
        assertTrue(html.contains("One seed per setting: no confidence intervals"), "no claim without intervals");
        assertFalse(html.contains("distinguishably worse"));
    }

    @Test
    void anExperimentWithoutFinishedTrialsStillGetsAPage() throws IOException {
        Path results = tmp.resolve("results");
        Files.createDirectories(results.resolve("started").resolve("trials").resolve("0000000000000001"));
        Files.writeString(results.resolve("started").resolve("experiment.yaml"), "name: started\n");
        String html = Files.readString(ReportBuilder.build(results, tmp.resolve("reports"), "started"));
        assertTrue(html.contains("0 finished trials"));
        assertTrue(html.contains("unfinished trials (no summary.yaml): 0000000000000001"));
        assertTrue(html.contains("not drawn"), "plots say why they are missing");
        String index = Files.readString(ReportBuilder.buildIndex(results, tmp.resolve("reports")));
        assertTrue(index.contains("no finished trial"), index);
    }

    @Test
    void depthSweepIsPlottedAgainstTheNumberOfHiddenLayers() throws IOException {
        Path results = tmp.resolve("results");
        ResultsFixture.depthSweep(results);
        String html = Files.readString(ReportBuilder.build(results, tmp.resolve("reports"), "depth-sweep"));
        assertTrue(html.contains("model.hidden=[5, 5, 5] (optimum)"), "depth 3 is the optimum of the fixture");
        assertTrue(html.contains("The chapter&#39;s optimum (4) measures "), "depth 4 is compared with the chapter");
        assertTrue(html.contains("aria-label=\"Final m.s.e. against model.hidden\""));
    }

    @Test
    void batchSweepReportHasTimesAccuracyAndConfusionMatrix() throws IOException {
        Path results = tmp.resolve("results");
        ResultsFixture.batchSweep(results);
        String html = Files.readString(ReportBuilder.build(results, tmp.resolve("reports"), "batch-size-sweep"));
        for (String id : List.of("learning_curves", "accuracy_curves", "error_vs_swept", "time_vs_batch", "confusion_matrix")) {
            assertTrue(html.contains("<figure class=\"plot\" id=\"" + id + "\"><svg"), id + " is drawn");
        }
        assertTrue(html.contains("Measured: highest mean final test accuracy at training.batch_size=256"));
        assertTrue(html.contains("the time per weight update is lowest at training.batch_size = 64"), "the U's bottom");
        assertTrue(html.contains("an interior batch size"));
        String lower = html.toLowerCase(java.util.Locale.ROOT);
        for (String curve : List.of("time per weight update is lowest at", "time per epoch is lowest at")) {
            assertEquals(1, lower.split(curve, -1).length - 1, "one sentence says where the " + curve);
        }
    }

    @Test
    void toyMappingComparesMseAndWeightsWithTheChapter() throws IOException {
        Path results = tmp.resolve("results");
        ResultsFixture.toyMapping(results);
        String html = Files.readString(ReportBuilder.build(results, tmp.resolve("reports"), "toy-mapping"));
        assertTrue(html.contains("<figure class=\"plot\" id=\"weights\"><svg"));
        assertTrue(html.contains("Training m.s.e. against epochs, mean over seeds (no test set)"), "Example 2 has no test set");
        assertTrue(html.contains("aria-label=\"Learning curves\""));
        assertTrue(html.contains("Verdict: agrees. Training m.s.e. after 40 epochs (base): chapter 0.107, measured 0.1069 "
                + "(scaled m.s.e.), equal to the chapter&#39;s printed digits"), html);
        assertTrue(html.contains("Learnt weights and biases beside the chapter&#39;s"));
    }

    @Test
    void indexListsEveryExperimentWithItsHeadline() throws IOException {
        Path results = tmp.resolve("results");
        Path reports = tmp.resolve("reports");
        ResultsFixture.widthSweep(results);
        ResultsFixture.toyMapping(results);
        ReportBuilder.build(results, reports, "width-sweep");
        String html = Files.readString(ReportBuilder.buildIndex(results, reports));
        assertTrue(html.contains("<a href=\"width-sweep/index.html\">width-sweep</a>"));
        assertTrue(html.contains("toy-mapping (no report)"));
        assertTrue(html.contains("optimum model.hidden=64: final test m.s.e. "), html);
        assertTrue(html.contains(">12 (+1 unfinished)</td>"));
        assertTrue(html.contains("run 2026-11-26 05:00:00Z to 2026-11-26 05:03Z"));
    }

    @Test
    void indexAnswersWhatRanAndWhatItShowedWithShortenedRunsApart() throws IOException {
        Path results = tmp.resolve("results");
        Path reports = tmp.resolve("reports");
        ResultsFixture.widthSweep(results);
        ResultsFixture.toyMapping(results);
        Path toy = results.resolve("toy-mapping").resolve("experiment.yaml");
        Files.writeString(toy, Files.readString(toy) + "profile: smoke\ndescription: Example 2 by hand\n");
        String html = Files.readString(ReportBuilder.buildIndex(results, reports));
        int full = html.indexOf("<h2 id=\"full-runs\">");
        int shortened = html.indexOf("<h2 id=\"shortened-runs\">");
        assertTrue(full >= 0 && shortened > full, "full runs, then the smoke and ci runs in their own section");
        String fullRuns = html.substring(full, shortened);
        String shortRuns = html.substring(shortened);
        assertTrue(fullRuns.contains("width-sweep") && !fullRuns.contains("toy-mapping"), fullRuns);
        assertTrue(shortRuns.contains("toy-mapping") && shortRuns.contains("<span class=\"profile\">smoke</span>"), shortRuns);
        assertTrue(shortRuns.contains("<td class=\"text\">Example 2 by hand</td>"), "the description");
        assertTrue(fullRuns.contains("<td class=\"text\">Example 3b: optimum number of hidden neurons 64</td>"), "the claim");
        assertTrue(fullRuns.matches("(?s).*<td class=\"text verdict\">agrees: The chapter&#39;s optimum \\(64\\) .*"),
                "the verdict's word, then why: " + fullRuns);
        assertTrue(shortRuns.matches("(?s).*<td class=\"text verdict\">agrees: Training m.s.e. after 40 epochs .*"),
                "a claim read off the curves is judged in the index too: " + shortRuns);
        assertTrue(fullRuns.contains("<td class=\"missing\">1</td>"), "the width sweep's diverged trial is counted");
        assertTrue(fullRuns.contains("<code>0cb58dd</code>"), "the commit that trained it");
        assertTrue(html.contains("class=\"sortable index\""), "index tables sort");
    }

    @Test
    void reportOnlyCommandRebuildsEverythingAndFailsWithOneLine() throws IOException {
        Path results = tmp.resolve("results");
        Path reports = tmp.resolve("reports");
        ResultsFixture.toyMapping(results);
        ResultsFixture.depthSweep(results);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportCommand.run("", results, reports, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertTrue(Files.exists(reports.resolve("toy-mapping").resolve("index.html")));
        assertTrue(Files.exists(reports.resolve("depth-sweep").resolve("index.html")));
        assertTrue(Files.exists(reports.resolve("index.html")));
        Path summary = Files.list(results.resolve("toy-mapping").resolve("trials")).findFirst().orElseThrow().resolve("summary.yaml");
        Files.writeString(summary, "status: [finished\n");
        ResultsFileException e = assertThrows(ResultsFileException.class,
                () -> ReportCommand.run("toy-mapping", results, reports, new PrintStream(out, true, StandardCharsets.UTF_8)));
        String message = e.getMessage();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.startsWith(summary + ":"), message);
    }
}
