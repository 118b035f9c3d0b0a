package ffnlab.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A plain-text table of an experiment's finished trials grouped by configuration (coordinates): seeds run,
 * diverged count, mean and standard deviation over seeds of the final test error (m.s.e. or accuracy; the training
 * m.s.e. for data without a test split, as Example 2) and the
 * mean time per update. Written after every run and by {@code report} until the HTML report is wired in.
 */
public final class ResultsTable {
    private ResultsTable() {
    }

    public static String of(List<TrialRecord> records) {
        Map<String, List<TrialRecord>> groups = new LinkedHashMap<>();
        for (TrialRecord r : records) {
            groups.computeIfAbsent(r.coordinates().toString(), k -> new ArrayList<>()).add(r);
        }
        boolean classification = records.stream().anyMatch(r -> !Double.isNaN(r.number("final_test_accuracy")));
        boolean noTest = !classification && records.stream().allMatch(r -> Double.isNaN(r.number("final_test_mse")));
        String metric = classification ? "test_accuracy" : noTest ? "train_mse" : "test_mse";
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-44s %5s %8s %12s %12s %16s%n",
                "configuration", "seeds", "diverged", metric, "std", "update_time_us"));
        for (Map.Entry<String, List<TrialRecord>> g : groups.entrySet()) {
            List<TrialRecord> rs = g.getValue();
            double[] errors = rs.stream().filter(r -> r.status().equals("finished"))
                    .mapToDouble(r -> r.number("final_" + metric)).toArray();
            double mean = java.util.Arrays.stream(errors).average().orElse(Double.NaN);
            double var = java.util.Arrays.stream(errors).map(e -> (e - mean) * (e - mean)).sum() / Math.max(1, errors.length - 1);
            double update = rs.stream().mapToDouble(r -> r.number("mean_update_time_us")).average().orElse(Double.NaN);
            long diverged = rs.stream().filter(r -> r.status().equals("diverged")).count();
            String name = g.getKey().equals("{}") ? "(single configuration)" : g.getKey();
            b.append(String.format(Locale.ROOT, "%-44s %5d %8d %12.5g %12.3g %16.2f%n", name, rs.size(), diverged, mean,
                    errors.length > 1 ? Math.sqrt(var) : Double.NaN, update));
        }
        return b.toString();
    }
}
