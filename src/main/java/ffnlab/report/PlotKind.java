package ffnlab.report;

import java.util.Locale;
import java.util.Optional;

/** The plots a report can show; the keys are those of the experiment file's {@code report.plots} list. */
public enum PlotKind {
    LEARNING_CURVES, ERROR_VS_SWEPT, TIME_VS_BATCH, TIME_TO_TARGET, ACCURACY_CURVES, CONFUSION_MATRIX, PREDICTED_VS_ACTUAL, WEIGHTS,
    HEATMAP, PARALLEL_COORDINATES;

    /** The key as written in YAML: {@code learning_curves}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind written as {@code key}, if any. */
    public static Optional<PlotKind> of(String key) {
        for (PlotKind k : values()) {
            if (k.key().equals(key.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
