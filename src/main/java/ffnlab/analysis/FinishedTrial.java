package ffnlab.analysis;

import ffnlab.results.TrialDirectory;
import ffnlab.results.TrialSchema;
import ffnlab.results.TrialSchema.Metric;
import ffnlab.sweep.Configuration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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
        YamlDocument trial = YamlDocument.read(dir.resolve(TrialDirectory.TRIAL));
        YamlDocument summary = YamlDocument.read(dir.resolve(TrialDirectory.SUMMARY));
        Path provenanceFile = dir.resolve(TrialDirectory.PROVENANCE);
        YamlDocument provenance = Files.exists(provenanceFile) ? YamlDocument.read(provenanceFile)
                : YamlDocument.parse(provenanceFile, "");
        Table metrics = ResultsCsv.metrics(dir.resolve(TrialDirectory.METRICS));
        String id = trial.string("id", dir.getFileName().toString());
        double seed = trial.optionalNumber("seed");
        Map<String, Object> coordinates = new LinkedHashMap<>();
        trial.mapping("coordinates").forEach((key, value) -> {
            if (!Configuration.isSeedKey(key)) {
                coordinates.put(key, value);
            }
        });
        return new FinishedTrial(id, Double.isNaN(seed) ? 0 : (long) seed, coordinates, trial, summary, provenance,
                metrics, dir);
    }

    /** The {@link Configuration#label} of this trial's configuration. */
    public String configuration() {
        return Configuration.label(coordinates);
    }

    /** summary.yaml's status: {@link TrialSchema#FINISHED} or {@link TrialSchema#DIVERGED}. */
    public String status() {
        return summary.string(TrialSchema.STATUS, TrialSchema.FINISHED);
    }

    /** Whether the trial diverged. */
    public boolean diverged() {
        return status().equals(TrialSchema.DIVERGED);
    }

    /** The summary value of {@code metric}, NaN when absent. */
    public double summaryValue(Metric metric) {
        return summary.optionalNumber(metric.key());
    }

    /** probes.csv when written: the test set measured between batches ({@code training.eval_every}). */
    public Optional<Table> probes() {
        Path file = dir.resolve(TrialDirectory.PROBES);
        return Files.exists(file) ? Optional.of(ResultsCsv.probes(file)) : Optional.empty();
    }

    /** predictions.csv when written. */
    public Optional<Table> predictions() {
        Path file = dir.resolve(TrialDirectory.PREDICTIONS);
        return Files.exists(file) ? Optional.of(ResultsCsv.predictions(file)) : Optional.empty();
    }

    /** parameters.csv when written (networks with at most 10000 parameters). */
    public Optional<Table> parameters() {
        Path file = dir.resolve(TrialDirectory.PARAMETERS);
        return Files.exists(file) ? Optional.of(ResultsCsv.parameters(file)) : Optional.empty();
    }

    /** A value of the resolved config in trial.yaml by dotted key ({@code training.epochs}), or null. */
    public Object config(String dottedKey) {
        return trial.get("config." + dottedKey);
    }
}
