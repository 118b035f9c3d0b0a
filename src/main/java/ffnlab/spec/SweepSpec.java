package ffnlab.spec;

import java.util.List;
import java.util.Map;

/**
 * What varies between trials: the axes (multiplied in order), derived keys computed from each point, and
 * constraints that drop points, and optionally a search that decides which points run. Seeds are not an axis: every
 * point runs once per seed.
 *
 * @param axes        in the order written
 * @param derived     key to expression, evaluated in order after the axes are applied
 * @param constraints a point is kept when every constraint is true
 * @param search      successive halving over the space, or TPE over its own params; null for a plain sweep
 */
public record SweepSpec(List<SweepAxis> axes, Map<String, Expression> derived, List<Expression> constraints, SearchSpec search) {
    public SweepSpec {
        axes = List.copyOf(axes);
        derived = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(derived));
        constraints = List.copyOf(constraints);
    }

    /** A plain sweep, no search. */
    public SweepSpec(List<SweepAxis> axes, Map<String, Expression> derived, List<Expression> constraints) {
        this(axes, derived, constraints, null);
    }

    public static SweepSpec none() {
        return new SweepSpec(List.of(), Map.of(), List.of());
    }

    /** The swept keys in sweep order (the trial coordinates). */
    public List<String> sweptKeys() {
        java.util.LinkedHashSet<String> keys = new java.util.LinkedHashSet<>();
        for (SweepAxis a : axes) {
            switch (a) {
                case SweepAxis.Grid g -> keys.add(g.key());
                case SweepAxis.Zip z -> keys.addAll(z.keys());
                case SweepAxis.Explicit e -> e.points().forEach(p -> keys.addAll(new java.util.TreeSet<>(p.keySet())));
                case SweepAxis.RandomSample r -> r.params().forEach(p -> keys.add(p.key()));
            }
        }
        switch (search) {
            case SearchSpec.Tpe t -> t.params().forEach(p -> keys.add(p.key()));
            case SearchSpec.Halving h -> keys.add(h.budgetKey());
            case null -> {
            }
        }
        return List.copyOf(keys);
    }
}
