package ffnlab.export;

import ffnlab.analysis.ExperimentResults;
import ffnlab.analysis.FinishedTrial;
import ffnlab.analysis.YamlDocument;
import ffnlab.results.TrialSchema;
import ffnlab.results.TrialSchema.Column;
import ffnlab.results.TrialSchema.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The finished trials of an experiment's plan as tidy tables. {@link #perTrial} has one row per trial: the experiment,
 * the configuration's label, one column per swept key, seed, trial_id, status, epochs_run, diverged_epoch, every
 * summary metric, wall_time_s and the provenance that identifies the run (git_commit, engine_fingerprint, backend,
 * threads, started_at). {@link #perEpoch} has one row per trial and epoch: the same identifying columns up to status,
 * then metrics.csv's columns. Trials are in sweep order, then by seed. A metric that no trial measured (accuracy in a
 * regression, m.s.e. in original units in a classification) has no column: every metric column holds numbers, which
 * readers that type a column by its values (Tablesaw types an all-empty one as text) then read as numbers.
 */
public final class TrialsExport {
    /** The identifying columns that precede the swept keys. */
    static final List<String> LEADING = List.of("experiment", "configuration");
    /** The identifying columns that follow the swept keys. */
    static final List<String> TRIAL = List.of("seed", "trial_id", TrialSchema.STATUS);
    /** summary.yaml's counts of epochs. */
    static final List<String> EPOCHS = List.of(TrialSchema.EPOCHS_RUN, TrialSchema.DIVERGED_EPOCH);
    /** provenance.yaml's keys that identify the code, engine and machine setting a trial ran with. */
    static final List<String> PROVENANCE = List.of("git_commit", "git_dirty", "engine_fingerprint", "backend", "threads",
            "started_at");

    private TrialsExport() {
    }

    /** One row per finished trial. */
    public static TidyTable perTrial(ExperimentResults results) {
        List<String> columns = new ArrayList<>(identifying(results));
        columns.addAll(EPOCHS);
        Stream.of(Metric.values()).map(Metric::key).forEach(columns::add);
        columns.add(TrialSchema.WALL_TIME_S);
        columns.addAll(PROVENANCE);
        List<List<Object>> rows = new ArrayList<>();
        for (FinishedTrial t : results.trials()) {
            List<Object> row = identifying(results, t);
            EPOCHS.forEach(key -> row.add(number(t.summary(), key)));
            Stream.of(Metric.values()).forEach(m -> row.add(number(t.summary(), m.key())));
            row.add(number(t.summary(), TrialSchema.WALL_TIME_S));
            PROVENANCE.forEach(key -> row.add(t.provenance().get(key)));
            rows.add(row);
        }
        return new TidyTable(columns, rows).withoutEmpty(Stream.of(Metric.values()).map(Metric::key).toList());
    }

    /** One row per epoch of every finished trial, diverged ones included (up to the epoch that diverged). */
    public static TidyTable perEpoch(ExperimentResults results) {
        List<String> columns = new ArrayList<>(identifying(results));
        columns.addAll(Column.KEYS);
        List<List<Object>> rows = new ArrayList<>();
        for (FinishedTrial t : results.trials()) {
            List<Object> identity = identifying(results, t);
            for (int epoch = 0; epoch < t.metrics().rowCount(); epoch++) {
                List<Object> row = new ArrayList<>(identity);
                for (Column c : Column.values()) {
                    row.add(t.metrics().column(c.key()).get(epoch));
                }
                rows.add(row);
            }
        }
        return new TidyTable(columns, rows).withoutEmpty(Column.KEYS);
    }

    private static List<String> identifying(ExperimentResults results) {
        List<String> columns = new ArrayList<>(LEADING);
        columns.addAll(results.sweptKeys());
        columns.addAll(TRIAL);
        return columns;
    }

    private static List<Object> identifying(ExperimentResults results, FinishedTrial t) {
        List<Object> row = new ArrayList<>(List.of(results.name(), t.configuration()));
        results.sweptKeys().forEach(key -> row.add(t.coordinates().get(key)));
        row.add(t.seed());
        row.add(t.id());
        row.add(t.status());
        return row;
    }

    /** A summary number: whole numbers stay whole, the rest are doubles (NaN when absent). */
    private static Object number(YamlDocument summary, String key) {
        Object raw = summary.get(key);
        return raw instanceof Integer || raw instanceof Long ? raw : (Object) summary.optionalNumber(key);
    }
}
