package ffnlab.report;

import ffnlab.analysis.Aggregation;
import ffnlab.analysis.Optimum;
import ffnlab.analysis.TrialTable;
import ffnlab.plot.SweptAxis;
import ffnlab.results.TrialSchema.Column;
import ffnlab.results.TrialSchema.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import tech.tablesaw.api.Table;

/**
 * The "chapter vs measured" box: the chapter's claim (report.chapter), the measured optimum with its confidence
 * interval, the settings not distinguishable from it, whether the chapter's optimum agrees, and for batch-size
 * sweeps where the time per weight update is lowest (the chapter's U-curve). Plain sentences; the page escapes them.
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
        String test = f.measure().finalTest().key();
        if (f.optimum().isPresent() && f.configurations() > 1) {
            Optimum o = f.optimum().get();
            out.add("Measured: " + (f.measure().higherIsBetter() ? "highest" : "lowest") + " mean final test "
                    + f.measure().label() + " at " + o.configuration() + ": " + Html.meanCi(o.mean(), o.ci95())
                    + " (95% CI, n = " + table.intColumn(Aggregation.N).getInt(o.row()) + ").");
            boolean intervals = Double.isFinite(o.ci95());
            if (!intervals) {
                out.add("One seed per setting: no confidence intervals, so which settings are distinguishable from the "
                        + "optimum is not assessed (run more seeds).");
            } else {
                out.add(o.indistinguishable().isEmpty()
                        ? "Every other setting is distinguishably worse (no 95% CI overlaps the optimum's)."
                        : "Not distinguishable from it (overlapping 95% CIs): " + String.join("; ", o.indistinguishable()) + ".");
            }
            chapter.optimum().ifPresent(claimed -> out.add(verdict(f, o, claimed)));
        } else if (f.optimum().isPresent()) {
            Optimum o = f.optimum().get();
            out.add("Measured final test " + f.measure().label() + ": " + Html.meanCi(o.mean(), o.ci95()) + " (95% CI, n = "
                    + table.intColumn(Aggregation.N).getInt(o.row()) + ").");
        }
        if (chapter.mse().isPresent()) {
            out.add(mseVerdict(f));
        }
        f.batchKey().ifPresent(b -> {
            out.add(timeShape(table, b, Metric.MEAN_UPDATE_TIME_US.key(), "Time per weight update", "us"));
            out.add(timeShape(table, b, Metric.MEAN_EPOCH_TIME_S.key(), "Time per epoch", "s"));
        });
        if (out.isEmpty()) {
            out.add("No chapter claim is recorded for this experiment (report.chapter in the experiment file).");
        }
        return out;
    }

    private static String verdict(ExperimentFindings f, Optimum o, Object claimed) {
        Table table = f.perConfiguration();
        String xKey = f.results().xKey();
        int row = -1;
        if (xKey != null) {
            SweptAxis axis = SweptAxis.of(table, xKey);
            OptionalDouble number = f.chapter().numericOptimum();
            for (int i = 0; i < table.rowCount(); i++) {
                boolean same = axis.numeric() && number.isPresent() ? axis.x()[i] == number.getAsDouble()
                        : axis.labels().get(i).equals(String.valueOf(claimed));
                if (same) {
                    row = i;
                    break;
                }
            }
        }
        String name = "The chapter's optimum (" + claimed + ")";
        if (row < 0) {
            return name + " was not among the swept values, so it cannot be compared.";
        }
        String configuration = table.stringColumn(TrialTable.CONFIGURATION).get(row);
        String key = f.measure().finalTest().key();
        String measured = Html.meanCi(table.doubleColumn(key + Aggregation.MEAN).getDouble(row),
                table.doubleColumn(key + Aggregation.CI95).getDouble(row));
        if (row == o.row()) {
            return name + " is also the measured optimum: agrees.";
        }
        if (!Double.isFinite(o.ci95())) {
            return name + " measures " + measured + " against the optimum's " + Html.number(o.mean()) + " at "
                    + o.configuration() + " (one seed: the difference is not tested).";
        }
        if (o.indistinguishable().contains(configuration)) {
            return name + " measures " + measured + ", within the overlap of the optimum's 95% CI: agrees within the "
                    + "noise of the seeds, though the measured mean is best at " + o.configuration() + ".";
        }
        return name + " measures " + measured + ", distinguishably worse than the measured optimum ("
                + o.configuration() + "): the measurement differs from the chapter.";
    }

    /**
     * The chapter's training m.s.e. beside the measured one: at epoch N ({@code mse_after_N_epochs}, from the learning
     * curves of the first configuration that ran N epochs) or at the end (the optimum's, else the first configuration's).
     */
    static String mseVerdict(ExperimentFindings f) {
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
            return "Training m.s.e. " + where + ": chapter " + Html.number(claimed) + ", not measured.";
        }
        // agreement: within the seeds' interval, or within the chapter's printing precision (5 in the last of 3 digits)
        boolean agrees = Math.abs(mean - claimed) <= Math.max(0.005 * Math.abs(claimed), Double.isFinite(ci) ? ci : 0) + 5e-4;
        return "Training m.s.e. " + where + ": chapter " + Html.number(claimed) + ", measured " + Html.meanCi(mean, ci)
                + (agrees ? " (agrees)." : " (differs).");
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
        return where + ", an interior batch size: a U-curve, as the chapter describes.";
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
