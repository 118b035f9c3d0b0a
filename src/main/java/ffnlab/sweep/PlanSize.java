package ffnlab.sweep;

import ffnlab.spec.ExperimentSpec;
import ffnlab.spec.Limits;
import ffnlab.spec.Mark;
import ffnlab.spec.Node;
import ffnlab.spec.Problem;
import ffnlab.spec.SpecException;
import ffnlab.spec.SweepAxis;
import ffnlab.spec.TrialConfig;
import java.util.List;

/**
 * The size checks of a plan, made before anything is allocated for it: the number of sweep points (counted
 * from the axes, never by expanding them), the number of trials, a plan with no trial at all, and each
 * network's parameter count against {@link Limits}. Each failure is one problem at the mark of the value
 * that makes the plan too large (or empty).
 */
final class PlanSize {
    private PlanSize() {
    }

    /** Refuses a sweep whose axes multiply to more than {@link Limits#MAX_TRIALS} points (or trials, with the seeds). */
    static void checkPoints(ExperimentSpec spec) {
        double points = 1;
        SweepAxis largest = null;
        StringBuilder product = new StringBuilder();
        for (SweepAxis axis : spec.sweep().axes()) {
            int size = size(axis);
            points *= size;
            product.append(product.isEmpty() ? "" : " x ").append(size);
            if (largest == null || size > size(largest)) {
                largest = axis;
            }
        }
        double trials = points * spec.seeds().size();
        if (points > Limits.MAX_TRIALS || trials > Limits.MAX_TRIALS) {
            throw new SpecException(List.of(new Problem(mark(spec, largest), "sweep", String.format(
                    "the sweep has %.0f points (%s) x %d seeds = %.0f trials; at most %d trials are allowed, narrow the sweep",
                    points, product, spec.seeds().size(), trials, Limits.MAX_TRIALS))));
        }
    }

    /** Refuses a plan with no configuration left, or more trials than {@link Limits#MAX_TRIALS}. */
    static void checkTrials(ExperimentSpec spec, int points, int configurations) {
        if (configurations == 0) {
            Mark mark = spec.sweep().constraints().isEmpty() ? spec.base().mark() : spec.sweep().constraints().getFirst().mark();
            throw new SpecException(List.of(new Problem(mark, "sweep.constraints", "the constraints remove all " + points
                    + " configurations of the sweep; nothing would run")));
        }
    }

    /** A problem at model.hidden when the configuration's network has more than {@link Limits#MAX_PARAMETERS} parameters, else null. */
    static Problem parameters(Node.Mapping tree, TrialConfig config, SweepExpander.Shape shape) {
        int[] io = shape.inputsAndOutputs(config);
        long n = config.model().parameterCount(io[0], io[1]);
        if (n <= Limits.MAX_PARAMETERS) {
            return null;
        }
        Mark mark = tree.get("model") instanceof Node.Mapping model && model.get("hidden") != null ? model.get("hidden").mark() : tree.mark();
        return new Problem(mark, "model.hidden", "a network " + java.util.Arrays.toString(config.model().widths(io[0], io[1])) + " has " + n
                + " parameters; at most " + Limits.MAX_PARAMETERS + " are allowed");
    }

    private static int size(SweepAxis axis) {
        return switch (axis) {
            case SweepAxis.Grid g -> g.values().size();
            case SweepAxis.Zip z -> z.size();
            case SweepAxis.Explicit e -> e.points().size();
            case SweepAxis.RandomSample r -> r.count();
        };
    }

    /** Where the largest axis was written: its first value's mark (random axes have none: the top of the file). */
    private static Mark mark(ExperimentSpec spec, SweepAxis axis) {
        Node first = switch (axis) {
            case SweepAxis.Grid g -> g.values().getFirst();
            case SweepAxis.Zip z -> z.values().getFirst().getFirst();
            case SweepAxis.Explicit e -> e.points().getFirst().values().stream().findFirst().orElse(null);
            case SweepAxis.RandomSample r -> null;
            case null -> null;
        };
        return first == null ? spec.base().mark() : first.mark();
    }
}
