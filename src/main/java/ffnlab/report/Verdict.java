package ffnlab.report;

import ffnlab.analysis.Aggregation;
import ffnlab.analysis.Optimum;
import ffnlab.analysis.TrialTable;
import ffnlab.plot.SweptAxis;
import java.util.OptionalDouble;
import tech.tablesaw.api.Table;

/**
 * What the measurement says about the chapter's claim, in one word and one sentence. The word is "agrees" or
 * "differs" only when the seeds can tell: an optimum whose 95% confidence interval overlaps another setting's is
 * "inconclusive", one seed per setting is "not assessed", and an experiment that states no claim gets "no claim".
 *
 * @param outcome  the word
 * @param sentence why, in words a reader can check against the table and the plots
 */
public record Verdict(Outcome outcome, String sentence) {
    /** The verdict's word. */
    public enum Outcome {
        AGREES("agrees"), DIFFERS("differs"), INCONCLUSIVE("inconclusive"), NOT_ASSESSED("not assessed"),
        NO_CLAIM("no claim");

        private final String word;

        Outcome(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /** The word as shown on the page. */
    public String word() {
        return outcome.word();
    }

    /**
     * The verdict on the experiment's main claim: the chapter's optimum when it states one, else its training m.s.e.,
     * else, for a batch-size sweep with a chapter note, the U-curve of the time per weight update.
     */
    public static Verdict of(ExperimentFindings f) {
        ChapterClaims chapter = f.chapter();
        if (chapter.optimum().isPresent()) {
            return optimum(f, chapter.optimum().get());
        }
        if (chapter.mse().isPresent()) {
            return ChapterVsMeasured.mseVerdict(f);
        }
        if (judgesBatchTimes(f)) {
            return ChapterVsMeasured.uCurve(f, f.batchKey().get());
        }
        return new Verdict(Outcome.NO_CLAIM, chapter.note().isEmpty()
                ? "The experiment states no chapter claim to compare with (report.chapter)."
                : "The chapter's note gives no optimum or m.s.e. to compare with: nothing to judge.");
    }

    /**
     * Whether the main verdict is the U-curve over batch sizes, which judges the time per epoch and per weight update
     * itself: a batch-size sweep with a chapter note and no optimum or m.s.e. to compare with.
     */
    static boolean judgesBatchTimes(ExperimentFindings f) {
        ChapterClaims chapter = f.chapter();
        return chapter.optimum().isEmpty() && chapter.mse().isEmpty() && !chapter.note().isEmpty()
                && f.batchKey().isPresent() && f.configurations() > 1;
    }

    private static Verdict optimum(ExperimentFindings f, Object claimed) {
        String name = "The chapter's optimum (" + claimed + ")";
        if (f.optimum().isEmpty()) {
            return new Verdict(Outcome.NOT_ASSESSED, name + " cannot be compared: no configuration has a final test "
                    + f.measure().label() + ".");
        }
        Optimum o = f.optimum().get();
        int row = claimedRow(f, claimed);
        if (row < 0) {
            return new Verdict(Outcome.NOT_ASSESSED, name + " was not among the swept values, so it cannot be compared.");
        }
        if (!Double.isFinite(o.ci95())) {
            return new Verdict(Outcome.NOT_ASSESSED, name + ": one seed per setting gives no confidence interval, so "
                    + "whether it is best is not assessed (run more seeds).");
        }
        Table table = f.perConfiguration();
        String configuration = table.stringColumn(TrialTable.CONFIGURATION).get(row);
        int others = f.configurations() - 1;
        if (row == o.row()) {
            if (o.indistinguishable().isEmpty()) {
                return new Verdict(Outcome.AGREES, name + " is also the measured optimum, and every other setting's 95% CI "
                        + "lies clear of it.");
            }
            return new Verdict(Outcome.INCONCLUSIVE, name + " has the best mean, but the 95% CIs of "
                    + o.indistinguishable().size() + " of the " + others + " other settings overlap it ("
                    + String.join("; ", o.indistinguishable()) + "): the seeds cannot separate them.");
        }
        if (o.indistinguishable().contains(configuration)) {
            return new Verdict(Outcome.INCONCLUSIVE, name + " and the measured optimum (" + o.configuration()
                    + ") have overlapping 95% CIs: the seeds cannot tell which is better.");
        }
        String key = f.measure().finalTest().key();
        return new Verdict(Outcome.DIFFERS, name + " measures " + Html.number(table.doubleColumn(key + Aggregation.MEAN)
                .getDouble(row)) + ", distinguishably worse than the measured optimum (" + o.configuration() + ", "
                + Html.number(o.mean()) + "; the 95% CIs do not overlap).");
    }

    /**
     * The per-configuration row of the claimed optimum on the report's x key (with a second swept key, the one of
     * those rows with the best mean), or -1.
     */
    private static int claimedRow(ExperimentFindings f, Object claimed) {
        Table table = f.perConfiguration();
        String xKey = f.results().xKey();
        if (xKey == null) {
            return -1;
        }
        SweptAxis axis = SweptAxis.of(table, xKey);
        OptionalDouble number = f.chapter().numericOptimum();
        String meanColumn = f.measure().finalTest().key() + Aggregation.MEAN;
        int row = -1;
        for (int i = 0; i < table.rowCount(); i++) {
            boolean same = axis.numeric() && number.isPresent() ? axis.values()[i] == number.getAsDouble()
                    : axis.labels().get(i).equals(String.valueOf(claimed));
            if (same && (row < 0 || table.containsColumn(meanColumn) && f.measure().better(
                    table.doubleColumn(meanColumn).getDouble(i), table.doubleColumn(meanColumn).getDouble(row)))) {
                row = i;
            }
        }
        return row;
    }
}
