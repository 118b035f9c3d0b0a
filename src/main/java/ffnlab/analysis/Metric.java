package ffnlab.analysis;

import java.util.List;

/**
 * The summary quantities of one trial that are aggregated over seeds, named as in summary.yaml (the project's one
 * snake_case vocabulary, units in the name: {@code _s} seconds, {@code _us} microseconds, {@code _orig} the data's
 * original units). The {@code final_} metrics are all of one epoch, {@code final_epoch}; {@code best_test_} ones are
 * the best over the epochs (m.s.e. lowest, accuracy highest). Per-epoch column names of metrics.csv are the constants below.
 */
public enum Metric {
    FINAL_TRAIN_LOSS("final_train_loss", "final train loss"),
    FINAL_TEST_LOSS("final_test_loss", "final test loss"),
    FINAL_TRAIN_MSE("final_train_mse", "final train m.s.e. (scaled)"),
    FINAL_TEST_MSE("final_test_mse", "final test m.s.e. (scaled)"),
    FINAL_TRAIN_MSE_ORIG("final_train_mse_orig", "final train m.s.e. (original units)"),
    FINAL_TEST_MSE_ORIG("final_test_mse_orig", "final test m.s.e. (original units)"),
    FINAL_TRAIN_ACCURACY("final_train_accuracy", "final train accuracy"),
    FINAL_TEST_ACCURACY("final_test_accuracy", "final test accuracy"),
    FINAL_EPOCH("final_epoch", "epoch of the final metrics (restored by early stopping, else the last)"),
    BEST_TEST_MSE("best_test_mse", "lowest test m.s.e. over the epochs (scaled)"),
    BEST_TEST_ACCURACY("best_test_accuracy", "highest test accuracy over the epochs"),
    BEST_TEST_EPOCH("best_test_epoch", "epoch of the best test m.s.e. or accuracy"),
    MEAN_EPOCH_TIME_S("mean_epoch_time_s", "time per epoch, s"),
    MEAN_UPDATE_TIME_US("mean_update_time_us", "time per weight update, us");

    /** metrics.csv's first column. */
    public static final String EPOCH = "epoch";
    public static final String TRAIN_LOSS = "train_loss";
    public static final String TEST_LOSS = "test_loss";
    public static final String TRAIN_MSE = "train_mse";
    public static final String TEST_MSE = "test_mse";
    public static final String TRAIN_ACCURACY = "train_accuracy";
    public static final String TEST_ACCURACY = "test_accuracy";
    public static final String EPOCH_TIME_S = "epoch_time_s";
    public static final String UPDATE_TIME_US = "update_time_us";

    /** metrics.csv's header, exactly. */
    public static final List<String> METRICS_HEADER = List.of(EPOCH, TRAIN_LOSS, TEST_LOSS, TRAIN_MSE, TEST_MSE,
            "train_mse_orig", "test_mse_orig", TRAIN_ACCURACY, TEST_ACCURACY, EPOCH_TIME_S, "updates", UPDATE_TIME_US);

    private final String key;
    private final String label;

    Metric(String key, String label) {
        this.key = key;
        this.label = label;
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
