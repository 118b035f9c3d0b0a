package ffnlab.plot;

import ffnlab.analysis.TrialTable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The x axis of an "error against swept value" plot. A numeric key (width, batch size, learning rate) is its own
 * x; a list-valued key whose lists all differ in length (hidden layer sizes [5], [5, 5], ...) is plotted against the
 * list's length, the depth; anything else is a category.
 *
 * @param title   the axis title
 * @param numeric whether {@link #x} holds the positions
 * @param x       numeric positions, one per row of the per-configuration table (NaN for categories)
 * @param labels  the values as written, one per row
 * @param depth   whether x is the number of hidden layers of list values (a count: a linear axis reads best)
 */
public record SweptAxis(String title, boolean numeric, double[] x, List<String> labels, boolean depth) {

    /** The axis for column {@code key} of a per-configuration table. */
    public static SweptAxis of(Table perConfiguration, String key) {
        Column<?> column = perConfiguration.column(key);
        int rows = perConfiguration.rowCount();
        List<String> labels = new java.util.ArrayList<>();
        for (int i = 0; i < rows; i++) {
            labels.add(column instanceof NumericColumn<?> n ? format(n.getDouble(i)) : column.getString(i));
        }
        if (column instanceof NumericColumn<?> n) {
            return new SweptAxis(key, true, n.asDoubleArray(), labels, false);
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
            return new SweptAxis(key + ": number of hidden layers", true, lengths, labels, true);
        }
        double[] none = new double[rows];
        java.util.Arrays.fill(none, Double.NaN);
        return new SweptAxis(key, false, none, labels, false);
    }

    /** Whether every position is positive (a logarithmic axis is possible). */
    public boolean positive() {
        return numeric && java.util.Arrays.stream(x).allMatch(v -> v > 0);
    }

    /** The row whose configuration label is {@code configuration}, or -1. */
    public static int rowOf(Table perConfiguration, String configuration) {
        return perConfiguration.stringColumn(TrialTable.CONFIGURATION).asList().indexOf(configuration);
    }

    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
