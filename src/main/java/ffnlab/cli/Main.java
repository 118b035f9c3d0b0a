package ffnlab.cli;

import ffnlab.UserError;
import ffnlab.analysis.Aggregation;
import ffnlab.analysis.Comparison;
import ffnlab.analysis.ExperimentResults;
import ffnlab.analysis.ResultsFolders;
import ffnlab.analysis.TrialCounts;
import ffnlab.export.ExportFormat;
import ffnlab.report.ComparePage;
import ffnlab.report.ReportCommand;
import ffnlab.report.ResultsTableFile;
import ffnlab.report.ResultsTable;
import ffnlab.AtomicFile;
import ffnlab.results.ExperimentDirectory;
import ffnlab.results.ResultsStore;
import ffnlab.run.DataSources;
import ffnlab.run.ExperimentRun;
import ffnlab.report.LiveReport;
import ffnlab.run.Progress;
import ffnlab.run.RunOptions;
import ffnlab.run.RunReport;
import ffnlab.run.TrialOutcome;
import ffnlab.spec.Diagnostics;
import ffnlab.run.VariantName;
import ffnlab.spec.ExperimentFiles;
import ffnlab.spec.ExperimentSpec;
import ffnlab.spec.Overrides;
import ffnlab.spec.Profile;
import ffnlab.spec.SpecException;
import ffnlab.sweep.TrialSpec;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * Entry points. With Maven: {@code mvn -q exec:java -Dexp=NAME} and the hooks {@code -Dset=k=v,...},
 * {@code -Dfresh=true}, {@code -Dprofile=smoke|ci}, {@code -Dthreads=N}, {@code -Dcheck=true|record},
 * {@code -Dvalidate=true}, {@code -Dreport-only=true}, {@code -Dvariant=NAME}. With the launcher:
 * {@code bin/ffnlab run|check|validate|report|results|compare|list|trial|help ...}
 * ({@code java -jar target/ffnlab-VERSION.jar} with JDK 25); {@link Help} explains each command.
 * Bad input ends with one line on stderr (the first problem and how many more; {@code validate} prints every
 * problem on a line of its own) and exit status 2; failed trials give 1.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int status;
        try (LoggingLifecycle logging = LoggingLifecycle.start()) {
            status = run(args, System.out, System.err);
            System.out.flush();
        }
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs a command; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        return exitStatus(() -> {
            CommandLine cl = CommandLine.parse(args);
            return switch (cl.command()) {
                case "run" -> runExperiment(cl, out);
                case "check" -> gate(cl, out);
                case "validate" -> validate(cl, out, err);
                case "list" -> list(cl, out);
                case "results" -> results(cl, out);
                case "report" -> report(cl.resultsName(), cl.results(), out);
                case "compare" -> compare(cl, out);
                case "trial" -> runExperiment(cl, out);
                case "help" -> {
                    out.print(Help.text(cl.experiment()));
                    yield 0;
                }
                default -> throw new IllegalArgumentException(Help.unknownCommand(cl.command()));
            };
        }, err);
    }

    /**
     * The one rule for bad input: a command that ends with a {@link UserError} (or a bad option value, or a path named on
     * the command line that cannot be read or written) prints one line on {@code err} and gives exit status 2.
     */
    static int exitStatus(IntSupplier command, PrintStream err) {
        try {
            return command.getAsInt();
        } catch (UserError e) {
            err.println(firstProblem(e));
            return 2;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("ffnlab: " + e.getMessage());
            return 2;
        }
    }

    private static RunOptions options(CommandLine cl) {
        Map<String, ffnlab.spec.Node> overrides = cl.set() == null ? Map.of() : Overrides.parse(cl.set(), "-Dset");
        String variant = cl.variant() != null ? VariantName.check(cl.variant()) : VariantName.derive(overrides);
        return new RunOptions(cl.experiments(), cl.results(), Profile.parse(cl.profile()), overrides, cl.fresh(), cl.threads(),
                RunOptions.Reuse.parse(System.getProperty("reuse", "same")), variant);
    }

    private static int runExperiment(CommandLine cl, PrintStream out) {
        RunOptions options = options(cl);
        if (cl.command().equals("run") && cl.executor().equals("slurm")) {
            return SlurmCommand.run(cl, options, out);
        }
        ExperimentRun run = new ExperimentRun(options, new DataSources());
        ExperimentRun.Plan plan = run.plan(cl.experiment());
        RunReport report;
        // the live page's URL is printed before the progress bar is drawn; a cluster task's single trial has no page
        try (Progress progress = cl.command().equals("trial") ? Progress.forConsole()
                : Progress.both(new LiveReport(cl.results(), reportsRoot(cl.results()), out), Progress.forConsole())) {
            report = run.run(plan, cl.trialId(), progress);
        }
        out.println(report.line());
        // a search proposes its later rounds as it runs: its trials are the run's
        afterRun(plan.spec(), report, (plan.spec().sweep().search() == null || cl.trialId() != null ? plan.trials().stream().map(TrialSpec::id)
                : report.outcomes().stream().map(o -> o.trial().id())).toList(), out);
        if (!cl.command().equals("trial")) {
            // A cluster task runs one trial: the report is built once, by whoever follows the whole sweep.
            ReportCommand.refresh(plan.resultsName(), cl.results(), reportsRoot(cl.results()), out);
        }
        return report.count(TrialOutcome.Status.FAILED) > 0 ? 1 : 0;
    }

    /**
     * After a run: prints the results table of the plan's trials, kept beside the report ({@link ResultsTableFile}) so
     * that a rerun that trained nothing does not read the results back; Example 2 adds its comparison with the chapter,
     * read from the trials themselves.
     */
    static void afterRun(ExperimentSpec spec, RunReport report, List<String> trialIds, PrintStream out) {
        if (spec.name().equals("toy-mapping")) {
            ExperimentResults results = ExperimentResults.load(report.directory(), trialIds);
            out.print(ResultsTable.format(Aggregation.perConfiguration(results)));
            ChapterComparison.print(results.trials(), out);
            return;
        }
        Path experimentDir = report.directory().toAbsolutePath().normalize();
        Path reportDir = reportsRoot(experimentDir.getParent()).resolve(experimentDir.getFileName());
        out.print(ResultsTableFile.of(report.directory(), reportDir, trialIds));
    }

    /** Where HTML reports go: {@code -Dreports.dir}, else a {@code reports/} folder beside the results folder. */
    static Path reportsRoot(Path results) {
        String dir = System.getProperty("reports.dir");
        return dir != null && !dir.isBlank() ? Path.of(dir) : results.toAbsolutePath().normalize().resolveSibling("reports");
    }

    /**
     * {@code report NAME} / {@code -Dreport-only=true}: prints the results table and rebuilds the HTML report
     * (reports/NAME/index.html and reports/index.html) from results/ alone; never trains.
     */
    static int report(String resultsName, Path results, PrintStream out) {
        ExperimentDirectory dir = existing(new ResultsStore(results), resultsName);
        ExperimentResults finished = ExperimentResults.load(dir.path());
        if (finished.trials().isEmpty()) {
            throw new IllegalArgumentException("no finished trials in " + dir.path() + "; run the experiment first");
        }
        out.print(ResultsTable.format(Aggregation.perConfiguration(finished)));
        ReportCommand.run(resultsName, results, reportsRoot(results), out);
        return 0;
    }

    /**
     * {@code compare A B}: per configuration in both, B's mean final test metric against A's with the 95% Welch interval
     * of the difference and a verdict, printed and written to reports/compare-A-vs-B/index.html; {@code compare
     * NAME@VARIANT} compares the variant with the experiment as written; {@code compare NAME --baseline KEY=VALUE,...}
     * compares every other configuration of NAME with that one. {@code --profile P} applies to every name.
     */
    private static int compare(CommandLine cl, PrintStream out) {
        List<String> names = cl.names().stream().map(n -> RunOptions.resultsName(ResultsStore.base(n), cl.profile(),
                n.contains(ResultsStore.VARIANT) ? n.substring(n.indexOf(ResultsStore.VARIANT) + 1) : null)).toList();
        ResultsStore store = new ResultsStore(cl.results());
        if (cl.baseline() != null) {
            Map<String, Object> baseline = new java.util.LinkedHashMap<>();
            Overrides.parse(cl.baseline(), "--baseline").forEach((key, value) -> baseline.put(key, value.plain()));
            return printed(Comparison.againstBaseline(ExperimentResults.load(existing(store, names.getFirst()).path()), baseline),
                    cl.results(), out);
        }
        if (names.size() == 1) {
            String base = ResultsStore.base(names.getFirst());
            if (base.equals(names.getFirst())) {
                throw new IllegalArgumentException("compare " + names.getFirst() + ": give two results names A B, or a variant "
                        + names.getFirst() + "@VARIANT to compare with " + names.getFirst());
            }
            names = List.of(base, names.getFirst());
        }
        ExperimentResults a = ExperimentResults.load(existing(store, names.get(0)).path());
        ExperimentResults b = ExperimentResults.load(existing(store, names.get(1)).path());
        Comparison comparison = Comparison.of(a, b);
        if (comparison.rows().isEmpty()) {
            throw new IllegalArgumentException("compare: " + a.name() + " and " + b.name() + " share no configuration with finished trials");
        }
        return printed(comparison, cl.results(), out);
    }

    /** Prints a comparison's table and writes its page beside the reports of {@code results}. */
    private static int printed(Comparison comparison, Path results, PrintStream out) {
        out.print(ComparePage.console(comparison));
        out.println("report: " + ComparePage.write(comparison, reportsRoot(results)));
        return 0;
    }

    /** The results folder {@code name}; a one-line error with the closest existing name when there is none. */
    private static ExperimentDirectory existing(ResultsStore store, String name) {
        List<String> known = store.names();
        if (!known.contains(name)) {
            throw new IllegalArgumentException(known.isEmpty() ? "no results in " + store.root() + "; run an experiment first"
                    : ffnlab.spec.Diagnostics.unknown("experiment or variant", name, known) + " (results in " + store.root() + ")");
        }
        return store.experiment(name);
    }

    /** {@code check NAME [--record]} / {@code -Dcheck=true|record}: the accuracy gate (ffnlab.gate.GateRun). */
    private static int gate(CommandLine cl, PrintStream out) {
        RunOptions options = options(cl);
        DataSources data = new DataSources();
        ffnlab.gate.GateRun gate = new ffnlab.gate.GateRun(options, new ExperimentRun(options, data), data);
        return cl.record() ? gate.record(cl.experiment(), cl.invocation(), out) : gate.check(cl.experiment(), out);
    }

    /**
     * The console line for a user error: its first problem, and how many more there are (validate lists every
     * one), so that a command that fails on bad input prints exactly one line. The problem names its file; one
     * that has none (a scheduler's answer) is marked as ffnlab's, as the other command-line errors are.
     */
    static String firstProblem(UserError e) {
        String first = (e.file().isPresent() ? "" : "ffnlab: ") + e.getMessage().lines().findFirst().orElse("");
        int more = e.problemCount() - 1;
        return more <= 0 ? first : first + " (and " + more + " more problem" + (more == 1 ? "" : "s") + "; validate lists them all)";
    }

    /**
     * {@code validate NAME} / {@code -Dvalidate=true}: checks the experiment and counts its trials, training nothing;
     * every problem on a line of its own.
     */
    private static int validate(CommandLine cl, PrintStream out, PrintStream err) {
        ExperimentRun.Plan plan;
        DataSources data = new DataSources();
        try {
            plan = new ExperimentRun(options(cl), data).plan(cl.experiment());
        } catch (SpecException e) {
            err.println(e.getMessage());
            return 2;
        }
        boolean search = plan.spec().sweep().search() != null;
        out.printf("%s: valid; %s%d configurations x %d seeds = %d trials (swept: %s)%n", cl.experiment(), search ? "first round: " : "",
                plan.configurations().size(), plan.spec().seeds().size(), plan.trials().size(), plan.spec().sweep().sweptKeys().isEmpty() ? "nothing" : String.join(", ", plan.spec().sweep().sweptKeys()));
        if (search) {
            out.printf("%s: %s%n", cl.experiment(), ffnlab.search.Search.of(plan.spec(), data::shape).describe(plan.spec().seeds().size()));
        }
        return 0;
    }

    /**
     * {@code results NAME [--format F] [--out FILE]}: the finished trials of the plan as one tidy table
     * ({@link ExportFormat}), on {@code out} or written whole to FILE.
     */
    private static int results(CommandLine cl, PrintStream out) {
        ExportFormat format = ExportFormat.parse(cl.format());
        Path dir = ResultsFolders.existing(cl.results(), cl.resultsName());
        ExperimentResults results = ExperimentResults.load(dir);
        if (cl.out() == null) {
            out.print(format.write(results));
        } else {
            AtomicFile.write(cl.out(), format.write(results));
            out.printf("%s: %d finished trials written to %s%n", results.name(), results.trials().size(), cl.out());
        }
        return 0;
    }

    /**
     * {@code list [NAME]}: each experiment file (or NAME) with its description, then each of its results folders (plain,
     * profiles, variants) with its trials counted against its plan; results folders of no experiment file come last.
     */
    private static int list(CommandLine cl, PrintStream out) {
        ExperimentFiles files = new ExperimentFiles(cl.experiments());
        List<String> names = files.names();
        if (cl.experiment() != null && !names.contains(cl.experiment())) {
            throw new IllegalArgumentException(Diagnostics.unknown("experiment", cl.experiment(), names)
                    + " (in " + cl.experiments() + ")");
        }
        List<String> folders = ResultsFolders.names(cl.results());
        int width = folders.stream().mapToInt(String::length).max().orElse(0);
        for (String name : cl.experiment() == null ? names : List.of(cl.experiment())) {
            String description;
            try {
                description = files.load(name, null, Map.of()).description().lines().findFirst().orElse("");
            } catch (SpecException e) {
                description = "INVALID (" + e.problems().size() + " problems; run: validate " + name + ")";
            }
            out.println(name + "  " + description);
            List<String> own = folders.stream().filter(f -> name.equals(ResultsFolders.owner(f, names))).toList();
            if (own.isEmpty()) {
                out.println("  no results yet");
            }
            own.forEach(f -> out.printf("  %-" + width + "s  %s%n", f, TrialCounts.of(cl.results().resolve(f)).line()));
        }
        List<String> orphans = folders.stream().filter(f -> ResultsFolders.owner(f, names) == null).toList();
        if (cl.experiment() == null && !orphans.isEmpty()) {
            out.println("results of no experiment file in " + cl.experiments() + ":");
            orphans.forEach(f -> out.printf("  %-" + width + "s  %s%n", f, TrialCounts.of(cl.results().resolve(f)).line()));
        }
        return 0;
    }
}
