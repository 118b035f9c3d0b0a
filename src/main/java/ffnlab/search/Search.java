package ffnlab.search;

import ffnlab.spec.ExperimentSpec;
import ffnlab.spec.SearchSpec;
import ffnlab.sweep.Configuration;
import ffnlab.sweep.SweepExpander;
import java.util.List;

/**
 * A search proposes configurations round by round. Round r's configurations are a function of the experiment and of
 * the observations of rounds 0..r-1 alone (each round's in configuration order, every configuration of the round
 * observed), never of timing or of the order trials finished: the same file proposes the same trials on any machine and
 * thread count, and a resumed search re-derives the rounds already run from the trials already finished.
 */
public sealed interface Search permits SuccessiveHalving, Hyperband, TpeSearch {
    /** The configurations to run in round {@code round}; empty when the search has finished. */
    List<Configuration> round(int round, List<List<Observation>> earlier);

    /** An upper bound on the configurations the whole search runs (for progress). */
    int maxConfigurations();

    /**
     * How the search proceeds, for {@code validate}: its rounds, the configurations or budget of each, and at most how
     * many trials it runs with {@code seeds} seeds.
     */
    String describe(int seeds);

    /** Whether a larger value is better. */
    boolean maximise();

    /** The best configuration of the rounds run: halving's best at the highest rung reached, TPE's best of all. */
    Observation best(List<List<Observation>> rounds);

    /** What became of {@code o} in round {@code round}, given every round run. */
    SearchTable.Outcome outcome(int round, Observation o, List<List<Observation>> rounds);

    /** The bracket of round {@code round}: 0 but for Hyperband. */
    default int bracket(int round) {
        return 0;
    }

    /** The rung (index into the budgets) of round {@code round}: the round for successive halving, 0 for TPE. */
    int rung(int round);

    /**
     * One row per observation of every round, in order, with its outcome and the epochs its trials ran. A trial counts
     * its epochs in the first row that holds it only: a trial two rows share (Hyperband's brackets meeting at a rung)
     * ran once.
     */
    default List<SearchTable.Row> rows(List<List<Observation>> rounds, java.util.function.ToLongFunction<String> epochs) {
        List<SearchTable.Row> rows = new java.util.ArrayList<>();
        java.util.Set<String> counted = new java.util.HashSet<>();
        for (int r = 0; r < rounds.size(); r++) {
            for (Observation o : rounds.get(r)) {
                long spent = o.trialIds().stream().filter(counted::add).mapToLong(epochs).sum();
                rows.add(new SearchTable.Row(r, bracket(r), rung(r), o.value(), spent, outcome(r, o, rounds), o.configuration().label(),
                        o.trialIds()));
            }
        }
        return rows;
    }

    /** The search of {@code spec}'s sweep; {@code spec.sweep().search()} must not be null. */
    static Search of(ExperimentSpec spec, SweepExpander.Shape shape) {
        return switch (spec.sweep().search()) {
            case SearchSpec.Halving h -> h.hyperband() ? new Hyperband(spec, h, shape) : new SuccessiveHalving(spec, h, shape);
            case SearchSpec.Tpe t -> new TpeSearch(spec, t, shape);
        };
    }
}
