package ffnlab.run;

import ffnlab.data.PreparedData;
import ffnlab.results.ExperimentDirectory;
import ffnlab.results.ResultsStore;
import ffnlab.spec.ExperimentFiles;
import ffnlab.spec.ExperimentSpec;
import ffnlab.spec.TrialConfig;
import ffnlab.sweep.Configuration;
import ffnlab.sweep.EngineFingerprint;
import ffnlab.sweep.SweepExpander;
import ffnlab.sweep.TrialSpec;
import ffnlab.train.EpochListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One experiment from file to results: load and validate the spec, load the data, expand the sweep into
 * trials with ids (backend resolved, this build's engine fingerprint), write experiment.yaml, schedule the trials
 * (skipping finished ones unless fresh; a trial finished in another experiment folder, such as the experiment as
 * written or another variant, has the same id and is taken from there rather than trained again). Under {@link RunOptions.Reuse#ANY_ENGINE} the plan takes a finished trial
 * of other code in place of an unfinished one ({@link OtherEngineTrials}); plan.txt then names that trial.
 */
public final class ExperimentRun {
    private static final Logger LOG = LogManager.getLogger();

    private final RunOptions options;
    private final DataSources data;
    private final BackendChoice.Factory backends;

    public ExperimentRun(RunOptions options, DataSources data) {
        this(options, data, BackendChoice::open);
    }

    /** Test seam: trials run on the backends {@code backends} opens (see {@link BackendChoice.Factory}). */
    ExperimentRun(RunOptions options, DataSources data, BackendChoice.Factory backends) {
        this.options = options;
        this.data = data;
        this.backends = backends;
    }

    /** An experiment ready to run: its spec, configurations and trials. */
    public record Plan(ExperimentSpec spec, String resultsName, List<Configuration> configurations, List<TrialSpec> trials) {
    }

    /** Loads, validates and expands {@code name}; loads its data (for ids and shapes). */
    public Plan plan(String name) {
        ExperimentSpec spec = new ExperimentFiles(options.experiments()).load(name, options.profile(), options.overrides());
        List<Configuration> configurations = SweepExpander.configurations(spec, data::shape);
        List<TrialSpec> trials = SweepExpander.trials(spec, configurations, c -> data.load(c).sha256(), ExperimentRun::backendOf,
                EngineFingerprint.current());
        String resultsName = options.resultsName(name);
        if (options.reuse() == RunOptions.Reuse.ANY_ENGINE && !options.fresh()) {
            trials = OtherEngineTrials.standIns(trials, new ResultsStore(options.results()).experiment(resultsName));
        }
        return new Plan(spec, resultsName, configurations, trials);
    }

    /** The backend kind that trains a configuration: {@code auto} resolved; tribuo for the linear baselines. */
    static String backendOf(TrialConfig config) {
        return config.model().isNetwork() ? BackendChoice.resolve(config.backend().kind()) : "tribuo";
    }

    /** Runs the plan's trials (or only {@code onlyId} when not null). */
    public RunReport run(Plan plan, String onlyId, Progress progress) {
        long start = System.nanoTime();
        ExperimentDirectory dir = new ResultsStore(options.results()).experiment(plan.resultsName());
        List<TrialSpec> trials = plan.trials();
        if (onlyId != null) {
            trials = trials.stream().filter(t -> t.id().equals(onlyId)).toList();
            if (trials.isEmpty()) {
                throw new IllegalArgumentException("experiment " + plan.spec().name() + " has no trial " + onlyId);
            }
        }
        try (RunLog log = RunLog.open(dir.runLog())) {
            dir.writeExperiment(experimentYaml(plan), plan.trials().stream().map(TrialSpec::id).toList());
            TrialRunner runner = new TrialRunner(data, dir, backends);
            Scheduler scheduler = new Scheduler(options.threads());
            ResultsStore store = new ResultsStore(options.results());
            List<TrialSpec> toRun = new ArrayList<>();
            Map<String, TrialOutcome> byId = new LinkedHashMap<>();
            for (TrialSpec t : trials) {
                if (options.fresh()) {
                    toRun.add(t);
                } else if (!dir.trial(t.id()).finished()) {
                    // the same id elsewhere (the experiment as written, another variant) is the same trial: taken, not retrained
                    var elsewhere = store.finishedTrial(t.id(), plan.resultsName());
                    if (elsewhere.isPresent() && dir.adopt(elsewhere.get(), TrialRunner.trialYaml(t))) {
                        byId.put(t.id(), new TrialOutcome(t, TrialOutcome.Status.SKIPPED,
                                "finished in " + elsewhere.get().path().getParent().getParent().getFileName(), 0));
                    } else {
                        toRun.add(t);
                    }
                }
            }
            LOG.info("{}: {} configurations x {} seeds = {} trials; {} to run with up to {} threads", plan.resultsName(),
                    plan.configurations().size(), plan.spec().seeds().size(), trials.size(), toRun.size(), options.threads());
            toRun.stream().filter(t -> t.config().model().isNetwork()).map(t -> t.config().backend().kind())
                    .distinct().forEach(BackendChoice::logChoice);
            progress.started(plan.resultsName(), toRun.size(), trials.size() - toRun.size());
            List<TrialOutcome> ran = scheduler.run(toRun, t -> threadsFor(scheduler, t),
                    t -> t.backend().equals("gpu") ? t.config().backend().gpuTrials() : 0, (t, threads) -> {
                progress.trialStarted(t);
                EpochListener listener = r -> progress.epoch(t, r);
                TrialOutcome o = runner.run(t, options.fresh(), threads, listener);
                progress.trialEnded(o);
                return o;
            });
            progress.close();
            ran.forEach(o -> byId.put(o.trial().id(), o));
            List<TrialOutcome> all = new ArrayList<>();
            for (TrialSpec t : trials) {
                all.add(byId.getOrDefault(t.id(), new TrialOutcome(t, TrialOutcome.Status.SKIPPED, "finished earlier", 0)));
            }
            RunReport report = new RunReport(plan.resultsName(), dir.path(), all, (System.nanoTime() - start) / 1e9);
            return report;
        }
    }

    private int threadsFor(Scheduler scheduler, TrialSpec t) {
        if (!t.config().model().isNetwork()) {
            return 1; // Tribuo's SGD baselines are single-threaded
        }
        if (t.backend().equals("gpu")) {
            return scheduler.deviceShare(t.config().backend().gpuTrials()); // backend.gpu_trials share one device
        }
        PreparedData d = data.load(t.config());
        long parameters = t.config().model().parameterCount(d.train().features(), d.train().outputs());
        return scheduler.threadsFor(t.config().backend().threads(), parameters, d.train().rows());
    }

    private Map<String, Object> experimentYaml(Plan plan) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("name", plan.spec().name());
        e.put("results_name", plan.resultsName());
        e.put("profile", options.profile() == null ? "default" : options.profile().key());
        if (options.variant() != null) {
            e.put("variant", options.variant());
        }
        Map<String, Object> overrides = new LinkedHashMap<>();
        options.overrides().forEach((k, v) -> overrides.put(k, v.plain()));
        e.put("overrides", overrides);
        e.put("swept_keys", plan.spec().sweep().sweptKeys());
        e.put("configurations", plan.configurations().size());
        e.put("trials", plan.trials().size());
        plan.spec().resolved().forEach(e::putIfAbsent);
        e.putIfAbsent("seeds", plan.spec().seeds());
        e.putIfAbsent("report", Map.of());
        return e;
    }
}
