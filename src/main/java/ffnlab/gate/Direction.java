package ffnlab.gate;

/** Which way a metric improves: m.s.e. and loss go down, accuracy goes up. */
public enum Direction {
    LOWER_IS_BETTER, HIGHER_IS_BETTER;

    /** How much worse {@code measured} is than {@code expected}: positive means a regression. */
    public double worsening(double expected, double measured) {
        return this == LOWER_IS_BETTER ? measured - expected : expected - measured;
    }

    public String key() {
        return this == LOWER_IS_BETTER ? "lower" : "higher";
    }

    public static Direction parse(String s) {
        return switch (s) {
            case "lower" -> LOWER_IS_BETTER;
            case "higher" -> HIGHER_IS_BETTER;
            default -> throw new IllegalArgumentException("direction must be lower or higher, got '" + s + "'");
        };
    }

    /** The direction of a metrics.csv / summary.yaml metric name. */
    public static Direction of(String metric) {
        return metric.contains("accuracy") ? HIGHER_IS_BETTER : LOWER_IS_BETTER;
    }
}
