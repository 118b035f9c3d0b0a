package ffnlab.data;

/**
 * How regression targets are scaled (the chapter's "Preprocessing of outputs"): standardise for a linear
 * output layer, min-max to [0, 1] for a sigmoid output layer. Fitted on the training split only. Errors are
 * reported both in the scaled space and in original units: m.s.e._original = s^2 m.s.e._scaled with s the
 * column's scale (sigma or max - min); see {@link PreparedData#targetScale()}. Ignored for classification.
 */
public enum OutputScaling {
    NONE, STANDARDISE, MIN_MAX;

    /** snake_case name used in experiment files. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses a key, case-insensitively; the message lists the allowed keys. */
    public static OutputScaling parse(String key) {
        for (OutputScaling s : values()) {
            if (s.key().equalsIgnoreCase(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown output scaling '" + key + "'; expected none, standardise or min_max");
    }

    ColumnScaling.Kind kind() {
        return switch (this) {
            case NONE -> ColumnScaling.Kind.NONE;
            case MIN_MAX -> ColumnScaling.Kind.MIN_MAX;
            case STANDARDISE -> ColumnScaling.Kind.STANDARDISE;
        };
    }
}
