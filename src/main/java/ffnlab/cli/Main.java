package ffnlab.cli;

import ffnlab.results.ExperimentDirectory;
import ffnlab.results.ResultsStore;
import ffnlab.results.ResultsTable;
import ffnlab.results.TrialRecord;
import ffnlab.run.DataSources;
import ffnlab.run.ExperimentRun;
import ffnlab.run.Progress;
import ffnlab.run.RunOptions;
import ffnlab.run.RunReport;
import ffnlab.run.TrialOutcome;
import ffnlab.spec.ExperimentFiles;
import ffnlab.spec.ExperimentSpec;
import ffnlab.spec.Overrides;
import ffnlab.spec.Profile;
import ffnlab.spec.SpecException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Entry points. With Maven: {@code mvn -q exec:java -Dexp=NAME} and the hooks {@code -Dset=k=v,...},
 * {@code -Dfresh=true}, {@code -Dprofile=smoke|ci}, {@code -Dthreads=N}, {@code -Dcheck=true},
 * {@code -Dreport-only=true}. As a jar: {@code java -jar ffnlab.jar run|report|list|check|trial ...}.
 * Bad input ends with one line per problem on stderr and exit status 2; failed trials give 1.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        System.out.flush();
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs a command; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            CommandLine cl = CommandLine.parse(args);
            return switch (cl.command()) {
                case "run" -> runExperiment(cl, out);
                case "check" -> check(cl, out);
                case "list" -> list(cl, out);
                case "report" -> report(cl.resultsName(), cl.results(), out);
                case "trial" -> runExperiment(cl, out);
                default -> throw new IllegalArgumentException(CommandLine.USAGE);
            };
        } catch (SpecException e) {
            err.println(e.getMessage());
            return 2;
        } catch (ffnlab.data.DataException e) {
            err.println(e.getMessage());
            return 2;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("ffnlab: " + e.getMessage());
            return 2;
        }
    }

    private static RunOptions options(CommandLine cl) {
        Map<String, ffnlab.spec.Node> overrides = cl.set() == null ? Map.of() : Overrides.parse(cl.set(), "-Dset");
        return new RunOptions(cl.experiments(), cl.results(), Profile.parse(cl.profile()), overrides, cl.fresh(), cl.threads());
    }

    private static int runExperiment(CommandLine cl, PrintStream out) {
        RunOptions options = options(cl);
        if (cl.command().equals("run") && cl.executor().equals("slurm")) {
            return SlurmCommand.run(cl, options, out);
        }
        ExperimentRun run = new ExperimentRun(options, new DataSources());
        ExperimentRun.Plan plan = run.plan(cl.experiment());
        RunReport report;
        try (Progress progress = Progress.forConsole()) {
            report = run.run(plan, cl.trialId(), progress);
        }
        out.println(report.line());
        List<String> order = plan.trials().stream().map(t -> t.id()).toList();
        afterRun(plan.spec(), report, order, out);
        return report.count(TrialOutcome.Status.FAILED) > 0 ? 1 : 0;
    }

    /**
     * The hook after a run: prints the results table (and Example 2's comparison with the chapter). The lead
     * wires the HTML report ({@code report} / {@code -Dreport-only}) here.
     */
    static void afterRun(ExperimentSpec spec, RunReport report, List<String> trialOrder, PrintStream out) {
        ExperimentDirectory dir = new ExperimentDirectory(report.directory());
        List<TrialRecord> records = new ArrayList<>(TrialRecord.readAll(dir).stream()
                .filter(r -> trialOrder.contains(r.directory().id())).toList());
        records.sort(Comparator.comparingInt(r -> trialOrder.indexOf(r.directory().id())));
        out.print(ResultsTable.of(records));
        if (spec.name().equals("toy-mapping")) {
            ChapterComparison.print(records, out);
        }
    }

    /**
     * {@code report NAME} / {@code -Dreport-only=true}: rebuilds the report from results/ alone, never trains.
     * Today a plain-text table; the lead wires the report engineer's HTML report here.
     */
    static int report(String resultsName, Path results, PrintStream out) {
        ExperimentDirectory dir = new ResultsStore(results).experiment(resultsName);
        List<TrialRecord> records = TrialRecord.readAll(dir);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("no finished trials in " + dir.path() + "; run the experiment first");
        }
        out.print(ResultsTable.of(records));
        return 0;
    }

    private static int check(CommandLine cl, PrintStream out) {
        ExperimentRun.Plan plan = new ExperimentRun(options(cl), new DataSources()).plan(cl.experiment());
        out.printf("%s: valid; %d configurations x %d seeds = %d trials (swept: %s)%n", cl.experiment(),
                plan.configurations().size(), plan.spec().seeds().size(), plan.trials().size(), plan.spec().sweep().sweptKeys().isEmpty() ? "nothing" : String.join(", ", plan.spec().sweep().sweptKeys()));
        return 0;
    }

    private static int list(CommandLine cl, PrintStream out) {
        ExperimentFiles files = new ExperimentFiles(cl.experiments());
        ResultsStore store = new ResultsStore(cl.results());
        for (String name : files.names()) {
            String description;
            try {
                ExperimentSpec spec = files.load(name, null, Map.of());
                description = spec.description();
            } catch (SpecException e) {
                description = "INVALID (" + e.problems().size() + " problems; run: check " + name + ")";
            }
            int finished = TrialRecord.readAll(store.experiment(name)).size();
            out.printf("%-18s %4d finished trials  %s%n", name, finished, description.lines().findFirst().orElse(""));
        }
        return 0;
    }
}
