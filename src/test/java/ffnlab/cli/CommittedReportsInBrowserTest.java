package ffnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.analysis.ExperimentResults;
import ffnlab.analysis.FinishedTrial;
import ffnlab.report.Chromium;
import ffnlab.results.TrialSchema;
import ffnlab.spec.ExperimentFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every experiment file of the repository runs end to end under the smoke profile with two seeds, and its report, opened from
 * file:// in headless Chromium, reads as the report promises: every plot's text is selectable and no two labels
 * overlap (text boxes measured in the page); every axis is titled with a unit; the swept plot ticks at the swept
 * values and shows one point per seed; points carry hover text; no drawn confidence interval leaves the metric's
 * range; every sortable table sorts on a click and filters. Screenshots land in target/report-shots/. The browser
 * part is skipped (not failed) where Chromium is not installed; .ci/install-chromium installs it.
 */
class CommittedReportsInBrowserTest {
    private static final Path EXPERIMENTS = Path.of("experiments");
    private static final Pattern CHECKS = Pattern.compile("<pre id=\"ffnlab-checks\">(.*?)</pre>", Pattern.DOTALL);
    private static final Pattern UNIT = Pattern.compile(".*\\S \\([^()]+\\)$");
    /** Plots whose marks are cells or bars rather than points: no hover points are required there. */
    private static final Set<String> WITHOUT_POINTS = Set.of("weights", "confusion_matrix");
    /**
     * Sweeps over several keys and the plot their report adds for them. A learning rate that diverges for the widest
     * network may diverge in the smoke run too: there a diverged trial is a result (the plot marks it), a failed one is not.
     */
    static final Map<String, String> MULTI_KEY = Map.of("lr-width-grid", "heatmap", "lr-width-batch-grid", "parallel_coordinates");

    /** The variant these runs are: the smoke profile with two seeds instead of one. */
    private static final String VARIANT = "two-seeds";

    @TempDir
    Path tmp;

    static Stream<String> experiments() {
        return new ExperimentFiles(EXPERIMENTS).names().stream();
    }

    @ParameterizedTest
    @MethodSource("experiments")
    void runsUnderTheSmokeProfileAndItsReportReadsAsPromised(String name) throws Exception {
        if (DatasetFiles.needsFashionMnist(EXPERIMENTS, name)) {
            Assumptions.assumeTrue(DatasetFiles.fashionMnistPresent(), "Fashion-MNIST files not found (set FFNLAB_DATA): " + name + " skipped");
        }
        Path results = tmp.resolve("results");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"run", name, "--profile", "smoke", "--set", "seeds=[1,2]", "--variant", VARIANT, "--experiments", EXPERIMENTS.toString(),
                "--results", results.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        String console = out.toString(StandardCharsets.UTF_8);
        assertTrue(console.contains("0 failed"), console);
        String folder = name + "-smoke@" + VARIANT;
        ExperimentResults r = ExperimentResults.load(results, folder);
        assertFalse(r.trials().isEmpty(), console);
        assertTrue(r.trials().stream().allMatch(t -> t.status().equals(TrialSchema.FINISHED)
                && t.summary().optionalNumber(TrialSchema.EPOCHS_RUN) >= 1
                || MULTI_KEY.containsKey(name) && t.status().equals(TrialSchema.DIVERGED)), console);

        Path page = tmp.resolve("reports").resolve(folder).resolve("index.html");
        assertTrue(Files.isRegularFile(page), "the run wrote its report " + page);
        Chromium chromium = Chromium.find(tmp).orElse(null);
        Assumptions.assumeTrue(chromium != null, "Chromium is not installed: the browser checks of " + name + " are skipped");

        List<String> problems = new ArrayList<>();
        List<String> lines = checks(chromium, page);
        int plots = 0;
        int tables = 0;
        for (String line : lines) {
            Map<String, String> f = fields(line);
            if (line.startsWith("plot ")) {
                plots++;
                checkPlot(f, r, problems);
            } else if (line.startsWith("table ")) {
                tables++;
                for (String key : List.of("sorted", "filter")) {
                    if (!"ok".equals(f.get(key))) {
                        problems.add(f.get("id") + ": " + key + ": " + f.get(key));
                    }
                }
            }
        }
        if (plots == 0) {
            problems.add("the report draws no plot");
        }
        if (MULTI_KEY.containsKey(name) && lines.stream().noneMatch(l -> l.startsWith("plot " + MULTI_KEY.get(name) + "|"))) {
            problems.add("no " + MULTI_KEY.get(name) + " plot for a sweep over several keys");
        }
        if (tables == 0) {
            problems.add("the report has no sortable table");
        }
        List<String> index = checks(chromium, tmp.resolve("reports").resolve("index.html"));
        if (index.stream().noneMatch(l -> l.startsWith("table "))) {
            problems.add("the index has no sortable table");
        }
        index.stream().filter(l -> l.startsWith("table ")).map(CommittedReportsInBrowserTest::fields)
                .filter(f -> !"ok".equals(f.get("sorted")) || !"ok".equals(f.get("filter")))
                .forEach(f -> problems.add("index " + f));

        Path shots = Path.of(System.getProperty("basedir", ".")).resolve("target").resolve("report-shots");
        Files.createDirectories(shots);
        chromium.screenshot(page, shots.resolve(name + ".png"), 1280, 4000);
        assertTrue(problems.isEmpty(), name + ":\n  " + String.join("\n  ", problems));
    }

    private static void checkPlot(Map<String, String> f, ExperimentResults r, List<String> problems) {
        String id = f.get("id");
        List<String> labels = list(f.get("labels"));
        if (labels.isEmpty()) {
            problems.add(id + ": no selectable text (<text>) in the plot");
        }
        if (!f.get("overlaps").isEmpty()) {
            problems.add(id + ": overlapping labels: " + list(f.get("overlaps")));
        }
        for (String axis : List.of("x", "y")) {
            String title = f.get(axis);
            if (!UNIT.matcher(title).matches()) {
                problems.add(id + ": the " + axis + " axis title '" + title + "' names no unit in parentheses");
            } else if (!labels.contains(title)) {
                problems.add(id + ": the " + axis + " axis title '" + title + "' is not drawn as text");
            }
        }
        int points = Integer.parseInt(f.get("points"));
        if (!WITHOUT_POINTS.contains(id) && (points == 0 || Integer.parseInt(f.get("titled")) != points)) {
            problems.add(id + ": " + f.get("titled") + " of " + points + " points carry hover text");
        }
        double[] range = validRange(f.get("y"));
        for (String ci : f.get("cis").isEmpty() ? List.<String>of() : Arrays.asList(f.get("cis").split(";"))) {
            String[] ends = ci.split(",");
            double lo = Double.parseDouble(ends[0]);
            double hi = Double.parseDouble(ends[1]);
            if (!(lo >= range[0] && hi <= range[1] && lo <= hi)) {
                problems.add(id + ": interval [" + ci + "] leaves the range [" + range[0] + ", " + range[1] + "] of " + f.get("y"));
            }
        }
        if (id.equals("error_vs_swept")) {
            for (String value : sweptValues(r)) {
                if (!labels.contains(value)) {
                    problems.add(id + ": no tick at the swept value " + value + " (labels: " + labels + ")");
                }
            }
            long seeds = r.trials().stream().filter(t -> !t.diverged()).count();
            if (Integer.parseInt(f.get("seeds")) < seeds) {
                problems.add(id + ": " + f.get("seeds") + " per-seed points for " + seeds + " trials");
            }
        }
    }

    /** The values of the metric an axis shows: fractions in [0, 1], percentages in [0, 100], errors and times >= 0. */
    static double[] validRange(String axisTitle) {
        if (axisTitle.endsWith("(fraction)")) {
            return new double[] {0, 1};
        }
        if (axisTitle.endsWith("(%)")) {
            return new double[] {0, 100};
        }
        return new double[] {0, Double.POSITIVE_INFINITY};
    }

    /** The tick labels the swept plot must show: each value of the x key, or a list's length where report.x_value is len. */
    private static Set<String> sweptValues(ExperimentResults r) {
        String x = r.xKey();
        boolean length = "len".equals(String.valueOf(r.experiment().get("report.x_value")));
        Set<String> values = new LinkedHashSet<>();
        for (FinishedTrial t : r.trials()) {
            Object v = t.coordinates().get(x);
            if (v instanceof List<?> list) {
                if (length) {
                    values.add(String.valueOf(list.size()));
                }
            } else if (v instanceof Number n) {
                values.add(new BigDecimal(n.toString()).stripTrailingZeros().toPlainString());
            } else if (v != null) {
                values.add(String.valueOf(v));
            }
        }
        return values;
    }

    private List<String> checks(Chromium chromium, Path page) throws IOException, InterruptedException {
        String script;
        try (InputStream in = getClass().getResourceAsStream("report-checks.js")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Chromium.Run run = chromium.dumpDomWith(page, script);
        Matcher m = CHECKS.matcher(run.dom());
        assertTrue(m.find(), "the checks wrote their findings; chromium said: " + run.log().lines().limit(20).toList());
        assertFalse(run.log().contains("Uncaught"), "no uncaught exception in the browser log: " + run.log());
        return m.group(1).isBlank() ? List.of() : unescape(m.group(1)).lines().toList();
    }

    /** "plot ID|k=v|..." to a map with the id under "id". */
    static Map<String, String> fields(String line) {
        String[] parts = line.split("\\|", -1);
        Map<String, String> f = new HashMap<>();
        f.put("id", parts[0].substring(parts[0].indexOf(' ') + 1));
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            f.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
        }
        return f;
    }

    /** The text of a dumped DOM's element: Chromium escapes &amp;, &lt; and &gt; (and quotes) in it. */
    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    private static List<String> list(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split("\u241f", -1));
    }
}
