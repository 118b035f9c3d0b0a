package ffnlab.analysis;

import ffnlab.results.TrialSchema.Metric;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import tech.tablesaw.api.Table;

/**
 * One finished trial read back from {@code results/<experiment>/trials/<id>/}.
 *
 * @param id          the trial id (16 hex characters)
 * @param seed        the training seed
 * @param coordinates the swept keys and their values, in sweep order, seed keys excluded
 * @param trial       trial.yaml
 * @param summary     summary.yaml
 * @param provenance  provenance.yaml (an empty document when the file is absent)
 * @param metrics     metrics.csv, one row per epoch
 * @param dir         the trial's folder
 */
public record FinishedTrial(String id, long seed, Map<String, Object> coordinates, YamlDocument trial,
                          YamlDocument summary, YamlDocument provenance, Table metrics, Path dir) {

    /** Reads the trial folder {@code dir}; it must hold summary.yaml (only finished trials are read). */
    public static FinishedTrial read(Path dir) {
        YamlDocument trial = YamlDocument.read(dir.resolve("trial.yaml"));
        YamlDocument summary = YamlDocument.read(dir.resolve("summary.yaml"));
        Path provenanceFile = dir.resolve("provenance.yaml");
        YamlDocument provenance = Files.exists(provenanceFile) ? YamlDocument.read(provenanceFile)
                : YamlDocument.parse(provenanceFile, "");
        Table metrics = ResultsCsv.metrics(dir.resolve("metrics.csv"));
        String id = trial.string("id", dir.getFileName().toString());
        double seed = trial.optionalNumber("seed");
        Map<String, Object> coordinates = new LinkedHashMap<>();
        trial.mapping("coordinates").forEach((key, value) -> {
            if (!isSeedKey(key)) {
                coordinates.put(key, value);
            }
        });
        return new FinishedTrial(id, Double.isNaN(seed) ? 0 : (long) seed, coordinates, trial, summary, provenance,
                metrics, dir);
    }

    /** The label that names this trial's configuration: {@code "model.hidden=64, training.batch_size=32"}. */
    public String configuration(String whenNotSwept) {
        if (coordinates.isEmpty()) {
            return whenNotSwept;
        }
        return coordinates.entrySet().stream().map(e -> e.getKey() + "=" + formatValue(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** Whether the trial diverged (summary status {@code diverged}). */
    public boolean diverged() {
        return "diverged".equals(summary.string("status", "finished"));
    }

    /** The summary value of {@code metric}, NaN when absent. */
    public double summaryValue(Metric metric) {
        return summary.optionalNumber(metric.key());
    }

    /** predictions.csv when written. */
    public Optional<Table> predictions() {
        Path file = dir.resolve("predictions.csv");
        return Files.exists(file) ? Optional.of(ResultsCsv.predictions(file)) : Optional.empty();
    }

    /** parameters.csv when written (networks with at most 10000 parameters). */
    public Optional<Table> parameters() {
        Path file = dir.resolve("parameters.csv");
        return Files.exists(file) ? Optional.of(ResultsCsv.parameters(file)) : Optional.empty();
    }

    /** Swept seed keys ({@code seed}, {@code training.seed}) are replicates, not configurations. */
    static boolean isSeedKey(String key) {
        return key.equals("seed") || key.endsWith(".seed") || key.equals("seeds") || key.endsWith(".seeds");
    }

    /** A coordinate value as the user wrote it: 64, 0.001, [5, 5], relu. */
    public static String formatValue(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        if (value instanceof java.util.List<?> list) {
            return list.stream().map(FinishedTrial::formatValue).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }
}
