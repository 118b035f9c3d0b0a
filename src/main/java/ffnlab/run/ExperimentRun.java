package ffnlab.run;

import ffnlab.data.PreparedData;
import ffnlab.results.ExperimentDirectory;
import ffnlab.results.ResultsStore;
import ffnlab.spec.ExperimentFiles;
import ffnlab.search.Search;
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
        // a search's plan is its first round; the later rounds are proposed as the run goes
        List<Configuration> configurations = spec.sweep().search() == null ? SweepExpander.configurations(spec, data::shape)
                : Search.of(spec, data::shape).round(0, List.of());
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

    /**
     * Runs the plan's trials (or only {@code onlyId} when not null). A search ({@code sweep: {halving|tpe: ...}}) runs in
     * rounds: the search proposes a round's configurations from the rounds before it, their trials run on the scheduler,
     * and their results feed the next proposal; plan.txt, experiment.yaml and search.csv are rewritten after each round.
     */
    public RunReport run(Plan plan, String onlyId, Progress progress) {
        long start = System.nanoTime();
        ExperimentDirectory dir = new ResultsStore(options.results()).experiment(plan.resultsName());
        List<TrialSpec> trials = plan.trials();
        if (onlyId != null) {
            // a search's trial of a later round (a cluster task's) is found among the rounds decided from the finished trials
            trials = (plan.spec().sweep().search() == null ? trials : decideSearch(plan).proposed()).stream()
                    .filter(t -> t.id().equals(onlyId)).toList();
            if (trials.isEmpty()) {
                throw new IllegalArgumentException("experiment " + plan.spec().name() + " has no trial " + onlyId);
            }
        }
        try (RunLog log = RunLog.open(dir.runLog())) {
            Round round = new Round(plan, dir, new TrialRunner(data, dir, backends), new Scheduler(options.threads()),
                    new ResultsStore(options.results()), progress);
            List<TrialOutcome> all;
            if (plan.spec().sweep().search() != null && onlyId == null) {
                all = searchRounds(plan, dir, (n, toRun) -> round.start(n, toRun), round::run).run();
            } else {
                if (plan.spec().sweep().search() == null) {
                    dir.writeExperiment(experimentYaml(plan, plan.configurations().size(), plan.trials().size()),
                            plan.trials().stream().map(TrialSpec::id).toList());
                }
                round.start(trials.size(), round.toRun(trials).size());
                all = round.run(trials);
            }
            progress.close();
            return new RunReport(plan.resultsName(), dir.path(), all, (System.nanoTime() - start) / 1e9);
        }
    }

    /**
     * Where the plan's search stands on disk ({@link SearchRounds#decide}): its rounds re-derived from the finished trials,
     * experiment.yaml, plan.txt and search.csv rewritten, no trial run. A cluster submitter submits the returned round.
     */
    public SearchRounds.Decided decideSearch(Plan plan) {
        ExperimentDirectory dir = new ResultsStore(options.results()).experiment(plan.resultsName());
        return searchRounds(plan, dir, (n, toRun) -> { }, round -> List.of()).decide();
    }

    private SearchRounds searchRounds(Plan plan, ExperimentDirectory dir, java.util.function.BiConsumer<Integer, Integer> start,
                                      java.util.function.Function<List<TrialSpec>, List<TrialOutcome>> runTrials) {
        return new SearchRounds(plan.spec(), Search.of(plan.spec(), data::shape), dir, this::trialsOf, start, runTrials,
                (configurations, ids) -> dir.writeExperiment(experimentYaml(plan, configurations, ids.size()), ids));
    }

    /** A configuration's trials, one per seed, with this run's data, backend and engine. */
    private List<TrialSpec> trialsOf(ExperimentSpec spec, Configuration c) {
        return SweepExpander.trials(spec, List.of(c), x -> data.load(x).sha256(), ExperimentRun::backendOf, EngineFingerprint.current());
    }

    /** Runs groups of trials of one plan: skips finished ones, adopts ones finished elsewhere, schedules the rest. */
    private final class Round {
        private final Plan plan;
        private final ExperimentDirectory dir;
        private final TrialRunner runner;
        private final Scheduler scheduler;
        private final ResultsStore store;
        private final Progress progress;

        Round(Plan plan, ExperimentDirectory dir, TrialRunner runner, Scheduler scheduler, ResultsStore store, Progress progress) {
            this.plan = plan;
            this.dir = dir;
            this.runner = runner;
            this.scheduler = scheduler;
            this.store = store;
            this.progress = progress;
        }

        /** Tells the progress how many trials the run will train ({@code toRun}) of {@code total}. */
        void start(int total, int toRun) {
            LOG.info("{}: {} configurations x {} seeds = {} trials; {} to run with up to {} threads", plan.resultsName(),
                    plan.spec().sweep().search() == null ? plan.configurations().size() : "up to " + total / plan.spec().seeds().size(),
                    plan.spec().seeds().size(), total, toRun, options.threads());
            progress.started(plan.resultsName(), toRun, total - toRun);
        }

        /** The trials of {@code trials} that need training. */
        List<TrialSpec> toRun(List<TrialSpec> trials) {
            return trials.stream().filter(t -> options.fresh() || !dir.trial(t.id()).finished()).toList();
        }

        /** Runs {@code trials}; one outcome per trial, in their order. */
        List<TrialOutcome> run(List<TrialSpec> trials) {
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
            toRun.stream().filter(t -> t.config().model().isNetwork()).map(t -> t.config().backend().kind())
                    .distinct().forEach(BackendChoice::logChoice);
            List<TrialOutcome> ran = scheduler.run(toRun, t -> threadsFor(scheduler, t),
                    t -> t.backend().equals("gpu") ? t.config().backend().gpuTrials() : 0, (t, threads) -> {
                progress.trialStarted(t);
                EpochListener listener = r -> progress.epoch(t, r);
                TrialOutcome o = runner.run(t, options.fresh(), threads, listener);
                progress.trialEnded(o);
                return o;
            });
            ran.forEach(o -> byId.put(o.trial().id(), o));
            List<TrialOutcome> all = new ArrayList<>();
            for (TrialSpec t : trials) {
                all.add(byId.getOrDefault(t.id(), new TrialOutcome(t, TrialOutcome.Status.SKIPPED, "finished earlier", 0)));
            }
            return all;
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

    private Map<String, Object> experimentYaml(Plan plan, int configurations, int trials) {
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
        e.put("configurations", configurations);
        e.put("trials", trials);
        plan.spec().resolved().forEach(e::putIfAbsent);
        e.putIfAbsent("seeds", plan.spec().seeds());
        e.putIfAbsent("report", Map.of());
        return e;
    }
}
