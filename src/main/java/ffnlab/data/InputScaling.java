package ffnlab.data;

/**
 * How input columns are scaled before training (the chapter's "Preprocessing of inputs"). Statistics are
 * fitted on the training split only and then applied unchanged to the test split.
 *
 * <ul>
 *   <li>{@link #NONE}: x' = x (Fashion-MNIST pixels are still divided by 255 first, the chapter's [0, 1]).</li>
 *   <li>{@link #MIN_MAX}: x' = (x - min) / (max - min), train's min and max per column: [0, 1] on train.</li>
 *   <li>{@link #STANDARDISE}: x' = (x - mean) / sigma, train's mean and population sigma per column: N(0, 1) on train.</li>
 * </ul>
 * A constant column (max = min, or sigma = 0) is only shifted (scale 1), never divided by zero.
 */
public enum InputScaling {
    NONE, MIN_MAX, STANDARDISE;

    /** snake_case name used in experiment files. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses a key, case-insensitively; the message lists the allowed keys. */
    public static InputScaling parse(String key) {
        for (InputScaling s : values()) {
            if (s.key().equalsIgnoreCase(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown input scaling '" + key + "'; expected none, min_max or standardise");
    }

    /** The same rule applied to columns in general. */
    ColumnScaling.Kind kind() {
        return switch (this) {
            case NONE -> ColumnScaling.Kind.NONE;
            case MIN_MAX -> ColumnScaling.Kind.MIN_MAX;
            case STANDARDISE -> ColumnScaling.Kind.STANDARDISE;
        };
    }
}
