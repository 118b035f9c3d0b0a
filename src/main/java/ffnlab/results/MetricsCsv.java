package ffnlab.results;

import ffnlab.train.EpochRecord;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * metrics.csv: one row per epoch with the columns of {@link #HEADER}. {@code *_mse_orig} is the m.s.e. in the
 * data's original units (NaN for classification); numbers are written in Java's round-trip form, NaN as "NaN".
 */
public final class MetricsCsv {
    /** The header, exactly as the report engineer and the gate read it. */
    public static final String HEADER = "epoch,train_loss,test_loss,train_mse,test_mse,train_mse_orig,test_mse_orig,"
            + "train_accuracy,test_accuracy,epoch_time_s,updates,update_time_us";

    private MetricsCsv() {
    }

    /**
     * @param records   the epochs, in order
     * @param toOriginal turns a scaled m.s.e. into original units (e.g. {@code PreparedData::mseInOriginalUnits})
     */
    public static String write(List<EpochRecord> records, DoubleUnaryOperator toOriginal) {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (EpochRecord r : records) {
            b.append(r.epoch()).append(',').append(num(r.trainLoss())).append(',').append(num(r.testLoss())).append(',')
                    .append(num(r.trainMse())).append(',').append(num(r.testMse())).append(',')
                    .append(num(orig(r.trainMse(), toOriginal))).append(',').append(num(orig(r.testMse(), toOriginal))).append(',')
                    .append(num(r.trainAccuracy())).append(',').append(num(r.testAccuracy())).append(',')
                    .append(num(r.epochTimeS())).append(',').append(r.updates()).append(',').append(num(r.updateTimeUs())).append('\n');
        }
        return b.toString();
    }

    static double orig(double mse, DoubleUnaryOperator toOriginal) {
        return Double.isNaN(mse) ? Double.NaN : toOriginal.applyAsDouble(mse);
    }

    static String num(double x) {
        return Double.isNaN(x) ? "NaN" : String.format(Locale.ROOT, "%s", x);
    }
}
