package ffnlab.report;

import ffnlab.analysis.FinishedTrial;
import ffnlab.analysis.SeedValues;
import ffnlab.analysis.TurnUp;
import ffnlab.analysis.YamlDocument;
import ffnlab.analysis.WelchInterval;
import ffnlab.plot.SweptAxis;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The chapter's "the test error tends to increase at some point" for a sweep of one numeric key with a claimed optimum
 * (width, depth), judged by {@link TurnUp} and said under the settings the trials ran with: "agrees" when the final
 * test error at the largest swept value exceeds the minimum's and the 95% CI of the difference excludes 0, "differs"
 * when the minimum is at the largest swept value (no rise within the sweep), "inconclusive" when the CI includes 0,
 * "not assessed" with one seed.
 */
final class TurnUpVerdict {
    private TurnUpVerdict() {
    }

    /** The verdict, for a regression sweep of one numeric key whose chapter claim names an optimum; else empty. */
    static Optional<Verdict> of(ExperimentFindings f) {
        String xKey = f.results().xKey();
        if (f.measure().higherIsBetter() || f.chapter().numericOptimum().isEmpty() || xKey == null
                || f.results().sweptKeys().size() != 1 || f.configurations() < 2) {
            return Optional.empty();
        }
        SweptAxis axis = SweptAxis.of(f.perConfiguration(), xKey);
        if (!axis.numeric()) {
            return Optional.empty();
        }
        String metric = f.measure().finalTest().key();
        double[][] errors = SeedValues.of(f.trials(), f.perConfiguration(), metric).values();
        TurnUp t = TurnUp.of(axis.values(), errors);
        String error = "Final test " + f.measure().label();
        String settings = " under these settings (" + settings(f) + ")";
        return Optional.of(switch (t.outcome()) {
            case NOT_ASSESSED -> new Verdict(Verdict.Outcome.NOT_ASSESSED, error + " past the optimum: fewer than two "
                    + "seeds (or swept values) with a result, so whether it rises is not assessed" + settings + ".");
            case NO_RISE -> new Verdict(Verdict.Outcome.DIFFERS, error + ": no rise within " + at(axis, xKey, min(axis))
                    + ".." + Html.number(axis.values()[t.endRow()]) + settings + "; the lowest mean is at the largest, "
                    + at(axis, xKey, axis.values()[t.endRow()]) + ".");
            case RISES -> new Verdict(Verdict.Outcome.AGREES, error + " rises past " + at(axis, xKey,
                    axis.values()[t.optimumRow()]) + settings + ": at " + at(axis, xKey, axis.values()[t.endRow()])
                    + " it exceeds the minimum by " + difference(t.difference(), errors, t) + ".");
            case INCONCLUSIVE -> new Verdict(Verdict.Outcome.INCONCLUSIVE, error + " is lowest at " + at(axis, xKey,
                    axis.values()[t.optimumRow()]) + settings + ", but the rise to " + at(axis, xKey,
                    axis.values()[t.endRow()]) + " is not established: the difference is " + difference(t.difference(),
                    errors, t) + ", and the interval includes 0.");
        });
    }

    /** {@code 0.0251, 95% CI [0.0120, 0.0382] (Welch, n = 5 and 5)}. */
    private static String difference(WelchInterval d, double[][] errors, TurnUp t) {
        return Html.number(d.difference()) + ", 95% CI [" + Html.number(d.low()) + ", " + Html.number(d.high())
                + "] (Welch, n = " + errors[t.optimumRow()].length + " and " + errors[t.endRow()].length + ")";
    }

    /** "width 64", "depth 4" or "key = value". */
    private static String at(SweptAxis axis, String xKey, double value) {
        String name = axis.depth() ? "depth" : xKey.endsWith("hidden") ? "width" : xKey + " =";
        return name + " " + Html.number(value);
    }

    private static double min(SweptAxis axis) {
        return java.util.Arrays.stream(axis.values()).filter(Double::isFinite).min().orElse(Double.NaN);
    }

    /** The training settings that decide whether a network can overfit: rows, batch size, alpha, epochs, stopping. */
    private static String settings(ExperimentFindings f) {
        Optional<FinishedTrial> trial = f.results().trials().stream().findFirst();
        List<String> parts = new ArrayList<>();
        Object rows = trial.map(t -> t.config("dataset.train_limit")).orElse(null);
        if (rows != null) {
            parts.add(YamlDocument.asNumber(rows) == 0 ? "all training rows" : "the first " + rows + " training rows");
        }
        add(parts, trial, "training.batch_size", "B = ", "");
        add(parts, trial, "training.lr", "alpha = ", "");
        add(parts, trial, "training.epochs", "", " epochs");
        Object patience = trial.map(t -> t.config("training.early_stopping")).orElse(null);
        if (patience != null) {
            parts.add(YamlDocument.asNumber(patience) == 0 ? "no early stopping" : "early stopping after "
                    + patience + " epochs");
        }
        return parts.isEmpty() ? "as in the experiment file" : String.join(", ", parts);
    }

    private static void add(List<String> parts, Optional<FinishedTrial> trial, String key, String prefix, String suffix) {
        trial.map(t -> t.config(key)).ifPresent(v -> parts.add(prefix + v + suffix));
    }
}
