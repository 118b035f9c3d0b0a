package ffnlab.results;

import ffnlab.train.EpochRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * summary.yaml's content, computed from the epochs. Every {@code final_*} metric is of one epoch, {@code final_epoch}:
 * the epoch whose parameters the trial returns (parameters.csv, predictions.csv): the last that ran, or, when
 * early stopping ended the run, the restored epoch with the lowest validation loss. {@code best_test_mse} is the
 * lowest test m.s.e. over the epochs (regression; NaN for classification), {@code best_test_accuracy} the highest
 * test accuracy (classification; NaN for regression), both at {@code best_test_epoch}. Then mean epoch time and time
 * per update (over epochs 2.. when there are several, so the JIT's warm-up epoch does not count), wall time and the
 * final parameters' hash.
 */
public final class TrialSummary {
    private TrialSummary() {
    }

    /**
     * @param records          the epochs that ran
     * @param finalEpoch       the epoch whose parameters the trial returns (1-based; 0 when none ran)
     * @param divergedEpoch    the epoch whose loss was divergent, or 0
     * @param classification   whether the test metric is accuracy (else m.s.e.)
     * @param toOriginal       scaled m.s.e. to original units
     * @param wallTimeS        the trial's wall time, seconds
     * @param parametersSha256 hash of the returned parameters
     */
    public static Map<String, Object> of(List<EpochRecord> records, int finalEpoch, int divergedEpoch, boolean classification,
                                         DoubleUnaryOperator toOriginal, double wallTimeS, String parametersSha256) {
        if (finalEpoch < 0 || finalEpoch > records.size()) {
            throw new IllegalArgumentException("final epoch " + finalEpoch + " of " + records.size() + " epochs");
        }
        EpochRecord last = finalEpoch == 0 ? null : records.get(finalEpoch - 1);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("status", divergedEpoch > 0 ? "diverged" : "finished");
        s.put("diverged_epoch", divergedEpoch);
        s.put("epochs_run", records.size());
        s.put("final_epoch", finalEpoch);
        s.put("final_train_loss", last == null ? Double.NaN : last.trainLoss());
        s.put("final_test_loss", last == null ? Double.NaN : last.testLoss());
        s.put("final_train_mse", last == null ? Double.NaN : last.trainMse());
        s.put("final_test_mse", last == null ? Double.NaN : last.testMse());
        s.put("final_train_mse_orig", last == null ? Double.NaN : MetricsCsv.orig(last.trainMse(), toOriginal));
        s.put("final_test_mse_orig", last == null ? Double.NaN : MetricsCsv.orig(last.testMse(), toOriginal));
        s.put("final_train_accuracy", last == null ? Double.NaN : last.trainAccuracy());
        s.put("final_test_accuracy", last == null ? Double.NaN : last.testAccuracy());
        double best = Double.NaN;
        int bestEpoch = 0;
        for (EpochRecord r : records) {
            double e = classification ? r.testAccuracy() : r.testMse();
            if (!Double.isNaN(e) && (Double.isNaN(best) || (classification ? e > best : e < best))) {
                best = e;
                bestEpoch = r.epoch();
            }
        }
        s.put("best_test_mse", classification ? Double.NaN : best);
        s.put("best_test_accuracy", classification ? best : Double.NaN);
        s.put("best_test_epoch", bestEpoch);
        List<EpochRecord> timed = records.size() > 1 ? records.subList(1, records.size()) : records;
        s.put("mean_epoch_time_s", timed.stream().mapToDouble(EpochRecord::epochTimeS).average().orElse(Double.NaN));
        s.put("mean_update_time_us", timed.stream().mapToDouble(EpochRecord::updateTimeUs).average().orElse(Double.NaN));
        s.put("wall_time_s", wallTimeS);
        s.put("parameters_sha256", parametersSha256);
        return s;
    }
}
