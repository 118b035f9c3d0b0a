package ffnlab.export;

import ffnlab.analysis.ExperimentResults;
import ffnlab.spec.Diagnostics;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** What {@code results NAME --format F} writes: per trial or per trial and epoch, as CSV or JSON records. */
public enum ExportFormat {
    CSV("csv", TrialsExport::perTrial, TidyTable::csv),
    JSON("json", TrialsExport::perTrial, TidyTable::json),
    LONG_CSV("long-csv", TrialsExport::perEpoch, TidyTable::csv),
    LONG_JSON("long-json", TrialsExport::perEpoch, TidyTable::json);

    private final String key;
    private final Function<ExperimentResults, TidyTable> table;
    private final Function<TidyTable, String> text;

    ExportFormat(String key, Function<ExperimentResults, TidyTable> table, Function<TidyTable, String> text) {
        this.key = key;
        this.table = table;
        this.text = text;
    }

    /** The names the command line takes, in order. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(f -> f.key).toList();
    }

    /** The format named {@code key}; an unknown name is a one-line error with the closest name. */
    public static ExportFormat parse(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key.strip())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--format: " + Diagnostics.unknown("format", key, keys())));
    }

    /** The table of {@code results} in this format. */
    public TidyTable table(ExperimentResults results) {
        return table.apply(results);
    }

    /** {@code results} as text in this format. */
    public String write(ExperimentResults results) {
        return text.apply(table(results));
    }
}
