package ffnlab.analysis;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The optimum of a sweep: the configuration with the best mean final test error (lowest m.s.e., highest accuracy),
 * and the configurations not distinguishable from it, whose 95% confidence intervals overlap the optimum's
 * (a configuration with one seed has no interval and counts as its mean alone).
 *
 * @param row              the optimum's row in the per-configuration table
 * @param configuration    its label
 * @param mean             its mean final test error
 * @param ci95             its half-width (NaN with one seed)
 * @param indistinguishable labels of the other configurations whose intervals overlap
 */
public record Optimum(int row, String configuration, double mean, double ci95, List<String> indistinguishable) {
    /** The column {@link #mark} adds: optimum | overlaps | (empty). */
    public static final String VS_OPTIMUM = "vs_optimum";

    /** Finds the optimum in {@link Aggregation#perConfiguration}'s table; empty when no configuration has a mean. */
    public static java.util.Optional<Optimum> find(Table perConfiguration, ErrorMeasure measure) {
        String meanColumn = measure.finalTest().key() + Aggregation.MEAN;
        String ciColumn = measure.finalTest().key() + Aggregation.CI95;
        if (!perConfiguration.containsColumn(meanColumn)) {
            return java.util.Optional.empty();
        }
        int best = -1;
        for (int i = 0; i < perConfiguration.rowCount(); i++) {
            double m = perConfiguration.doubleColumn(meanColumn).getDouble(i);
            if (Double.isFinite(m) && (best < 0 || measure.better(m, perConfiguration.doubleColumn(meanColumn).getDouble(best)))) {
                best = i;
            }
        }
        if (best < 0) {
            return java.util.Optional.empty();
        }
        double bestMean = perConfiguration.doubleColumn(meanColumn).getDouble(best);
        double bestHalf = halfOrZero(perConfiguration.doubleColumn(ciColumn).getDouble(best));
        List<String> overlapping = new ArrayList<>();
        for (int i = 0; i < perConfiguration.rowCount(); i++) {
            double m = perConfiguration.doubleColumn(meanColumn).getDouble(i);
            double h = halfOrZero(perConfiguration.doubleColumn(ciColumn).getDouble(i));
            if (i != best && Double.isFinite(m) && m - h <= bestMean + bestHalf && m + h >= bestMean - bestHalf) {
                overlapping.add(perConfiguration.stringColumn(TrialTable.CONFIGURATION).get(i));
            }
        }
        return java.util.Optional.of(new Optimum(best, perConfiguration.stringColumn(TrialTable.CONFIGURATION).get(best),
                bestMean, perConfiguration.doubleColumn(ciColumn).getDouble(best), List.copyOf(overlapping)));
    }

    /** Adds {@link #VS_OPTIMUM} to the per-configuration table: "optimum", "overlaps" or "". */
    public void mark(Table perConfiguration) {
        StringColumn column = StringColumn.create(VS_OPTIMUM);
        for (String configuration : perConfiguration.stringColumn(TrialTable.CONFIGURATION)) {
            column.append(configuration.equals(this.configuration) ? "optimum"
                    : indistinguishable.contains(configuration) ? "overlaps" : "");
        }
        perConfiguration.addColumns(column);
    }

    private static double halfOrZero(double h) {
        return Double.isFinite(h) ? h : 0;
    }
}
