package ffnlab.results;

import ffnlab.train.EpochRecord;
import ffnlab.train.ProbeRecord;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Collectors;

/**
 * What a finished trial's folder holds besides trial.yaml and provenance.yaml, named once for the code that writes it
 * ({@link #metricsCsv}, {@link #summary}) and the code that reads it back ({@code ffnlab.analysis.FinishedTrial}):
 * metrics.csv has one row per epoch with the {@link Column}s in order; summary.yaml has {@link #STATUS},
 * {@link #DIVERGED_EPOCH}, {@link #EPOCHS_RUN}, the {@link Metric}s, {@link #WALL_TIME_S} and
 * {@link #PARAMETERS_SHA256}; probes.csv, written only when the test set was measured between batches
 * ({@code training.eval_every}), has one row per such measurement with the {@link ProbeColumn}s in order. Names are snake_case with units in the name ({@code _s} seconds, {@code _us}
 * microseconds, {@code _orig} the data's original units); numbers are written in Java's round-trip form, NaN as
 * "NaN" in metrics.csv and {@code .nan} in summary.yaml.
 */
public final class TrialSchema {
    /** summary.yaml: {@link #FINISHED} or {@link #DIVERGED}. */
    public static final String STATUS = "status";
    public static final String FINISHED = "finished";
    public static final String DIVERGED = "diverged";
    /** summary.yaml: the epoch whose loss was divergent, or 0. */
    public static final String DIVERGED_EPOCH = "diverged_epoch";
    /** summary.yaml: how many epochs ran. */
    public static final String EPOCHS_RUN = "epochs_run";
    /** summary.yaml: the trial's wall time, seconds. */
    public static final String WALL_TIME_S = "wall_time_s";
    /** summary.yaml: hash of the returned parameters. */
    public static final String PARAMETERS_SHA256 = "parameters_sha256";

    private TrialSchema() {
    }

    /**
     * metrics.csv's columns, in order. {@code *_mse_orig} is the m.s.e. in the data's original units (NaN for
     * classification); {@link #EPOCH} and {@link #UPDATES} are integers, the rest doubles.
     */
    public enum Column {
        EPOCH("epoch", true, (r, o) -> r.epoch()),
        TRAIN_LOSS("train_loss", false, (r, o) -> r.trainLoss()),
        TEST_LOSS("test_loss", false, (r, o) -> r.testLoss()),
        TRAIN_MSE("train_mse", false, (r, o) -> r.trainMse()),
        TEST_MSE("test_mse", false, (r, o) -> r.testMse()),
        TRAIN_MSE_ORIG("train_mse_orig", false, (r, o) -> original(r.trainMse(), o)),
        TEST_MSE_ORIG("test_mse_orig", false, (r, o) -> original(r.testMse(), o)),
        TRAIN_ACCURACY("train_accuracy", false, (r, o) -> r.trainAccuracy()),
        TEST_ACCURACY("test_accuracy", false, (r, o) -> r.testAccuracy()),
        EPOCH_TIME_S("epoch_time_s", false, (r, o) -> r.epochTimeS()),
        UPDATES("updates", true, (r, o) -> r.updates()),
        UPDATE_TIME_US("update_time_us", false, (r, o) -> r.updateTimeUs());

        /** The column names in order: metrics.csv's header. */
        public static final List<String> KEYS = Arrays.stream(values()).map(Column::key).toList();

        private final String key;
        private final boolean integer;
        private final Value value;

        Column(String key, boolean integer, Value value) {
            this.key = key;
            this.integer = integer;
            this.value = value;
        }

        public String key() {
            return key;
        }

        /** Whether the column holds whole numbers (else doubles, NaN allowed). */
        public boolean integer() {
            return integer;
        }

        /** This column's value for one epoch; {@code toOriginal} turns a scaled m.s.e. into original units. */
        public double of(EpochRecord epoch, DoubleUnaryOperator toOriginal) {
            return value.of(epoch, toOriginal);
        }

        private interface Value {
            double of(EpochRecord epoch, DoubleUnaryOperator toOriginal);
        }
    }

    /**
     * probes.csv's columns, in order: the test set measured between an epoch's batches ({@link ProbeRecord}).
     * {@link #UPDATES} counts the weight updates made since training began; {@link #EPOCH} and it are integers.
     */
    public enum ProbeColumn {
        EPOCH("epoch", true, (r, o) -> r.epoch()),
        UPDATES("updates", true, (r, o) -> r.updates()),
        TEST_LOSS("test_loss", false, (r, o) -> r.testLoss()),
        TEST_MSE("test_mse", false, (r, o) -> r.testMse()),
        TEST_MSE_ORIG("test_mse_orig", false, (r, o) -> original(r.testMse(), o)),
        TEST_ACCURACY("test_accuracy", false, (r, o) -> r.testAccuracy());

        /** The column names in order: probes.csv's header. */
        public static final List<String> KEYS = Arrays.stream(values()).map(ProbeColumn::key).toList();

        private final String key;
        private final boolean integer;
        private final Value value;

        ProbeColumn(String key, boolean integer, Value value) {
            this.key = key;
            this.integer = integer;
            this.value = value;
        }

        public String key() {
            return key;
        }

        /** Whether the column holds whole numbers (else doubles, NaN allowed). */
        public boolean integer() {
            return integer;
        }

        private interface Value {
            double of(ProbeRecord probe, DoubleUnaryOperator toOriginal);
        }
    }

    /**
     * The summary.yaml quantities of one trial that are aggregated over seeds. The {@code final_} metrics are the
     * metrics.csv {@link #column} of one epoch, {@code final_epoch}: the epoch whose parameters the trial returns
     * (parameters.csv, predictions.csv), the last that ran or, when early stopping ended the run, the restored epoch
     * with the lowest validation loss. {@code best_test_mse} is the lowest test m.s.e. over the epochs (regression;
     * NaN for classification), {@code best_test_accuracy} the highest test accuracy (classification; NaN for
     * regression), both at {@code best_test_epoch}. The mean times are over epochs 2.. when there are several, so the
     * JIT's warm-up epoch does not count.
     */
    public enum Metric {
        FINAL_TRAIN_LOSS("final_train_loss", "final train loss", Column.TRAIN_LOSS),
        FINAL_TEST_LOSS("final_test_loss", "final test loss", Column.TEST_LOSS),
        FINAL_TRAIN_MSE("final_train_mse", "final train m.s.e. (scaled)", Column.TRAIN_MSE),
        FINAL_TEST_MSE("final_test_mse", "final test m.s.e. (scaled)", Column.TEST_MSE),
        FINAL_TRAIN_MSE_ORIG("final_train_mse_orig", "final train m.s.e. (original units)", Column.TRAIN_MSE_ORIG),
        FINAL_TEST_MSE_ORIG("final_test_mse_orig", "final test m.s.e. (original units)", Column.TEST_MSE_ORIG),
        FINAL_TRAIN_ACCURACY("final_train_accuracy", "final train accuracy", Column.TRAIN_ACCURACY),
        FINAL_TEST_ACCURACY("final_test_accuracy", "final test accuracy", Column.TEST_ACCURACY),
        FINAL_EPOCH("final_epoch", "epoch of the final metrics (restored by early stopping, else the last)", null),
        BEST_TEST_MSE("best_test_mse", "lowest test m.s.e. over the epochs (scaled)", null),
        BEST_TEST_ACCURACY("best_test_accuracy", "highest test accuracy over the epochs", null),
        BEST_TEST_EPOCH("best_test_epoch", "epoch of the best test m.s.e. or accuracy", null),
        MEAN_EPOCH_TIME_S("mean_epoch_time_s", "time per epoch, s", null),
        MEAN_UPDATE_TIME_US("mean_update_time_us", "time per weight update, us", null);

        /** The {@code final_} metrics, in order. */
        public static final List<Metric> FINAL = Arrays.stream(values()).filter(m -> m.column != null).toList();

        private final String key;
        private final String label;
        private final Column column;

        Metric(String key, String label, Column column) {
            this.key = key;
            this.label = label;
            this.column = column;
        }

        /** The summary.yaml key and the column name in trial tables. */
        public String key() {
            return key;
        }

        /** Words for a table header or an axis. */
        public String label() {
            return label;
        }
    }

    /** metrics.csv's text: the header, then one row per epoch, in order. */
    public static String metricsCsv(List<EpochRecord> epochs, DoubleUnaryOperator toOriginal) {
        StringBuilder b = new StringBuilder(String.join(",", Column.KEYS)).append('\n');
        for (EpochRecord r : epochs) {
            b.append(Arrays.stream(Column.values()).map(c -> number(c.of(r, toOriginal), c.integer()))
                    .collect(Collectors.joining(","))).append('\n');
        }
        return b.toString();
    }

    /** probes.csv's text: the header, then one row per measurement between batches, in order. */
    public static String probesCsv(List<ProbeRecord> probes, DoubleUnaryOperator toOriginal) {
        StringBuilder b = new StringBuilder(String.join(",", ProbeColumn.KEYS)).append('\n');
        for (ProbeRecord r : probes) {
            b.append(Arrays.stream(ProbeColumn.values()).map(c -> number(c.value.of(r, toOriginal), c.integer()))
                    .collect(Collectors.joining(","))).append('\n');
        }
        return b.toString();
    }

    /**
     * summary.yaml's content, computed from the epochs.
     *
     * @param epochs           the epochs that ran
     * @param finalEpoch       the epoch whose parameters the trial returns (1-based; 0 when none ran)
     * @param divergedEpoch    the epoch whose loss was divergent, or 0
     * @param classification   whether the test metric is accuracy (else m.s.e.)
     * @param toOriginal       scaled m.s.e. to original units
     * @param wallTimeS        the trial's wall time, seconds
     * @param parametersSha256 hash of the returned parameters
     */
    public static Map<String, Object> summary(List<EpochRecord> epochs, int finalEpoch, int divergedEpoch, boolean classification,
                                              DoubleUnaryOperator toOriginal, double wallTimeS, String parametersSha256) {
        if (finalEpoch < 0 || finalEpoch > epochs.size()) {
            throw new IllegalArgumentException("final epoch " + finalEpoch + " of " + epochs.size() + " epochs");
        }
        EpochRecord last = finalEpoch == 0 ? null : epochs.get(finalEpoch - 1);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put(STATUS, divergedEpoch > 0 ? DIVERGED : FINISHED);
        s.put(DIVERGED_EPOCH, divergedEpoch);
        s.put(EPOCHS_RUN, epochs.size());
        s.put(Metric.FINAL_EPOCH.key(), finalEpoch);
        for (Metric m : Metric.FINAL) {
            s.put(m.key(), last == null ? Double.NaN : m.column.of(last, toOriginal));
        }
        double best = Double.NaN;
        int bestEpoch = 0;
        for (EpochRecord r : epochs) {
            double e = classification ? r.testAccuracy() : r.testMse();
            if (!Double.isNaN(e) && (Double.isNaN(best) || (classification ? e > best : e < best))) {
                best = e;
                bestEpoch = r.epoch();
            }
        }
        s.put(Metric.BEST_TEST_MSE.key(), classification ? Double.NaN : best);
        s.put(Metric.BEST_TEST_ACCURACY.key(), classification ? best : Double.NaN);
        s.put(Metric.BEST_TEST_EPOCH.key(), bestEpoch);
        List<EpochRecord> timed = epochs.size() > 1 ? epochs.subList(1, epochs.size()) : epochs;
        s.put(Metric.MEAN_EPOCH_TIME_S.key(), timed.stream().mapToDouble(EpochRecord::epochTimeS).average().orElse(Double.NaN));
        s.put(Metric.MEAN_UPDATE_TIME_US.key(), timed.stream().mapToDouble(EpochRecord::updateTimeUs).average().orElse(Double.NaN));
        s.put(WALL_TIME_S, wallTimeS);
        s.put(PARAMETERS_SHA256, parametersSha256);
        return s;
    }

    private static double original(double mse, DoubleUnaryOperator toOriginal) {
        return Double.isNaN(mse) ? Double.NaN : toOriginal.applyAsDouble(mse);
    }

    private static String number(double x, boolean integer) {
        return integer ? Long.toString((long) x) : Double.isNaN(x) ? "NaN" : Double.toString(x);
    }
}
