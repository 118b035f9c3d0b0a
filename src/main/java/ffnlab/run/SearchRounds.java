package ffnlab.run;

import ffnlab.analysis.YamlDocument;
import ffnlab.results.ExperimentDirectory;
import ffnlab.results.TrialDirectory;
import ffnlab.results.TrialSchema;
import ffnlab.search.Observation;
import ffnlab.search.Search;
import ffnlab.search.SearchTable;
import ffnlab.spec.ExperimentSpec;
import ffnlab.sweep.Configuration;
import ffnlab.sweep.TrialSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * A search's run loop: round after round, the search proposes configurations from the observations of the rounds
 * before, their trials (one per seed) run, and each configuration's observation is the mean of the metric over its
 * seeds, read back from the trials' summary.yaml in seed order. A round is observed only when every one of its trials
 * finished (trained, diverged or finished earlier): a failed or busy trial ends the search after that round, and a later
 * run continues it, re-deriving the rounds already run from the trials already finished, so the trials proposed never
 * depend on which trial finished first or on how often the run was interrupted. {@link #decide} re-derives the rounds
 * the same way without running a trial: what a cluster submitter and its tasks use, one round at a time.
 */
public final class SearchRounds {
    private static final Logger LOG = LogManager.getLogger();

    private final ExperimentSpec spec;
    private final Search search;
    private final ExperimentDirectory dir;
    private final BiFunction<ExperimentSpec, Configuration, List<TrialSpec>> trialsOf;
    private final BiConsumer<Integer, Integer> start;
    private final Function<List<TrialSpec>, List<TrialOutcome>> runTrials;
    private final BiConsumer<Integer, List<String>> writePlan;

    /**
     * @param trialsOf  a configuration's trials, one per seed
     * @param start     told the most trials the search may run, before the first round
     * @param runTrials runs a round's trials; an outcome per trial, in order
     * @param writePlan told the configurations and the trial ids proposed so far, before each round runs
     */
    SearchRounds(ExperimentSpec spec, Search search, ExperimentDirectory dir, BiFunction<ExperimentSpec, Configuration, List<TrialSpec>> trialsOf,
                 BiConsumer<Integer, Integer> start, Function<List<TrialSpec>, List<TrialOutcome>> runTrials,
                 BiConsumer<Integer, List<String>> writePlan) {
        this.spec = spec;
        this.search = search;
        this.dir = dir;
        this.trialsOf = trialsOf;
        this.start = start;
        this.runTrials = runTrials;
        this.writePlan = writePlan;
    }

    /**
     * Where a search stands on disk.
     *
     * @param round    the first round not every trial of which finished (the number of rounds when the search ended)
     * @param next     that round's trials, finished ones included; empty when the search has ended
     * @param proposed every trial of rounds 0..round, in the order proposed
     */
    public record Decided(int round, List<TrialSpec> next, List<TrialSpec> proposed) {
        public Decided {
            next = List.copyOf(next);
            proposed = List.copyOf(proposed);
        }

        /** Whether every round ran: nothing is left to submit. */
        public boolean ended() {
            return next.isEmpty();
        }
    }

    /**
     * Re-derives the search's rounds from the trials finished in the experiment folder, running none: each round whose
     * trials all finished is observed, as {@link #run} observes it, and search.csv rewritten; the plan (experiment.yaml,
     * plan.txt) is told the trials proposed up to the first round with an unfinished trial, whose trials are returned.
     */
    public Decided decide() {
        List<List<Observation>> rounds = new ArrayList<>();
        LinkedHashMap<String, TrialSpec> proposed = new LinkedHashMap<>();
        int configurations = 0;
        for (int r = 0; ; r++) {
            List<Configuration> configs = search.round(r, rounds);
            if (configs.isEmpty()) {
                writePlan.accept(configurations, List.copyOf(proposed.keySet()));
                return new Decided(r, List.of(), List.copyOf(proposed.values()));
            }
            Map<Configuration, List<TrialSpec>> trials = trials(configs);
            List<TrialSpec> round = distinct(trials);
            configurations += configs.size();
            round.forEach(t -> proposed.putIfAbsent(t.id(), t));
            if (round.stream().anyMatch(t -> !dir.trial(t.id()).finished())) {
                writePlan.accept(configurations, List.copyOf(proposed.keySet()));
                return new Decided(r, round, List.copyOf(proposed.values()));
            }
            rounds.add(observe(trials));
            SearchTable.write(dir.path(), search.rows(rounds, this::epochs));
        }
    }

    /** Each configuration's trials, one per seed, in the order proposed. */
    private Map<Configuration, List<TrialSpec>> trials(List<Configuration> proposed) {
        Map<Configuration, List<TrialSpec>> trials = new LinkedHashMap<>();
        for (Configuration c : proposed) {
            trials.put(c, trialsOf.apply(spec, c));
        }
        return trials;
    }

    /** The distinct trials of a round, in order. */
    private static List<TrialSpec> distinct(Map<Configuration, List<TrialSpec>> trials) {
        LinkedHashMap<String, TrialSpec> round = new LinkedHashMap<>();
        trials.values().forEach(of -> of.forEach(t -> round.putIfAbsent(t.id(), t)));
        return List.copyOf(round.values());
    }

    /** Each configuration's observation: the mean of the metric over its trials, read back from disk. */
    private List<Observation> observe(Map<Configuration, List<TrialSpec>> trials) {
        List<Observation> observed = new ArrayList<>();
        for (Map.Entry<Configuration, List<TrialSpec>> e : trials.entrySet()) {
            observed.add(new Observation(e.getKey(), e.getValue().stream().map(TrialSpec::id).toList(), mean(e.getValue())));
        }
        return observed;
    }

    /** Runs the search to its end (or to a round that did not finish); one outcome per distinct trial, in order proposed. */
    List<TrialOutcome> run() {
        int most = search.maxConfigurations() * spec.seeds().size();
        start.accept(most, most);
        List<List<Observation>> rounds = new ArrayList<>();
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        Map<String, TrialOutcome> outcomes = new LinkedHashMap<>();
        int configurations = 0;
        for (int r = 0; ; r++) {
            List<Configuration> proposed = search.round(r, rounds);
            if (proposed.isEmpty()) {
                break;
            }
            Map<Configuration, List<TrialSpec>> trials = trials(proposed);
            List<TrialSpec> round = distinct(trials);
            configurations += proposed.size();
            round.forEach(t -> ids.add(t.id()));
            writePlan.accept(configurations, List.copyOf(ids));
            List<TrialOutcome> ran = runTrials.apply(round);
            ran.forEach(o -> outcomes.put(o.trial().id(), o));
            long unfinished = ran.stream().filter(o -> o.status() == TrialOutcome.Status.FAILED || o.status() == TrialOutcome.Status.BUSY).count();
            if (unfinished > 0) {
                LOG.error("{}: the search stops at round {}: {} of its trials did not finish (failed or busy); run it again to continue",
                        spec.name(), r, unfinished);
                break;
            }
            rounds.add(observe(trials));
            SearchTable.write(dir.path(), search.rows(rounds, this::epochs));
            LOG.info("{}: search round {}: {} configurations; best so far {} = {}", spec.name(), r, proposed.size(),
                    search.best(rounds).configuration().label(), search.best(rounds).value());
        }
        return List.copyOf(outcomes.values());
    }

    /** The mean of the metric over the trials in seed order; NaN when one diverged or lacks it. */
    private double mean(List<TrialSpec> trials) {
        double sum = 0;
        for (TrialSpec t : trials) {
            YamlDocument summary = summary(t.id());
            if (summary.string(TrialSchema.STATUS, TrialSchema.FINISHED).equals(TrialSchema.DIVERGED)) {
                return Double.NaN;
            }
            sum += summary.optionalNumber(spec.sweep().search().metric());
        }
        return sum / trials.size();
    }

    private long epochs(String trialId) {
        double e = summary(trialId).optionalNumber(TrialSchema.EPOCHS_RUN);
        return Double.isNaN(e) ? 0 : (long) e;
    }

    private YamlDocument summary(String id) {
        return YamlDocument.read(dir.trial(id).file(TrialDirectory.SUMMARY));
    }
}
