package ffnlab.report;

import ffnlab.analysis.Aggregation;
import ffnlab.analysis.ConfidenceInterval;
import ffnlab.analysis.ErrorMeasure;
import ffnlab.analysis.SeedValues;
import ffnlab.analysis.Optimum;
import ffnlab.analysis.TrialTable;
import ffnlab.analysis.ValidRange;
import ffnlab.results.TrialSchema.Column;
import ffnlab.results.TrialSchema.Metric;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * The "chapter vs measured" box: the chapter's claim (report.chapter), the measured optimum with its unit and its
 * confidence interval clipped to the metric's range (regression also as an RMSE in the target's own unit), the settings
 * not distinguishable from it, the {@link Verdict}, for width and depth sweeps whether the error rises past the optimum
 * ({@link TurnUpVerdict}), and for batch-size sweeps where the times are lowest (the
 * chapter's U-curve). Plain sentences; the page escapes them.
 */
public final class ChapterVsMeasured {
    private ChapterVsMeasured() {
    }

    public static List<String> sentences(ExperimentFindings f) {
        List<String> out = new ArrayList<>();
        ChapterClaims chapter = f.chapter();
        if (!chapter.note().isEmpty()) {
            out.add("Chapter: " + chapter.note());
        }
        Table table = f.perConfiguration();
        if (f.optimum().isPresent()) {
            Optimum o = f.optimum().get();
            String test = f.measure().finalTest().key();
            String what = f.configurations() > 1 ? "Measured: " + (f.measure().higherIsBetter() ? "highest" : "lowest")
                    + " mean final test " + f.measure().label() + " at " + o.configuration()
                    : "Measured final test " + f.measure().label();
            out.add(what + ": " + measured(Html::number, f.measure().unit(),
                    ValidRange.of(f.measure().finalTest()), o.mean(), o.ci95(), n(table, o.row())) + ".");
            originalUnits(f, o).ifPresent(out::add);
            if (f.configurations() > 1) {
                if (!Double.isFinite(o.ci95())) {
                    out.add("One seed per setting: no confidence intervals, so which settings are distinguishable from "
                            + "the optimum is not assessed (run more seeds).");
                } else {
                    out.add(o.indistinguishable().isEmpty()
                            ? "Every other setting is distinguishably worse (no 95% CI overlaps the optimum's)."
                            : "Not distinguishable from it (overlapping 95% CIs): " + String.join("; ", o.indistinguishable()) + ".");
                }
            }
            if (!table.containsColumn(test + Aggregation.MEAN)) {
                out.add("No final test " + f.measure().label() + " was measured.");
            }
        }
        Verdict verdict = Verdict.of(f);
        out.add(verdict.outcome() == Verdict.Outcome.NO_CLAIM ? verdict.sentence()
                : "Verdict: " + verdict.word() + ". " + verdict.sentence());
        TurnUpVerdict.of(f).ifPresent(t -> out.add("Rise past the optimum: " + t.word() + ". " + t.sentence()));
        f.batchKey().ifPresent(b -> {
            if (!Verdict.judgesBatchTimes(f)) {
                out.add(timeShape(table, b, Metric.MEAN_UPDATE_TIME_US.key(), "Time per weight update", "µs"));
                out.add(timeShape(table, b, Metric.MEAN_EPOCH_TIME_S.key(), "Time per epoch", "s"));
            }
            f.timeToTarget().ifPresent(t -> out.addAll(BatchSizeClaim.timeToTarget(t, b, Verdict.judgesBatchTimes(f))));
            MachineLoad.of(f.results().trials()).ifPresent(l -> out.add(l.sentence()));
            out.addAll(BatchTimeExplanation.sentences(f, b));
        });
        return out;
    }

    /**
     * A measured value with its unit and interval: {@code 0.312 (scaled m.s.e.; 95% CI [0.301, 0.323], n = 3)}, the
     * interval clipped to the metric's range; one seed says so instead of quoting an interval. An empty unit is left
     * out (when {@code format} writes it, as in {@code $59,134}).
     */
    static String measured(java.util.function.DoubleFunction<String> format, String unit, ValidRange range, double mean,
                           double ci95, int n) {
        String prefix = format.apply(mean) + " (" + (unit.isEmpty() ? "" : unit + "; ");
        if (n < 2 || !Double.isFinite(ci95)) {
            return prefix + (n == 1 ? "one seed" : "n = " + n) + ", no interval)";
        }
        return prefix + "95% CI [" + format.apply(range.lower(mean, ci95)) + ", " + format.apply(range.upper(mean, ci95))
                + "], n = " + n + ")";
    }

    /**
     * The optimum's test error in the data's own units, for regression with an original-unit m.s.e.: the RMSE of each
     * seed (the root of its m.s.e. in squared target units, dollars for housing), then their mean and interval.
     */
    static java.util.Optional<String> originalUnits(ExperimentFindings f, Optimum o) {
        if (f.measure().higherIsBetter()) {
            return java.util.Optional.empty();
        }
        double[] mse = SeedValues.of(f.trials(), f.perConfiguration(), Metric.FINAL_TEST_MSE_ORIG.key()).values()[o.row()];
        if (mse.length == 0) {
            return java.util.Optional.empty();
        }
        ConfidenceInterval.Mean rmse = ConfidenceInterval.of(java.util.Arrays.stream(mse).map(ErrorMeasure::rmse).toArray());
        String unit = f.targetQuantityAndUnit().get(1);
        return java.util.Optional.of("On the original target: test RMSE " + measured(v -> Html.amount(v, unit), "",
                ValidRange.NON_NEGATIVE, rmse.mean(), rmse.halfWidth(), rmse.n()) + ".");
    }

    private static int n(Table table, int row) {
        return table.intColumn(Aggregation.N).getInt(row);
    }

    /**
     * The chapter's training m.s.e. beside the measured one: at epoch N ({@code mse_after_N_epochs}, from the learning
     * curves of the first configuration that ran N epochs) or at the end (the optimum's, else the first configuration's).
     */
    static Verdict mseVerdict(ExperimentFindings f) {
        double claimed = f.chapter().mse().getAsDouble();
        double mean = Double.NaN;
        double ci = Double.NaN;
        String where;
        if (f.chapter().mseEpoch().isPresent()) {
            int epoch = f.chapter().mseEpoch().getAsInt();
            where = "after " + epoch + " epochs";
            Table curves = f.curves();
            String column = Column.TRAIN_MSE.key() + Aggregation.MEAN;
            if (curves.containsColumn(column)) {
                for (int i = 0; i < curves.rowCount(); i++) {
                    if (curves.intColumn(Column.EPOCH.key()).getInt(i) == epoch && Double.isFinite(curves.doubleColumn(column).getDouble(i))) {
                        mean = curves.doubleColumn(column).getDouble(i);
                        ci = curves.doubleColumn(Column.TRAIN_MSE.key() + Aggregation.CI95).getDouble(i);
                        where += " (" + curves.stringColumn(TrialTable.CONFIGURATION).get(i) + ")";
                        break;
                    }
                }
            }
        } else {
            where = "at the end";
            Table table = f.perConfiguration();
            String column = Metric.FINAL_TRAIN_MSE.key() + Aggregation.MEAN;
            if (table.containsColumn(column) && table.rowCount() > 0) {
                int row = f.optimum().map(Optimum::row).orElse(0);
                mean = table.doubleColumn(column).getDouble(row);
                ci = table.doubleColumn(Metric.FINAL_TRAIN_MSE.key() + Aggregation.CI95).getDouble(row);
            }
        }
        if (!Double.isFinite(mean)) {
            return new Verdict(Verdict.Outcome.NOT_ASSESSED, "Training m.s.e. " + where + ": chapter "
                    + Html.number(claimed) + ", not measured.");
        }
        // agreement: within the seeds' interval, or within the chapter's printing precision (5 in the last of 3 digits)
        boolean agrees = Math.abs(mean - claimed) <= Math.max(0.005 * Math.abs(claimed), Double.isFinite(ci) ? ci : 0) + 5e-4;
        return new Verdict(agrees ? Verdict.Outcome.AGREES : Verdict.Outcome.DIFFERS, "Training m.s.e. " + where
                + ": chapter " + Html.number(claimed) + ", measured " + Html.meanCi(mean, ci) + " (scaled m.s.e.)"
                + (agrees ? ", equal to the chapter's printed digits or within the seeds' interval." : "."));
    }

    /**
     * Where a mean time (per weight update, per epoch) is lowest over the batch sizes, and whether its curve is a U
     * (lowest at an interior batch size) or falls or grows over the whole sweep.
     */
    static String timeShape(Table table, String batchKey, String metric, String what, String unit) {
        String column = metric + Aggregation.MEAN;
        if (!table.containsColumn(column) || table.rowCount() < 2 || !(table.column(batchKey) instanceof tech.tablesaw.api.NumericColumn<?>)) {
            return what + ": not measured for every batch size.";
        }
        double[] b = table.doubleColumn(batchKey).asDoubleArray();
        double[] t = table.doubleColumn(column).asDoubleArray();
        int best = -1;
        for (int i = 0; i < t.length; i++) {
            if (Double.isFinite(t[i]) && (best < 0 || t[i] < t[best])) {
                best = i;
            }
        }
        if (best < 0) {
            return what + ": not measured.";
        }
        String where = what + " is lowest at " + batchKey + " = " + Html.number(b[best]) + " (" + Html.number(t[best])
                + " " + unit + ")";
        if (best == argExtreme(b, true)) {
            return where + ", the smallest batch size: no interior minimum, so no U-curve in this sweep.";
        }
        if (best == argExtreme(b, false)) {
            return where + ", the largest batch size: no interior minimum, so no U-curve in this sweep.";
        }
        return where + ", an interior batch size: a U-curve in the means; the verdict says whether the seeds' 95% CIs "
                + "establish it.";
    }

    /** The chapter's U-curve over batch sizes: {@link BatchSizeClaim#verdict}. */
    static Verdict uCurve(ExperimentFindings f, String batchKey) {
        return BatchSizeClaim.verdict(f.perConfiguration(), batchKey, f.timeToTarget());
    }

    private static int argExtreme(double[] x, boolean min) {
        int k = 0;
        for (int i = 1; i < x.length; i++) {
            if (min ? x[i] < x[k] : x[i] > x[k]) {
                k = i;
            }
        }
        return k;
    }
}
