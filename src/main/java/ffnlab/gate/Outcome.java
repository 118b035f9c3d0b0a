package ffnlab.gate;

import ffnlab.analysis.Aggregation;
import ffnlab.analysis.ExperimentResults;
import ffnlab.analysis.TrialTable;
import ffnlab.results.ExperimentDirectory;
import ffnlab.results.TrialDirectory;
import ffnlab.sweep.Configuration;
import ffnlab.sweep.TrialSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * One configuration's measured value of one gated metric over its seeds, a row of the experiment's aggregate
 * ({@link Aggregation#perConfiguration}), with a fingerprint of its per-epoch metrics.
 *
 * @param configuration the configuration's {@link Configuration#label}, e.g. {@code model.hidden=64}, {@code base} without a sweep
 * @param metric        a summary.yaml metric, e.g. {@code final_test_mse}
 * @param n             the seeds that finished without diverging
 * @param mean          the mean over the seeds; NaN unless every planned seed finished with a value (fails the gate)
 * @param std           the sample standard deviation (n - 1); 0 for a single seed
 * @param metricsSha256 {@link MetricsFingerprint} of the planned seeds' metrics.csv, for bitwise-determinism reporting
 */
public record Outcome(String configuration, String metric, int n, double mean, double std, String metricsSha256) {

    /**
     * @param plan    the plan's trials
     * @param results the experiment's results after the run
     * @param metrics summary.yaml metrics to collect
     * @return one outcome per planned configuration and metric, configurations in {@link Configuration#ORDER}
     */
    public static List<Outcome> collect(List<TrialSpec> plan, ExperimentResults results, List<String> metrics) {
        Map<String, List<TrialSpec>> seedsOf = new LinkedHashMap<>();
        plan.stream().sorted(Comparator.comparing(TrialSpec::coordinates, Configuration.ORDER))
                .forEach(t -> seedsOf.computeIfAbsent(t.configuration().label(), k -> new ArrayList<>()).add(t));
        Table trials = TrialTable.summaries(results);
        Table perConfiguration = Aggregation.perConfiguration(trials, results.sweptKeys());
        List<String> labels = perConfiguration.stringColumn(TrialTable.CONFIGURATION).asList();
        ExperimentDirectory directory = new ExperimentDirectory(results.dir());
        List<Outcome> outcomes = new ArrayList<>();
        seedsOf.forEach((label, seeds) -> {
            MetricsFingerprint fingerprint = new MetricsFingerprint();
            seeds.forEach(t -> fingerprint.add(t.seed(), directory.trial(t.id()).file(TrialDirectory.METRICS)));
            String sha = fingerprint.sha256();
            int row = labels.indexOf(label);
            Table seedRows = trials.where(trials.stringColumn(TrialTable.CONFIGURATION).isEqualTo(label));
            for (String metric : metrics) {
                int n = row < 0 ? 0 : perConfiguration.intColumn(Aggregation.N).getInt(row);
                boolean complete = n == seeds.size() && perConfiguration.intColumn(Aggregation.N_DIVERGED).getInt(row) == 0
                        && perConfiguration.containsColumn(metric + Aggregation.MEAN) && seedRows.doubleColumn(metric).countMissing() == 0;
                outcomes.add(complete
                        ? new Outcome(label, metric, n, perConfiguration.doubleColumn(metric + Aggregation.MEAN).getDouble(row),
                                n < 2 ? 0 : perConfiguration.doubleColumn(metric + Aggregation.STD).getDouble(row), sha)
                        : new Outcome(label, metric, n, Double.NaN, Double.NaN, sha));
            }
        });
        return outcomes;
    }
}
