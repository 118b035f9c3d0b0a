package ffnlab.gate;

import ffnlab.results.ExperimentDirectory;
import ffnlab.results.TrialDirectory;
import ffnlab.results.TrialRecord;
import ffnlab.sweep.TrialSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collects what an experiment's trials measured, per configuration: the gated metrics' values over the seeds
 * (a diverged or unfinished trial counts as NaN, which fails the gate) and the fingerprint of the seeds'
 * per-epoch metrics.
 */
public final class Outcomes {
    private Outcomes() {
    }

    /**
     * @param trials    the plan's trials, in sweep order (configurations, then seeds)
     * @param directory results/&lt;experiment&gt;
     * @param metrics   summary.yaml metrics to collect
     * @return one outcome per configuration and metric, in sweep order
     */
    public static List<Outcome> collect(List<TrialSpec> trials, ExperimentDirectory directory, List<String> metrics) {
        Map<String, List<TrialSpec>> byConfiguration = new LinkedHashMap<>();
        for (TrialSpec t : trials) {
            byConfiguration.computeIfAbsent(configuration(t.coordinates()), k -> new ArrayList<>()).add(t);
        }
        List<Outcome> outcomes = new ArrayList<>();
        byConfiguration.forEach((configuration, seeds) -> {
            MetricsFingerprint fingerprint = new MetricsFingerprint();
            List<Optional<TrialRecord>> records = new ArrayList<>();
            for (TrialSpec t : seeds) {
                TrialDirectory dir = directory.trial(t.id());
                records.add(TrialRecord.read(dir));
                fingerprint.add(t.seed(), dir.file(TrialDirectory.METRICS));
            }
            String sha = fingerprint.sha256();
            for (String metric : metrics) {
                List<Double> values = records.stream().map(r -> value(r, metric)).toList();
                outcomes.add(new Outcome(configuration, metric, values, sha));
            }
        });
        return outcomes;
    }

    /**
     * The canonical name of a configuration: its swept keys as {@code key=value}, in sweep order, joined by
     * {@code "; "} (e.g. {@code model.hidden=64}); {@code base} when nothing is swept.
     */
    public static String configuration(Map<String, Object> coordinates) {
        if (coordinates.isEmpty()) {
            return "base";
        }
        List<String> parts = new ArrayList<>();
        coordinates.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join("; ", parts);
    }

    private static double value(Optional<TrialRecord> record, String metric) {
        if (record.isEmpty() || !record.get().status().equals("finished")) {
            return Double.NaN;
        }
        return record.get().number(metric);
    }
}
