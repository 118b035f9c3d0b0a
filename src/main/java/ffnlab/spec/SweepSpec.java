package ffnlab.spec;

import java.util.List;
import java.util.Map;

/**
 * What varies between trials: the axes (multiplied in order), derived keys computed from each point, and
 * constraints that drop points. Seeds are not an axis: every point runs once per seed.
 *
 * @param axes        in the order written
 * @param derived     key to expression, evaluated in order after the axes are applied
 * @param constraints a point is kept when every constraint is true
 */
public record SweepSpec(List<SweepAxis> axes, Map<String, Expression> derived, List<Expression> constraints) {
    public SweepSpec {
        axes = List.copyOf(axes);
        derived = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(derived));
        constraints = List.copyOf(constraints);
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
        return List.copyOf(keys);
    }
}
