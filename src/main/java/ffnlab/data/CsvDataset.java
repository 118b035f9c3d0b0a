package ffnlab.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A user's CSV file: a header line naming the columns, numeric input columns, one or more numeric target
 * columns (regression) or one categorical target column (classification). Without named targets the last
 * column is the target; without a task it is regression.
 */
public final class CsvDataset {
    private CsvDataset() {
    }

    /** Reads, verifies and prepares the request's CSV file. */
    public static PreparedData load(DataRequest request) {
        Path file = request.csvFile();
        if (file == null) {
            throw new IllegalArgumentException("a csv data request needs a file");
        }
        Task task = request.task() == null ? Task.REGRESSION : request.task();
        List<String> targets = request.targetColumns();
        if (task == Task.CLASSIFICATION && targets.size() > 1) {
            throw DataException.ofFile(file, "expected one target column for classification, got " + targets);
        }
        CsvTable table = CsvTableReader.read(file, null, targets, task == Task.CLASSIFICATION && !targets.isEmpty()
                ? Set.copyOf(targets) : Set.of());
        if (targets.isEmpty()) {
            targets = List.of(table.columns().getLast());
            if (task == Task.CLASSIFICATION) {
                table = CsvTableReader.read(file, null, targets, Set.copyOf(targets));
            }
        }
        String sha = Sha256.ofFile(file);
        String name = file.getFileName().toString().replaceFirst("\\.csv$", "");
        return TabularPreparation.prepare(name, table, targets, task, request, sha);
    }
}
