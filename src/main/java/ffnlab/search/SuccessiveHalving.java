package ffnlab.search;

import ffnlab.spec.ExperimentSpec;
import ffnlab.spec.Node;
import ffnlab.spec.SearchSpec;
import ffnlab.spec.SweepAxis;
import ffnlab.spec.SweepSpec;
import ffnlab.sweep.Configuration;
import ffnlab.sweep.SweepExpander;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Successive halving (Jamieson and Talwalkar 2016): round r is rung r. Rung 0 trains every configuration of the space
 * with the budget key set to {@code rungs[0]}; after each rung the configurations are ranked by their observation, best
 * first ({@link Observation#bestFirst}: ties by the smallest trial id), and the first {@link SearchSpec.Halving#survivors}
 * train again at the next rung's budget. A configuration at rung r is the space's configuration with the budget key
 * added to its coordinates, so each rung's trials are distinct trials with their own ids.
 */
public final class SuccessiveHalving implements Search {
    private final ExperimentSpec spec;
    private final SearchSpec.Halving halving;
    private final SweepExpander.Shape shape;
    private final int spaceSize;

    SuccessiveHalving(ExperimentSpec spec, SearchSpec.Halving halving, SweepExpander.Shape shape) {
        this.spec = spec;
        this.halving = halving;
        this.shape = shape;
        this.spaceSize = atRung(0).size();
    }

    @Override
    public List<Configuration> round(int round, List<List<Observation>> earlier) {
        if (round >= halving.rungs().size()) {
            return List.of();
        }
        List<Configuration> all = atRung(round);
        if (round == 0) {
            return all;
        }
        Set<Map<String, Object>> kept = new HashSet<>();
        for (Observation o : promoted(earlier.get(round - 1))) {
            kept.add(withoutBudget(o.configuration()));
        }
        return all.stream().filter(c -> kept.contains(withoutBudget(c))).toList();
    }

    /** The observations of one rung that go on to the next, best first. */
    public List<Observation> promoted(List<Observation> rung) {
        return rung.stream().sorted(Observation.bestFirst(halving.maximise())).limit(halving.survivors(rung.size())).toList();
    }

    @Override
    public String describe(int seeds) {
        List<String> rungs = new ArrayList<>();
        int n = spaceSize;
        for (long budget : halving.rungs()) {
            rungs.add(n + " at " + budget);
            n = halving.survivors(n);
        }
        return "successive halving in " + halving.rungs().size() + " rounds (rungs of " + halving.budgetKey() + "), configurations: "
                + String.join(", ", rungs) + "; at most " + maxConfigurations() + " configurations x " + seeds + " seeds = "
                + maxConfigurations() * seeds + " trials";
    }

    @Override
    public int rung(int round) {
        return round;
    }

    @Override
    public boolean maximise() {
        return halving.maximise();
    }

    @Override
    public Observation best(List<List<Observation>> rounds) {
        return rounds.getLast().stream().min(Observation.bestFirst(halving.maximise())).orElseThrow();
    }

    /** Below the last rung run: promoted or stopped; at the last: the best, the others stopped. */
    @Override
    public SearchTable.Outcome outcome(int round, Observation o, List<List<Observation>> rounds) {
        if (round == rounds.size() - 1) {
            return o.equals(best(rounds)) ? SearchTable.Outcome.BEST : SearchTable.Outcome.STOPPED;
        }
        return promoted(rounds.get(round)).contains(o) ? SearchTable.Outcome.PROMOTED : SearchTable.Outcome.STOPPED;
    }

    @Override
    public int maxConfigurations() {
        int n = spaceSize;
        int total = 0;
        for (int r = 0; r < halving.rungs().size(); r++) {
            total += n;
            n = halving.survivors(n);
        }
        return total;
    }

    /** The space's configurations with the budget key at rung {@code rung}'s budget, in sweep order. */
    private List<Configuration> atRung(int rung) {
        return atRung(spec, halving, shape, rung);
    }

    /** The configurations of {@code spec}'s space with {@code halving}'s budget key at rung {@code rung}'s budget, in sweep order. */
    static List<Configuration> atRung(ExperimentSpec spec, SearchSpec.Halving halving, SweepExpander.Shape shape, int rung) {
        List<SweepAxis> axes = new ArrayList<>(spec.sweep().axes());
        axes.add(new SweepAxis.Grid(halving.budgetKey(), List.of(new Node.Scalar(halving.rungs().get(rung), halving.mark()))));
        SweepSpec sweep = new SweepSpec(axes, spec.sweep().derived(), spec.sweep().constraints(), halving);
        return SweepExpander.configurations(new ExperimentSpec(spec.name(), spec.description(), spec.base(), spec.seeds(), sweep,
                spec.report(), spec.baseline(), spec.slurm(), spec.resolved()), shape);
    }

    private Map<String, Object> withoutBudget(Configuration c) {
        return withoutBudget(halving, c);
    }

    /** {@code c}'s coordinates less the budget key: the same configuration of the space at every rung. */
    static Map<String, Object> withoutBudget(SearchSpec.Halving halving, Configuration c) {
        Map<String, Object> m = new LinkedHashMap<>(c.coordinates());
        m.remove(halving.budgetKey());
        return m;
    }
}
