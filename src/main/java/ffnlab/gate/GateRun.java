package ffnlab.gate;

import ffnlab.analysis.ExperimentResults;
import ffnlab.data.Task;
import ffnlab.gate.BaselineFile.Entry;
import ffnlab.gate.Gate.Verdict;
import ffnlab.run.DataSources;
import ffnlab.run.ExperimentRun;
import ffnlab.run.Progress;
import ffnlab.run.Provenance;
import ffnlab.run.RunOptions;
import ffnlab.run.RunReport;
import ffnlab.sweep.EngineFingerprint;
import ffnlab.sweep.TrialSpec;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The {@code check} command: runs an experiment's trials (finished ones of this build's code are reused), collects the gated
 * metrics per configuration ({@link Outcome}) and compares them with
 * {@code <experiments>/baselines/<results-name>.csv} ({@link Gate}); or, with {@code record}, writes that file.
 * Exit statuses: 0 passed (or recorded), 1 a configuration is worse than its margin (or, when recording, a
 * trial did not finish), 2 bad input (thrown: no or invalid baseline, invalid experiment).
 */
public final class GateRun {
    private static final Logger LOG = LogManager.getLogger();

    private final RunOptions options;
    private final ExperimentRun run;
    private final DataSources data;

    /**
     * @param options where experiments, baselines ({@code <experiments>/baselines}) and results are, the profile
     * @param run     runs the trials (a test may hand one with its own backend)
     * @param data    the data sources {@code run} uses
     */
    public GateRun(RunOptions options, ExperimentRun run, DataSources data) {
        this.options = options;
        this.run = run;
        this.data = data;
    }

    /** {@code <experiments>/baselines/<name>[-<profile>].csv}. */
    public Path baselineFile(String experiment) {
        return options.experiments().resolve("baselines").resolve(options.resultsName(experiment) + ".csv");
    }

    /** What a run measured: the results folder, the run report and one outcome per configuration and metric. */
    public record Measurement(GateSettings settings, RunReport report, List<Outcome> outcomes) {
    }

    /** Compares with the committed baseline; prints the run line and the gate's table. */
    public int check(String experiment, PrintStream out) {
        Path file = baselineFile(experiment);
        List<Entry> baseline = BaselineFile.read(file);   // bad input before any training
        Measurement m = measure(experiment);
        List<Verdict> verdicts = new Gate(m.settings().tolerance()).check(baseline, m.outcomes());
        out.println(m.report().line());
        out.println("accuracy gate: " + options.resultsName(experiment) + " against " + file);
        String table = Gate.format(verdicts);
        out.print(table);
        boolean failed = verdicts.stream().anyMatch(Verdict::failed);
        LOG.info("accuracy gate {}: {}", options.resultsName(experiment), table.lines().reduce((a, b) -> b).orElse(""));
        return failed ? 1 : 0;
    }

    /**
     * Records the baseline from this run, atomically, with the command, commit, date, JDK and machine as comments.
     *
     * @param command the command line that produced it, as a user would type it
     */
    public int record(String experiment, String command, PrintStream out) {
        Measurement m = measure(experiment);
        out.println(m.report().line());
        List<String> unfinished = m.outcomes().stream().filter(o -> Double.isNaN(o.mean()))
                .map(o -> o.configuration() + " " + o.metric()).distinct().toList();
        if (!unfinished.isEmpty()) {
            out.println("not recorded: trials that diverged, failed or have no value for: " + String.join(", ", unfinished));
            return 1;
        }
        Path file = baselineFile(experiment);
        BaselineFile.write(file, m.outcomes().stream().map(Entry::of).toList(), comments(experiment, command, m));
        for (Outcome o : m.outcomes()) {
            out.printf(java.util.Locale.ROOT, "%-34s %-22s n=%d mean=%.6g std=%.3g metrics_sha256=%s%n", o.configuration(), o.metric(),
                    o.n(), o.mean(), o.std(), o.metricsSha256().substring(0, 16));
        }
        out.println("recorded " + m.outcomes().size() + " baseline row(s) in " + file);
        return 0;
    }

    /**
     * Runs the trials, reusing only those this build's code trained (their ids carry its engine fingerprint), and
     * collects the gated metrics.
     *
     * @throws IllegalArgumentException when the options ask to reuse trials of other code
     */
    public Measurement measure(String experiment) {
        if (options.reuse() != RunOptions.Reuse.SAME_ENGINE) {
            throw new IllegalArgumentException("check and record train with this build's code; they never reuse trials of other code "
                    + "(drop -Dreuse=any)");
        }
        ExperimentRun.Plan plan = run.plan(experiment);
        boolean classification = data.load(plan.trials().getFirst().config()).task() == Task.CLASSIFICATION;
        GateSettings settings = GateSettings.of(plan.spec().baseline().plain(), classification,
                options.experiments().resolve(experiment + ".yaml").toString());
        RunReport report;
        try (Progress progress = Progress.forConsole()) {
            report = run.run(plan, null, progress);
        }
        List<Outcome> outcomes = Outcome.collect(plan.trials(),
                ExperimentResults.load(report.directory(), plan.trials().stream().map(TrialSpec::id).toList()), settings.metrics());
        return new Measurement(settings, report, outcomes);
    }

    private List<String> comments(String experiment, String command, Measurement m) {
        Map<String, Object> host = Provenance.machineFacts();
        List<String> c = new ArrayList<>();
        c.add("ffnlab accuracy baseline of " + options.resultsName(experiment) + " (" + m.settings().metrics().size()
                + " metric(s) per configuration; check it with the same command and -Dcheck=true / check)");
        c.add("command: " + command);
        c.add("git_commit: " + host.get("git_commit") + " (dirty: " + host.get("git_dirty") + "); engine_fingerprint: "
                + EngineFingerprint.current());
        c.add("date: " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
        c.add("jdk: " + host.get("jdk") + "; os: " + host.get("os"));
        c.add("machine: " + host.get("cpu_model") + ", " + host.get("cores") + " cores, thread budget " + options.threads());
        c.add("metrics_sha256: SHA-256 of the seeds' metrics.csv without the timing columns; the CPU backend reproduces it bitwise");
        return c;
    }
}
