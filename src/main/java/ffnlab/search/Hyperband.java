package ffnlab.search;

import ffnlab.spec.ExperimentSpec;
import ffnlab.spec.SearchSpec;
import ffnlab.sweep.Configuration;
import ffnlab.sweep.SweepExpander;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Hyperband (Li et al. 2018) as brackets of successive halving run one after the other, bracket 0 first. Bracket b
 * starts at rung b with {@link SearchSpec.Halving#bracketSize} configurations of the space and runs rungs b..K-1; each
 * of its rungs is one round, and after each the first {@link SearchSpec.Halving#survivors} by
 * {@link Observation#bestFirst} go on to the next rung, exactly as {@link SuccessiveHalving} decides. Bracket 0 starts
 * with the whole space; bracket b &gt; 0 draws its configurations from the space by a generator seeded with the search's
 * seed and b alone (kept in sweep order). A configuration at a rung is the space's configuration with the budget key
 * set, so two brackets that reach the same configuration at the same rung share its trials, which run once.
 */
public final class Hyperband implements Search {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final SearchSpec.Halving halving;
    private final List<List<Configuration>> atRung = new ArrayList<>();
    /** Round r runs bracket {@code schedule[r][0]} at rung {@code schedule[r][1]}. */
    private final List<int[]> schedule = new ArrayList<>();

    Hyperband(ExperimentSpec spec, SearchSpec.Halving halving, SweepExpander.Shape shape) {
        this.halving = halving;
        int rungs = halving.rungs().size();
        for (int k = 0; k < rungs; k++) {
            atRung.add(SuccessiveHalving.atRung(spec, halving, shape, k));
        }
        for (int b = 0; b < halving.brackets(); b++) {
            for (int k = b; k < rungs; k++) {
                schedule.add(new int[] {b, k});
            }
        }
    }

    @Override
    public List<Configuration> round(int round, List<List<Observation>> earlier) {
        if (round >= schedule.size()) {
            return List.of();
        }
        int b = bracket(round);
        int k = rung(round);
        List<Configuration> all = atRung.get(k);
        Set<Map<String, Object>> kept = new HashSet<>();
        if (k == b) {
            for (int i : drawn(b)) {
                kept.add(SuccessiveHalving.withoutBudget(halving, atRung.getFirst().get(i)));
            }
        } else {
            for (Observation o : promoted(earlier.get(round - 1))) {
                kept.add(SuccessiveHalving.withoutBudget(halving, o.configuration()));
            }
        }
        return all.stream().filter(c -> kept.contains(SuccessiveHalving.withoutBudget(halving, c))).toList();
    }

    /** The indices into the space at rung 0 (sweep order, ascending) of the configurations bracket {@code b} starts with. */
    public List<Integer> drawn(int b) {
        int space = atRung.getFirst().size();
        int n = halving.bracketSize(space, b);
        int[] order = new int[space];
        for (int i = 0; i < space; i++) {
            order[i] = i;
        }
        if (n < space) {
            SplittableRandom random = new SplittableRandom(halving.seed() ^ GOLDEN * (b + 1));
            for (int i = 0; i < n; i++) {
                int j = i + random.nextInt(space - i);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        return java.util.Arrays.stream(order, 0, n).sorted().boxed().toList();
    }

    /** The observations of one rung of a bracket that go on to its next rung, best first. */
    public List<Observation> promoted(List<Observation> rung) {
        return rung.stream().sorted(Observation.bestFirst(halving.maximise())).limit(halving.survivors(rung.size())).toList();
    }

    @Override
    public String describe(int seeds) {
        int space = atRung.getFirst().size();
        List<String> brackets = new ArrayList<>();
        for (int b = 0; b < halving.brackets(); b++) {
            List<String> rungs = new ArrayList<>();
            int n = halving.bracketSize(space, b);
            for (int k = b; k < halving.rungs().size(); k++) {
                rungs.add(n + " at " + halving.rungs().get(k));
                n = halving.survivors(n);
            }
            brackets.add("bracket " + b + ": " + String.join(", ", rungs));
        }
        return "hyperband: " + halving.brackets() + " brackets in " + schedule.size() + " rounds (rungs of " + halving.budgetKey()
                + "), configurations: " + String.join("; ", brackets) + "; at most " + maxConfigurations() + " configurations x "
                + seeds + " seeds = " + maxConfigurations() * seeds + " trials (fewer where brackets share a trial)";
    }

    @Override
    public int bracket(int round) {
        return schedule.get(round)[0];
    }

    @Override
    public int rung(int round) {
        return schedule.get(round)[1];
    }

    @Override
    public boolean maximise() {
        return halving.maximise();
    }

    /** The best observation at the highest rung any round run reached (the last rung once bracket 0 finished). */
    @Override
    public Observation best(List<List<Observation>> rounds) {
        int top = highestRung(rounds);
        List<Observation> atTop = new ArrayList<>();
        for (int r = 0; r < rounds.size(); r++) {
            if (rung(r) == top) {
                atTop.addAll(rounds.get(r));
            }
        }
        return atTop.stream().min(Observation.bestFirst(halving.maximise())).orElseThrow();
    }

    /**
     * At a bracket's last rung, or in the last round run: the best (in the first round that holds it), the others
     * stopped there. Below: promoted to the bracket's next rung or stopped.
     */
    @Override
    public SearchTable.Outcome outcome(int round, Observation o, List<List<Observation>> rounds) {
        Observation best = best(rounds);
        if (o.equals(best)) {
            int first = 0;
            while (!(rung(first) == rung(round) && rounds.get(first).contains(best))) {
                first++;
            }
            if (first == round) {
                return SearchTable.Outcome.BEST;
            }
        }
        if (rung(round) == halving.rungs().size() - 1 || round == rounds.size() - 1) {
            return SearchTable.Outcome.STOPPED;
        }
        return promoted(rounds.get(round)).contains(o) ? SearchTable.Outcome.PROMOTED : SearchTable.Outcome.STOPPED;
    }

    /** The configurations of every round of every bracket, summed (a configuration two brackets share counted twice). */
    @Override
    public int maxConfigurations() {
        int space = atRung.getFirst().size();
        int total = 0;
        for (int b = 0; b < halving.brackets(); b++) {
            int n = halving.bracketSize(space, b);
            for (int k = b; k < halving.rungs().size(); k++) {
                total += n;
                n = halving.survivors(n);
            }
        }
        return total;
    }

    /** The rounds of the search, bracket by bracket: how many there are. */
    public int roundCount() {
        return schedule.size();
    }

    private int highestRung(List<List<Observation>> rounds) {
        int top = 0;
        for (int r = 0; r < rounds.size(); r++) {
            top = Math.max(top, rung(r));
        }
        return top;
    }
}
