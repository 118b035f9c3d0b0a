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
public sealed interface Search permits SuccessiveHalving, TpeSearch {
    /** The configurations to run in round {@code round}; empty when the search has finished. */
    List<Configuration> round(int round, List<List<Observation>> earlier);

    /** An upper bound on the configurations the whole search runs (for progress). */
    int maxConfigurations();

    /** Whether a larger value is better. */
    boolean maximise();

    /** The best configuration of the rounds run: halving's best at the highest rung reached, TPE's best of all. */
    Observation best(List<List<Observation>> rounds);

    /** What became of {@code o} in round {@code round}, given every round run. */
    SearchTable.Outcome outcome(int round, Observation o, List<List<Observation>> rounds);

    /** One row per observation of every round, in order, with its outcome and the epochs its trials ran. */
    default List<SearchTable.Row> rows(List<List<Observation>> rounds, java.util.function.ToLongFunction<Observation> epochs) {
        List<SearchTable.Row> rows = new java.util.ArrayList<>();
        for (int r = 0; r < rounds.size(); r++) {
            for (Observation o : rounds.get(r)) {
                rows.add(new SearchTable.Row(r, o.value(), epochs.applyAsLong(o), outcome(r, o, rounds), o.configuration().label(), o.trialIds()));
            }
        }
        return rows;
    }

    /** The search of {@code spec}'s sweep; {@code spec.sweep().search()} must not be null. */
    static Search of(ExperimentSpec spec, SweepExpander.Shape shape) {
        return switch (spec.sweep().search()) {
            case SearchSpec.Halving h -> new SuccessiveHalving(spec, h, shape);
            case SearchSpec.Tpe t -> new TpeSearch(spec, t, shape);
        };
    }
}
