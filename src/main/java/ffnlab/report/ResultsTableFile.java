package ffnlab.report;

import ffnlab.analysis.Aggregation;
import ffnlab.analysis.ExperimentResults;
import ffnlab.data.Sha256;
import ffnlab.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The results table a run prints ({@link ResultsTable} of {@link Aggregation#perConfiguration} over the run's trials),
 * kept as {@code reports/<experiment>/results-table.txt} with a {@link PageFingerprint} of what it was made from: this
 * code, the results folder's {@link ReportInputs} and the trial ids asked for. A rerun that trained nothing finds it
 * fresh and prints it without reading the results back, which would cost about a second (Tablesaw's start-up scans the
 * class path). The inputs are taken before the results are read, so a result that changes meanwhile leaves a record
 * that no longer matches.
 */
public final class ResultsTableFile {
    /** The file's name in the experiment's report folder. */
    public static final String NAME = "results-table.txt";

    private ResultsTableFile() {
    }

    /** The table of {@code trialIds} (the finished ones) in {@code experimentDir}, kept in {@code reportDir}. */
    public static String of(Path experimentDir, Path reportDir, List<String> trialIds) {
        Path file = reportDir.resolve(NAME);
        PageFingerprint fingerprint = new PageFingerprint(file);
        String inputs = Sha256.ofText("results table\n" + ReportInputs.code() + "\n" + ReportInputs.of(experimentDir) + "\n"
                + String.join("\n", trialIds));
        if (fingerprint.fresh(inputs)) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                // gone since the check: made again below
            }
        }
        fingerprint.forget();
        String table = ResultsTable.format(Aggregation.perConfiguration(ExperimentResults.load(experimentDir, trialIds)));
        AtomicFile.write(file, table);
        fingerprint.record(inputs, table);
        return table;
    }
}
