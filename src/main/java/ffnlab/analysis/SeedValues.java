package ffnlab.analysis;

import ffnlab.results.TrialSchema;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * One metric's value for every seed of every configuration, in the order of a per-configuration table: the points
 * behind each mean and interval. Diverged trials and missing values are left out (diverged trials are counted in
 * {@link Aggregation#N_DIVERGED}).
 *
 * @param seeds    {@code seeds[c]}: configuration c's seeds with a value
 * @param trialIds {@code trialIds[c][i]}: the trial of {@code seeds[c][i]}
 * @param values   {@code values[c][i]}: its value
 */
public record SeedValues(long[][] seeds, String[][] trialIds, double[][] values) {

    /**
     * @param trials           {@link TrialTable#summaries}
     * @param perConfiguration {@link Aggregation#perConfiguration}, whose row order the result follows
     * @param metric           a column of {@code trials}
     */
    public static SeedValues of(Table trials, Table perConfiguration, String metric) {
        int rows = perConfiguration.rowCount();
        long[][] seeds = new long[rows][];
        String[][] ids = new String[rows][];
        double[][] values = new double[rows][];
        for (int c = 0; c < rows; c++) {
            String configuration = perConfiguration.stringColumn(TrialTable.CONFIGURATION).get(c);
            List<Integer> kept = new ArrayList<>();
            for (int i = 0; i < trials.rowCount(); i++) {
                if (trials.stringColumn(TrialTable.CONFIGURATION).get(i).equals(configuration)
                        && !trials.stringColumn(TrialTable.STATUS).get(i).equals(TrialSchema.DIVERGED)
                        && trials.containsColumn(metric) && Double.isFinite(trials.numberColumn(metric).getDouble(i))) {
                    kept.add(i);
                }
            }
            seeds[c] = kept.stream().mapToLong(i -> trials.longColumn(TrialTable.SEED).getLong(i)).toArray();
            ids[c] = kept.stream().map(i -> trials.stringColumn(TrialTable.TRIAL_ID).get(i)).toArray(String[]::new);
            values[c] = kept.stream().mapToDouble(i -> trials.numberColumn(metric).getDouble(i)).toArray();
        }
        return new SeedValues(seeds, ids, values);
    }

    /** No seed values for {@code configurations} configurations (only the aggregate is known). */
    public static SeedValues none(int configurations) {
        return new SeedValues(new long[configurations][0], new String[configurations][0], new double[configurations][0]);
    }

    /** Every value, all configurations together. */
    public double[] all() {
        return java.util.Arrays.stream(values).flatMapToDouble(java.util.Arrays::stream).toArray();
    }
}
