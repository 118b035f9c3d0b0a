package ffnlab.results;

import ffnlab.spec.Node;
import ffnlab.spec.SpecException;
import ffnlab.spec.yaml.YamlLoader;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A finished trial read back from its folder: trial.yaml (id, seed, coordinates, config) and summary.yaml.
 *
 * @param directory   the trial's folder
 * @param trial       trial.yaml as plain values
 * @param summary     summary.yaml as plain values
 */
public record TrialRecord(TrialDirectory directory, Map<String, Object> trial, Map<String, Object> summary) {

    /** Reads a finished trial; empty when it is not finished or its files cannot be read. */
    public static Optional<TrialRecord> read(TrialDirectory dir) {
        if (!dir.finished()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TrialRecord(dir, map(dir, TrialDirectory.TRIAL), map(dir, TrialDirectory.SUMMARY)));
        } catch (SpecException e) {
            return Optional.empty();
        }
    }

    /** Every finished trial of an experiment, sorted by id. */
    public static List<TrialRecord> readAll(ExperimentDirectory experiment) {
        return experiment.trials().stream().map(TrialRecord::read).flatMap(Optional::stream).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(TrialDirectory dir, String name) {
        Node n = YamlLoader.load(dir.file(name), dir.file(name).toString());
        if (!(n.plain() instanceof Map<?, ?> m)) {
            throw new SpecException(List.of(new ffnlab.spec.Problem(n.mark(), "", "expected a mapping")));
        }
        return (Map<String, Object>) m;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> coordinates() {
        Object c = trial.get("coordinates");
        return c instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    public long seed() {
        return ((Number) trial.get("seed")).longValue();
    }

    public String status() {
        return String.valueOf(summary.get("status"));
    }

    /** A summary number (NaN when absent or not a number). */
    public double number(String key) {
        return summary.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** A value of the resolved config by dotted key ({@code training.epochs}), or null. */
    public Object config(String dotted) {
        Object current = trial.get("config");
        for (String part : dotted.split("\\.", 2)) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(part);
        }
        return current;
    }
}
