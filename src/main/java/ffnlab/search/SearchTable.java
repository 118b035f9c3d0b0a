package ffnlab.search;

import ffnlab.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code results/<experiment>/search.csv}: one row per configuration and round of a search, in the order proposed,
 * rewritten atomically after every round. Columns: {@code round} (0-based; the rung for halving), {@code configuration}
 * (its label), {@code value} (the mean of the metric over its seeds; NaN when a trial diverged), {@code epochs} (the
 * epochs its trials ran, summed over seeds), {@code outcome} ({@link Outcome}) and {@code trials} (its trial ids,
 * separated by spaces). The configuration is the last field but one and quoted, as labels hold commas.
 */
public final class SearchTable {
    public static final String FILE = "search.csv";
    public static final String HEADER = "round,value,epochs,outcome,configuration,trials";

    /** What became of a configuration in its round. */
    public enum Outcome {
        /** halving: goes on to the next rung */
        PROMOTED,
        /** halving: stopped at this rung */
        STOPPED,
        /** tpe: one of the proposals */
        PROPOSED,
        /** the best configuration the search found */
        BEST;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One row. */
    public record Row(int round, double value, long epochs, Outcome outcome, String configuration, List<String> trials) {
        public Row {
            trials = List.copyOf(trials);
        }
    }

    private SearchTable() {
    }

    /** Writes {@code rows} to {@code experimentDir/search.csv} atomically. */
    public static void write(Path experimentDir, List<Row> rows) {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (Row r : rows) {
            b.append(r.round()).append(',').append(Double.isNaN(r.value()) ? "NaN" : Double.toString(r.value())).append(',')
                    .append(r.epochs()).append(',').append(r.outcome().key()).append(",\"")
                    .append(r.configuration().replace("\"", "\"\"")).append("\",").append(String.join(" ", r.trials())).append('\n');
        }
        AtomicFile.write(experimentDir.resolve(FILE), b.toString());
    }

    /** The rows of {@code experimentDir/search.csv}; empty when the experiment is no search. */
    public static List<Row> read(Path experimentDir) {
        Path file = experimentDir.resolve(FILE);
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty() || !lines.getFirst().equals(HEADER)) {
            throw new IllegalArgumentException(file + ":1: expected the header " + HEADER);
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            String[] head = line.split(",", 5);
            int open = line.indexOf(",\"");
            int close = line.lastIndexOf("\",");
            if (head.length < 5 || open < 0 || close <= open) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected " + HEADER);
            }
            String trials = line.substring(close + 2);
            rows.add(new Row(Integer.parseInt(head[0]), Double.parseDouble(head[1]), Long.parseLong(head[2]),
                    Outcome.valueOf(head[3].toUpperCase(Locale.ROOT)), line.substring(open + 2, close).replace("\"\"", "\""),
                    trials.isBlank() ? List.of() : List.of(trials.split(" "))));
        }
        return rows;
    }
}
