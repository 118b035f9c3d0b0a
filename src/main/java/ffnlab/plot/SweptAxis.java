package ffnlab.plot;

import ffnlab.analysis.TrialTable;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The x axis of a plot against a swept key. A numeric key (width, batch size, learning rate) has its own values; a
 * list-valued key whose lists all differ in length (hidden layer sizes [5], [5, 5], ...) has the list's length, the
 * depth; anything else is a category.
 * <p>
 * Numeric values are drawn at {@link #positions}: the value's rank among the distinct swept values, so that every
 * swept value gets its own tick labelled with the value itself (1, 2, 4, ..., 256 for powers of two; 16, 32, ..., 256
 * for batch sizes; 1 to 5 for depths). Ranks are to scale when the values are evenly spaced (widths 10, 20, 30) or
 * evenly spaced on a log scale (powers of two, learning rates 0.001, 0.01, 0.1); otherwise the title says
 * "not to scale". When a log scale is not wanted and the values are not evenly spaced, positions are the values on a
 * linear axis. Categories (activations, list values of equal length) are drawn at their rank in sweep order, each
 * tick labelled with the value as written.
 *
 * @param title     the axis title, ending in the key's unit in parentheses
 * @param numeric   whether the rows have numeric values
 * @param values    the numeric value of each row of the per-configuration table (NaN for categories)
 * @param positions where each row is drawn on a linear axis (NaN for categories)
 * @param labels    the values as written, one per row
 * @param depth     whether the values are the number of hidden layers of list values
 * @param ticks     the distinct numeric values in ascending order when positions are ranks, else empty
 * @param tickText  the label of each rank (the distinct values as written), empty when positions are values
 */
public record SweptAxis(String title, boolean numeric, double[] values, double[] positions, List<String> labels,
                        boolean depth, double[] ticks, List<String> tickText) {

    /** The axis for column {@code key} of a per-configuration table, ranks allowed for log-spaced values. */
    public static SweptAxis of(Table perConfiguration, String key) {
        return of(perConfiguration, key, true);
    }

    /** The axis for column {@code key}; {@code logX} allows ranks for values evenly spaced on a log scale. */
    public static SweptAxis of(Table perConfiguration, String key, boolean logX) {
        Column<?> column = perConfiguration.column(key);
        int rows = perConfiguration.rowCount();
        List<String> labels = new java.util.ArrayList<>();
        for (int i = 0; i < rows; i++) {
            labels.add(column instanceof NumericColumn<?> n ? format(n.getDouble(i)) : column.getString(i));
        }
        if (column instanceof NumericColumn<?> n) {
            return numeric(key + " (" + unit(key) + ")", n.asDoubleArray(), labels, false, logX);
        }
        double[] lengths = new double[rows];
        Set<Integer> distinct = new HashSet<>();
        boolean lists = true;
        for (int i = 0; i < rows; i++) {
            String text = labels.get(i).trim();
            lists &= text.startsWith("[") && text.endsWith("]");
            int length = text.length() <= 2 ? 0 : text.substring(1, text.length() - 1).split(",").length;
            lengths[i] = length;
            distinct.add(length);
        }
        if (lists && distinct.size() == rows && rows > 0) {
            return numeric(key + ": depth (hidden layers)", lengths, labels, true, logX);
        }
        List<String> distinctLabels = labels.stream().distinct().toList();
        double[] none = new double[rows];
        Arrays.fill(none, Double.NaN);
        double[] ranks = labels.stream().mapToDouble(distinctLabels::indexOf).toArray();
        return new SweptAxis(key + " (value)", false, none, ranks, labels, false, new double[0], distinctLabels);
    }

    private static SweptAxis numeric(String title, double[] values, List<String> labels, boolean depth, boolean logX) {
        double[] distinct = Arrays.stream(values).filter(Double::isFinite).distinct().sorted().toArray();
        boolean linear = evenlySpaced(distinct);
        boolean positive = distinct.length > 0 && distinct[0] > 0;
        boolean logarithmic = positive && evenlySpaced(Arrays.stream(distinct).map(Math::log).toArray());
        boolean ranks = linear || logX && positive;
        if (!ranks) {
            return new SweptAxis(title, true, values, values.clone(), labels, depth, new double[0], List.of());
        }
        double[] positions = Arrays.stream(values).map(v -> Arrays.binarySearch(distinct, v)).toArray();
        String scaled = linear || logarithmic ? title : title.replaceFirst(" \\(([^()]*)\\)$", ", not to scale ($1)");
        return new SweptAxis(scaled, true, values, positions, labels, depth, distinct,
                Arrays.stream(distinct).mapToObj(SweptAxis::format).toList());
    }

    /** Whether the sorted {@code v} are evenly spaced (to a part in a thousand); true for fewer than three. */
    static boolean evenlySpaced(double[] v) {
        for (int i = 2; i < v.length; i++) {
            double step = v[1] - v[0];
            if (Math.abs(v[i] - v[i - 1] - step) > 1e-3 * Math.abs(step)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The unit of a swept key, for its axis title, from its last path segment: widths in neurons, learning rates as
     * step sizes, batch sizes in patterns, epochs; any other key "value".
     */
    static String unit(String key) {
        String last = key.substring(key.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return switch (last) {
            case "hidden", "width" -> "neurons";
            case "lr", "learning_rate" -> "step size";
            case "batch_size" -> "patterns";
            case "epochs", "early_stopping" -> "epochs";
            default -> "value";
        };
    }

    /** Whether every value is positive. */
    public boolean positive() {
        return numeric && Arrays.stream(values).allMatch(v -> v > 0);
    }

    /** Whether positions are ranks, with a tick at each swept value. */
    public boolean ranked() {
        return !tickText.isEmpty();
    }

    /**
     * Where the value {@code v} lies on the axis: interpolated between the ranks of its neighbouring swept values
     * (on a log scale when they are positive), the value itself when positions are values; NaN outside the sweep.
     */
    public double position(double v) {
        if (!ranked()) {
            return v;
        }
        if (!numeric) {
            return Double.NaN;
        }
        for (int i = 0; i < ticks.length; i++) {
            if (v == ticks[i]) {
                return i;
            }
            if (i > 0 && v > ticks[i - 1] && v < ticks[i]) {
                boolean log = ticks[0] > 0;
                double a = log ? Math.log(ticks[i - 1]) : ticks[i - 1];
                double b = log ? Math.log(ticks[i]) : ticks[i];
                return i - 1 + ((log ? Math.log(v) : v) - a) / (b - a);
            }
        }
        return Double.NaN;
    }

    /** The tick label at axis position {@code p}: the swept value at a rank, nothing between ranks. */
    public String tickLabel(double p) {
        if (!ranked()) {
            return format(p);
        }
        long rank = Math.round(p);
        return Math.abs(p - rank) < 1e-6 && rank >= 0 && rank < tickText.size() ? tickText.get((int) rank) : " ";
    }

    /** The row whose configuration label is {@code configuration}, or -1. */
    public static int rowOf(Table perConfiguration, String configuration) {
        return perConfiguration.stringColumn(TrialTable.CONFIGURATION).asList().indexOf(configuration);
    }

    /**
     * A number as plain text (never 3E4): whole numbers without a decimal point, others to six significant digits;
     * only magnitudes beyond 1e15 or below 1e-6 (a diverged run's values) in scientific notation.
     */
    public static String format(double v) {
        if (!Double.isFinite(v) || Math.abs(v) >= 1e15 || v != 0 && Math.abs(v) < 1e-6) {
            return String.format(java.util.Locale.ROOT, "%.3g", v);
        }
        if (v == Math.rint(v)) {
            return Long.toString((long) v);
        }
        return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
