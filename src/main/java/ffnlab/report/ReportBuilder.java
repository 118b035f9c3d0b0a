package ffnlab.report;

import ffnlab.analysis.Aggregation;
import ffnlab.analysis.ExperimentResults;
import ffnlab.analysis.Optimum;
import ffnlab.analysis.ResultsFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Builds HTML reports from {@code results/} alone (never trains): {@code reports/<experiment>/index.html} with
 * {@code summary.csv} beside it, and {@code reports/index.html} listing every experiment. Each page is written with a
 * {@link PageFingerprint} of its inputs ({@link ReportInputs}: the results it reads, the code that builds it and, for an
 * experiment's page, its link to the trial folders), so that {@link #fresh} and {@link #indexFresh} can tell a page
 * that a rebuild would not change.
 */
public final class ReportBuilder {
    private static final Logger LOG = LogManager.getLogger();

    private ReportBuilder() {
    }

    /**
     * Builds {@code reportsRoot/experiment/index.html} and {@code summary.csv} from {@code resultsRoot/experiment}.
     *
     * @return the written index.html
     * @throws ResultsFileException when a results file breaks the layout (its message is the one-line user error)
     */
    public static Path build(Path resultsRoot, Path reportsRoot, String experiment) {
        return build(resultsRoot, reportsRoot, experiment, ReportInputs.of(resultsRoot.resolve(experiment)));
    }

    /**
     * {@link #build(Path, Path, String)} with {@code results}, the {@link ReportInputs#of} fingerprint of the results
     * folder taken before it is read: a result that changes meanwhile leaves a record that no longer matches.
     */
    static Path build(Path resultsRoot, Path reportsRoot, String experiment, String results) {
        Path dir = reportsRoot.resolve(experiment);
        Path index = dir.resolve("index.html");
        PageFingerprint fingerprint = new PageFingerprint(index);
        fingerprint.forget();
        ExperimentFindings findings = ExperimentFindings.of(ExperimentResults.load(resultsRoot, experiment));
        SummaryCsv.write(findings.perConfiguration(), dir.resolve("summary.csv"));
        List<Figure> figures = PlotGallery.draw(findings);
        String html = ExperimentPage.render(findings, figures, trialsHref(dir, findings.results().dir().resolve("trials")));
        ffnlab.AtomicFile.write(index, html);
        fingerprint.record(inputs(resultsRoot, reportsRoot, experiment, results), html);
        LOG.info("report: {} ({} trials, {} plots)", index, findings.results().trials().size(), figures.size());
        return index;
    }

    /** Whether the experiment's page (and summary.csv) were built from {@code results} by this code and are intact. */
    static boolean fresh(Path resultsRoot, Path reportsRoot, String experiment, String results) {
        Path dir = reportsRoot.resolve(experiment);
        return Files.exists(dir.resolve("summary.csv"))
                && new PageFingerprint(dir.resolve("index.html")).fresh(inputs(resultsRoot, reportsRoot, experiment, results));
    }

    /** The path of {@code experiment}'s page under {@code reportsRoot}. */
    static Path page(Path reportsRoot, String experiment) {
        return reportsRoot.resolve(experiment).resolve("index.html");
    }

    /** An experiment page's inputs: the code, its link to the trial folders, and its results' fingerprint. */
    private static String inputs(Path resultsRoot, Path reportsRoot, String experiment, String results) {
        String href = trialsHref(reportsRoot.resolve(experiment), resultsRoot.resolve(experiment).resolve("trials"));
        return ffnlab.data.Sha256.ofText("experiment page\n" + ReportInputs.code() + "\n" + href + "\n" + results);
    }

    /**
     * The page {@link #build} writes, for a run that is still going: the trials finished so far with the run's
     * {@link LiveStatus}. Returned, not written: the caller publishes it at {@code reportsRoot/experiment/index.html}.
     */
    public static String livePage(Path resultsRoot, Path reportsRoot, String experiment, LiveStatus live) {
        ExperimentFindings findings = ExperimentFindings.of(ExperimentResults.load(resultsRoot, experiment));
        return ExperimentPage.render(findings, PlotGallery.draw(findings),
                trialsHref(reportsRoot.resolve(experiment), findings.results().dir().resolve("trials")), java.util.Optional.of(live));
    }

    /** The relative URL from the report folder {@code reportDir} to the trial folders {@code trialsDir}. */
    static String trialsHref(Path reportDir, Path trialsDir) {
        Path relative = reportDir.toAbsolutePath().normalize().relativize(trialsDir.toAbsolutePath().normalize());
        return TrialsTable.href(relative.toString().replace(java.io.File.separatorChar, '/'));
    }

    /**
     * Builds {@code reportsRoot/index.html}: every experiment folder under {@code resultsRoot} with its date, trial
     * count and headline. An experiment whose results cannot be read is listed with the error, not dropped.
     *
     * @return the written index.html
     */
    public static Path buildIndex(Path resultsRoot, Path reportsRoot) {
        return buildIndex(resultsRoot, reportsRoot, name -> ReportInputs.of(resultsRoot.resolve(name)));
    }

    /** {@link #buildIndex(Path, Path)} with {@code results}, the {@link ReportInputs#of} fingerprint of each results folder by name. */
    static Path buildIndex(Path resultsRoot, Path reportsRoot, java.util.function.UnaryOperator<String> results) {
        Path index = reportsRoot.resolve("index.html");
        PageFingerprint fingerprint = new PageFingerprint(index);
        fingerprint.forget();
        String inputs = indexInputs(resultsRoot, reportsRoot, results);
        List<IndexPage.Entry> entries = new ArrayList<>();
        for (String name : experiments(resultsRoot)) {
            boolean hasReport = Files.exists(page(reportsRoot, name));
            try {
                ExperimentResults loaded = ExperimentResults.load(resultsRoot, name);
                // curves only where the claim is read off them (an m.s.e. at an epoch): they cost seconds for long runs
                ExperimentFindings f = ExperimentFindings.of(loaded, ChapterClaims.of(loaded.experiment()).mseEpoch().isPresent());
                entries.add(entry(f, hasReport));
            } catch (ResultsFileException e) {
                LOG.warn("index: {}: {}", name, e.getMessage());
                entries.add(new IndexPage.Entry(name, hasReport, IndexPage.FULL, "", "", "cannot read results: " + e.getMessage(),
                        "", "", 0, 0, 0, ""));
            }
        }
        String html = IndexPage.render(entries);
        ffnlab.AtomicFile.write(index, html);
        fingerprint.record(inputs, html);
        LOG.info("report index: {} ({} experiments)", index, entries.size());
        return index;
    }

    /** Whether reports/index.html was built by this code from the results and reports there now, and is intact. */
    static boolean indexFresh(Path resultsRoot, Path reportsRoot, java.util.function.UnaryOperator<String> results) {
        return new PageFingerprint(reportsRoot.resolve("index.html")).fresh(indexInputs(resultsRoot, reportsRoot, results));
    }

    /** The index's inputs: the code, then per experiment its name, whether its page exists and its results' fingerprint. */
    private static String indexInputs(Path resultsRoot, Path reportsRoot, java.util.function.UnaryOperator<String> results) {
        StringBuilder inputs = new StringBuilder("index page\n").append(ReportInputs.code()).append('\n');
        for (String name : experiments(resultsRoot)) {
            inputs.append(name).append(' ').append(Files.exists(page(reportsRoot, name))).append(' ')
                    .append(results.apply(name)).append('\n');
        }
        return ffnlab.data.Sha256.ofText(inputs.toString());
    }

    static IndexPage.Entry entry(ExperimentFindings f, boolean hasReport) {
        var r = f.results();
        int diverged = (int) r.trials().stream().filter(ffnlab.analysis.FinishedTrial::diverged).count();
        java.util.Set<String> commits = new java.util.TreeSet<>();
        for (var t : r.trials()) {
            String commit = t.provenance().string("git_commit", "");
            if (!commit.isEmpty()) {
                commits.add(commit + ("true".equals(String.valueOf(t.provenance().get("git_dirty"))) ? " (dirty)" : ""));
            }
        }
        return new IndexPage.Entry(r.name(), hasReport, r.experiment().string("profile", IndexPage.FULL), description(r), f.chapter().note(), headline(f), verdict(f),
                ExperimentPage.dates(f), r.trials().size(), r.unfinished().size(), diverged,
                commits.isEmpty() ? "not recorded" : String.join(", ", commits));
    }

    /** experiment.yaml's description; for a variant, its overrides first, sorted by key. */
    static String description(ExperimentResults r) {
        String search = SearchSection.title(r);
        String description = (search == null ? "" : "search (" + search + "): ")
                + r.experiment().string("description", "");
        if (ffnlab.results.ResultsStore.base(r.name()).equals(r.name())) {
            return description;
        }
        Map<String, Object> overrides = new java.util.TreeMap<>(r.experiment().mapping("overrides"));
        String set = overrides.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining(", "));
        return "variant" + (set.isEmpty() ? "" : " with " + set) + " of: " + description;
    }

    /** The verdict on the chapter's claim: its word, then why. */
    private static String verdict(ExperimentFindings f) {
        Verdict v = Verdict.of(f);
        return v.word() + ": " + v.sentence();
    }

    /**
     * The experiments under {@code resultsRoot}: folders holding {@code trials/} or {@code experiment.yaml}, each
     * experiment followed by its variants ({@link ffnlab.results.ResultsStore#names}).
     */
    public static List<String> experiments(Path resultsRoot) {
        return new ffnlab.results.ResultsStore(resultsRoot).names();
    }

    static String headline(ExperimentFindings f) {
        if (f.optimum().isEmpty()) {
            return f.results().trials().isEmpty() ? "no finished trial"
                    : "no finite test error (no test split, or every trial diverged)";
        }
        Optimum o = f.optimum().get();
        String n = "n = " + f.perConfiguration().intColumn(Aggregation.N).getInt(o.row());
        String value = "final test " + f.measure().label() + " " + Html.meanCi(o.mean(), o.ci95()) + " (" + n + ")";
        if (f.configurations() == 1) {
            return value;
        }
        return "optimum " + o.configuration() + ": " + value
                + (o.indistinguishable().isEmpty() ? "" : "; " + o.indistinguishable().size() + " other setting(s) within its CI");
    }
}
