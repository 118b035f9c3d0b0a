package ffnlab.search;

import ffnlab.spec.ExperimentSpec;
import ffnlab.spec.Mark;
import ffnlab.spec.Node;
import ffnlab.spec.SearchSpec;
import ffnlab.spec.SweepAxis;
import ffnlab.spec.SweepSpec;
import ffnlab.sweep.Configuration;
import ffnlab.sweep.SweepExpander;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * TPE as a search: round r proposes proposals r x batch .. min((r + 1) x batch, trials) - 1. Proposal i is drawn from the
 * prior when i &lt; startup, else by {@link TreeParzenSampler} from the observations of every earlier round taken in
 * the order of their first trial id; round r draws from its own generator, seeded by the search's seed and r. A
 * proposal is bound like a sweep point (derived keys applied); its coordinates are the params in the order written.
 * A proposal whose coordinates an earlier proposal already has (the same trials) is drawn again from the round's
 * generator, up to {@link #DRAWS} times in all; when every draw repeats, the proposal is left out (the space is all but
 * exhausted), so a configuration is proposed, run, counted in {@code trials} and written to search.csv once.
 */
public final class TpeSearch implements Search {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    /** The draws a proposal may take to find coordinates not yet proposed. */
    static final int DRAWS = 64;

    private final ExperimentSpec spec;
    private final SearchSpec.Tpe tpe;
    private final SweepExpander.Shape shape;
    private final TreeParzenSampler sampler;

    TpeSearch(ExperimentSpec spec, SearchSpec.Tpe tpe, SweepExpander.Shape shape) {
        this.spec = spec;
        this.tpe = tpe;
        this.shape = shape;
        this.sampler = new TreeParzenSampler(tpe.params(), tpe.gamma(), tpe.candidates());
    }

    @Override
    public List<Configuration> round(int round, List<List<Observation>> earlier) {
        int from = round * tpe.batch();
        int to = Math.min(from + tpe.batch(), tpe.trials());
        if (from >= to) {
            return List.of();
        }
        List<TreeParzenSampler.Observed> observed = earlier.stream().flatMap(List::stream)
                .sorted(Comparator.comparing(Observation::firstTrialId))
                .map(o -> new TreeParzenSampler.Observed(point(o.configuration()), o.loss(tpe.maximise()))).toList();
        SplittableRandom random = new SplittableRandom(tpe.seed() ^ GOLDEN * (round + 1));
        Set<Map<String, Object>> tried = new HashSet<>();
        earlier.stream().flatMap(List::stream).forEach(o -> tried.add(o.configuration().coordinates()));
        List<Configuration> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            for (int draw = 0; draw < DRAWS; draw++) {
                Configuration c = bind(i < tpe.startup() ? sampler.prior(random) : sampler.propose(observed, random), out.size());
                if (tried.add(c.coordinates())) {
                    out.add(c);
                    break;
                }
            }
        }
        return out;
    }

    @Override
    public String describe(int seeds) {
        int rounds = (tpe.trials() + tpe.batch() - 1) / tpe.batch();
        return "tpe: " + tpe.trials() + " configurations in " + rounds + " rounds of " + tpe.batch() + ", the first "
                + Math.min(tpe.startup(), tpe.trials()) + " drawn from the prior; at most " + tpe.trials() + " configurations x "
                + seeds + " seeds = " + tpe.trials() * seeds + " trials";
    }

    @Override
    public int rung(int round) {
        return 0;
    }

    @Override
    public boolean maximise() {
        return tpe.maximise();
    }

    @Override
    public Observation best(List<List<Observation>> rounds) {
        return rounds.stream().flatMap(List::stream).min(Observation.bestFirst(tpe.maximise())).orElseThrow();
    }

    @Override
    public SearchTable.Outcome outcome(int round, Observation o, List<List<Observation>> rounds) {
        return o.equals(best(rounds)) ? SearchTable.Outcome.BEST : SearchTable.Outcome.PROPOSED;
    }

    @Override
    public int maxConfigurations() {
        return tpe.trials();
    }

    /** A configuration's coordinates in the sampler's internal coordinates. */
    private double[] point(Configuration c) {
        double[] x = new double[tpe.params().size()];
        for (int d = 0; d < x.length; d++) {
            SweepAxis.Distribution p = tpe.params().get(d);
            Object v = c.coordinates().get(p.key());
            x[d] = switch (p) {
                case SweepAxis.Distribution.LogUniform u -> StrictMath.log(((Number) v).doubleValue());
                case SweepAxis.Distribution.Choice ch -> indexOf(ch, v);
                default -> ((Number) v).doubleValue();
            };
        }
        return x;
    }

    private static int indexOf(SweepAxis.Distribution.Choice c, Object plain) {
        for (int i = 0; i < c.values().size(); i++) {
            if (java.util.Objects.equals(c.values().get(i).plain(), plain)) {
                return i;
            }
        }
        throw new IllegalStateException("value " + plain + " is none of " + c.key() + "'s choices");
    }

    private Configuration bind(double[] x, int index) {
        Mark mark = tpe.mark();
        List<SweepAxis> axes = new ArrayList<>();
        for (int d = 0; d < x.length; d++) {
            SweepAxis.Distribution p = tpe.params().get(d);
            Object v = sampler.value(d, x[d]);
            Node node = p instanceof SweepAxis.Distribution.Choice c ? c.values().get((Integer) v) : new Node.Scalar(v, mark);
            axes.add(new SweepAxis.Grid(p.key(), List.of(node)));
        }
        SweepSpec sweep = new SweepSpec(axes, spec.sweep().derived(), List.of(), tpe);
        List<Configuration> one = SweepExpander.configurations(new ExperimentSpec(spec.name(), spec.description(), spec.base(),
                spec.seeds(), sweep, spec.report(), spec.baseline(), spec.slurm(), spec.resolved()), shape);
        Configuration c = one.getFirst();
        return new Configuration(index, c.coordinates(), c.config());
    }
}
