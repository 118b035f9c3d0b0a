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
 * rewritten atomically after every round. Columns: {@code round} (0-based), {@code bracket} (Hyperband's bracket; 0
 * otherwise), {@code rung} (the index of the rung's budget for halving and Hyperband; 0 for TPE), {@code value} (the mean
 * of the metric over its seeds; NaN when a trial diverged), {@code epochs} (the epochs its trials ran, summed over
 * seeds; 0 for trials an earlier row already holds), {@code outcome} ({@link Outcome}), {@code configuration} (its
 * label) and {@code trials} (its trial ids, separated by spaces). The configuration is the last field but one and
 * quoted, as labels hold commas. A file with the header without bracket and rung reads as bracket 0, rung = round.
 */
public final class SearchTable {
    public static final String FILE = "search.csv";
    public static final String HEADER = "round,bracket,rung,value,epochs,outcome,configuration,trials";
    private static final String HEADER_WITHOUT_BRACKETS = "round,value,epochs,outcome,configuration,trials";

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
    public record Row(int round, int bracket, int rung, double value, long epochs, Outcome outcome, String configuration,
                      List<String> trials) {
        public Row {
            trials = List.copyOf(trials);
        }

        /** A row of successive halving (bracket 0, rung = round) or of TPE. */
        public Row(int round, double value, long epochs, Outcome outcome, String configuration, List<String> trials) {
            this(round, 0, round, value, epochs, outcome, configuration, trials);
        }
    }

    private SearchTable() {
    }

    /** Writes {@code rows} to {@code experimentDir/search.csv} atomically. */
    public static void write(Path experimentDir, List<Row> rows) {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (Row r : rows) {
            b.append(r.round()).append(',').append(r.bracket()).append(',').append(r.rung()).append(',').append(Double.isNaN(r.value()) ? "NaN" : Double.toString(r.value())).append(',')
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
        boolean brackets = !lines.isEmpty() && lines.getFirst().equals(HEADER);
        if (lines.isEmpty() || !brackets && !lines.getFirst().equals(HEADER_WITHOUT_BRACKETS)) {
            throw new IllegalArgumentException(file + ":1: expected the header " + HEADER);
        }
        int fields = brackets ? 7 : 5;
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            String[] head = line.split(",", fields);
            int open = line.indexOf(",\"");
            int close = line.lastIndexOf("\",");
            if (head.length < fields || open < 0 || close <= open) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected " + HEADER);
            }
            String trials = line.substring(close + 2);
            int round = Integer.parseInt(head[0]);
            int at = brackets ? 3 : 1;
            rows.add(new Row(round, brackets ? Integer.parseInt(head[1]) : 0, brackets ? Integer.parseInt(head[2]) : round,
                    Double.parseDouble(head[at]), Long.parseLong(head[at + 1]), Outcome.valueOf(head[at + 2].toUpperCase(Locale.ROOT)),
                    line.substring(open + 2, close).replace("\"\"", "\""), trials.isBlank() ? List.of() : List.of(trials.split(" "))));
        }
        return rows;
    }
}
