package ffnlab.report;

import ffnlab.analysis.Aggregation;
import ffnlab.analysis.CurveMinimum;
import ffnlab.analysis.TimeToTarget;
import ffnlab.analysis.ValidRange;
import ffnlab.results.TrialSchema.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * The chapter's Example 5b claim, "the curve of the time for weight update against batch size usually takes a
 * U-shape", judged on the three curves it can mean: the time per single update, the time per epoch (the time to
 * update the weights over the whole training set) and, when the experiment sets {@code report.target_accuracy}, the
 * time to reach that test accuracy (where many cheap small-batch updates and few expensive large-batch ones trade
 * off). It is shown where a curve's lowest mean lies at an interior batch size and the 95% CIs at the smallest and
 * the largest batch size both lie wholly above the minimum's ({@link CurveMinimum#uShown}); the sentence says which
 * curve shows it, and plainly where each other one's minimum lies instead.
 */
final class BatchSizeClaim {
    private BatchSizeClaim() {
    }

    /**
     * A curve the claim can mean: words, unit, its per-configuration mean and 95% half-width, and the lower bound of
     * each value's range with its half-width (the mean itself where a value is measured exactly).
     */
    private record Curve(String what, String unit, double[] mean, double[] ci95, double[] lower, double[] lowerCi95, boolean ranged) {
        static Optional<Curve> of(Table t, String metric, String what, String unit) {
            return of(t, metric, metric, what, unit);
        }

        static Optional<Curve> of(Table t, String metric, String lowerMetric, String what, String unit) {
            for (String column : List.of(metric, lowerMetric)) {
                if (!t.containsColumn(column + Aggregation.MEAN) || !t.containsColumn(column + Aggregation.CI95)) {
                    return Optional.empty();
                }
            }
            return Optional.of(new Curve(what, unit, t.doubleColumn(metric + Aggregation.MEAN).asDoubleArray(),
                    t.doubleColumn(metric + Aggregation.CI95).asDoubleArray(),
                    t.doubleColumn(lowerMetric + Aggregation.MEAN).asDoubleArray(),
                    t.doubleColumn(lowerMetric + Aggregation.CI95).asDoubleArray(), !lowerMetric.equals(metric)));
        }
    }

    /**
     * "agrees" (shown) when a curve shows a U the seeds separate, "differs" when every curve's minimum lies at an end
     * clear of every other interval, "not assessed" without intervals, else "inconclusive".
     *
     * @param perConfiguration {@link Aggregation#perConfiguration} of a batch-size sweep
     * @param batchKey         its numeric batch-size column
     * @param timeToTarget     the time to the target accuracy over the same rows, when the experiment sets one
     */
    static Verdict verdict(Table perConfiguration, String batchKey, Optional<TimeToTarget.Sweep> timeToTarget) {
        if (!(perConfiguration.column(batchKey) instanceof NumericColumn<?> b)) {
            return new Verdict(Verdict.Outcome.NOT_ASSESSED, "The batch size is not numeric: no curve to judge.");
        }
        double[] x = b.asDoubleArray();
        List<Curve> curves = new ArrayList<>();
        Curve.of(perConfiguration, Metric.MEAN_EPOCH_TIME_S.key(), "time per epoch", "s").ifPresent(curves::add);
        Curve.of(perConfiguration, Metric.MEAN_UPDATE_TIME_US.key(), "time per weight update", "µs").ifPresent(curves::add);
        timeToTarget.flatMap(t -> Curve.of(t.perConfiguration(), TimeToTarget.TIME_TO_TARGET_S, TimeToTarget.TIME_BEFORE_TARGET_S,
                "time to test accuracy " + Html.number(t.target()), "s")).ifPresent(curves::add);
        List<String> shown = new ArrayList<>();
        List<String> notShown = new ArrayList<>();
        boolean allEnds = true;
        boolean intervals = true;
        for (Curve c : curves) {
            Optional<CurveMinimum> found = CurveMinimum.of(x, c.mean(), c.ci95(), c.lower(), c.lowerCi95());
            if (found.isEmpty()) {
                continue;
            }
            CurveMinimum m = found.get();
            intervals &= m.intervals();
            allEnds &= !m.interior() && m.separated();
            String at = "the " + c.what() + " is lowest at " + batchKey + " = " + Html.number(m.x()) + " ("
                    + Html.meanCi(m.mean(), m.ci95(), ValidRange.NON_NEGATIVE) + " " + c.unit() + ")";
            if (m.uShown()) {
                shown.add(at + ", an interior batch size, and the 95% CIs at " + Html.number(x[m.first()]) + " and "
                        + Html.number(x[m.last()]) + (!c.ranged() ? "" : " (of the least time each could have taken)")
                        + " lie wholly above it");
            } else if (m.interior()) {
                notShown.add(at + ", an interior batch size, but " + (m.intervals()
                        ? "the 95% CI at an end overlaps it, so the seeds do not establish the U"
                        : "one seed per batch size gives no interval to establish the U"));
            } else {
                notShown.add(at + ", the " + (m.row() == m.first() ? "smallest" : "largest") + " batch size "
                        + (m.first() == 0 && m.last() == x.length - 1 ? "swept" : "measured") + ": no interior minimum between "
                        + Html.number(x[m.first()]) + " and " + Html.number(x[m.last()])
                        + (m.separated() ? "" : " (other 95% CIs overlap it)"));
            }
        }
        if (shown.isEmpty() && notShown.isEmpty()) {
            return new Verdict(Verdict.Outcome.NOT_ASSESSED, "No time was measured for the batch sizes: the U-curve is not assessed.");
        }
        if (!shown.isEmpty()) {
            return new Verdict(Verdict.Outcome.AGREES, "Shown: " + String.join("; ", shown) + ": the chapter's U-curve."
                    + (notShown.isEmpty() ? "" : " Not shown by " + (notShown.size() == 1 ? "the other curve: " : "the other curves: ")
                    + String.join("; ", notShown) + "."));
        }
        Verdict.Outcome outcome = !intervals ? Verdict.Outcome.NOT_ASSESSED
                : allEnds ? Verdict.Outcome.DIFFERS : Verdict.Outcome.INCONCLUSIVE;
        return new Verdict(outcome, "Not shown in this sweep: " + String.join("; ", notShown) + ".");
    }

    /**
     * The time to the target in words: how it is measured, the batch size where it is lowest with its updates (and,
     * unless {@code judged} says the verdict already places that minimum, its CI and whether the seeds separate it
     * from the ends), the batch sizes whose time is bounded only from above (every seed reached the target at its
     * first test measurement), and the batch sizes where not every seed reached the target.
     */
    static List<String> timeToTarget(TimeToTarget.Sweep sweep, String batchKey, boolean judged) {
        Table t = sweep.perConfiguration();
        List<String> out = new ArrayList<>();
        String target = "test accuracy " + Html.number(sweep.target());
        if (!(t.column(batchKey) instanceof NumericColumn<?> b)) {
            return out;
        }
        double[] x = b.asDoubleArray();
        double[] seconds = t.doubleColumn(TimeToTarget.TIME_TO_TARGET_S + Aggregation.MEAN).asDoubleArray();
        double[] before = t.doubleColumn(TimeToTarget.TIME_BEFORE_TARGET_S + Aggregation.MEAN).asDoubleArray();
        Optional<CurveMinimum> found = CurveMinimum.of(x, seconds,
                t.doubleColumn(TimeToTarget.TIME_TO_TARGET_S + Aggregation.CI95).asDoubleArray(), before,
                t.doubleColumn(TimeToTarget.TIME_BEFORE_TARGET_S + Aggregation.CI95).asDoubleArray());
        if (found.isEmpty()) {
            out.add("Time to " + target + ": no batch size reached it with every seed.");
        } else {
            CurveMinimum m = found.get();
            double updates = t.doubleColumn(TimeToTarget.UPDATES_TO_TARGET + Aggregation.MEAN).getDouble(m.row());
            double updatesCi = t.doubleColumn(TimeToTarget.UPDATES_TO_TARGET + Aggregation.CI95).getDouble(m.row());
            String measure = "Time to " + target + " = updates to the first test measurement that reaches it x the steady time per update";
            out.add(judged
                    ? measure + "; at " + batchKey + " = " + Html.number(m.x()) + ", where it is lowest, "
                            + Html.meanCi(updates, updatesCi, ValidRange.NON_NEGATIVE) + " updates."
                    : measure + "; it is lowest at " + batchKey + " = " + Html.number(m.x()) + ": "
                            + Html.meanCi(m.mean(), m.ci95(), ValidRange.NON_NEGATIVE) + " s after "
                            + Html.meanCi(updates, updatesCi, ValidRange.NON_NEGATIVE) + " updates; "
                            + (m.uShown() ? "an interior minimum that the 95% CIs at both ends of the reached batch sizes lie wholly above."
                            : m.interior() ? "an interior minimum, but an end's 95% CI overlaps it."
                            : "at an end of the batch sizes that reached it, so no interior minimum."));
        }
        List<String> firstEpoch = new ArrayList<>();
        for (int c = 0; c < t.rowCount(); c++) {
            if (before[c] == 0) {
                firstEpoch.add(Html.number(x[c]));
            }
        }
        if (!firstEpoch.isEmpty()) {
            out.add("Test accuracy is measured after each epoch (and every training.eval_every updates when set), so each time "
                    + "to target is the top of a range that starts at the measurement before the one that reached it; "
                    + batchKey + " = " + String.join(", ", firstEpoch) + " reached it at " + (firstEpoch.size() == 1 ? "its" : "their")
                    + " first measurement, so "
                    + (firstEpoch.size() == 1 ? "its time could be anything up to its value" : "their times could be anything up to their values")
                    + " and cannot lie above the minimum.");
        }
        List<String> missed = new ArrayList<>();
        for (int c = 0; c < t.rowCount(); c++) {
            if (t.intColumn(TimeToTarget.N_REACHED).getInt(c) < t.intColumn(Aggregation.N).getInt(c)) {
                missed.add(Html.number(x[c]) + " (" + sweep.reachedOf(c) + " seeds)");
            }
        }
        if (!missed.isEmpty()) {
            out.add("Not reached by every seed within the epochs run, so no time is given: " + batchKey + " = "
                    + String.join(", ", missed) + ".");
        }
        return out;
    }
}
