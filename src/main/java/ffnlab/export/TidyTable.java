package ffnlab.export;

import ffnlab.results.YamlText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A table with one observation per row, in the two forms notebooks read without glue: {@link #csv} (a plain header,
 * no comment lines; pandas' {@code read_csv}, Tablesaw's {@code Table.read().csv}) and {@link #json} (an array of
 * records, one per line; pandas' {@code read_json(orient="records")}). Cells are numbers, strings, booleans, lists or
 * null. Numbers are written in Java's round-trip form; a missing value, NaN or an infinity is an empty CSV cell and a
 * JSON null; a list is {@code [5, 5]} in CSV (quoted, for it holds commas) and a JSON array.
 *
 * @param columns the column names, in order
 * @param rows    the rows, each with one cell per column
 */
public record TidyTable(List<String> columns, List<List<Object>> rows) {

    public TidyTable {
        columns = List.copyOf(columns);
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("a row of " + row.size() + " cells for " + columns.size() + " columns");
            }
        }
        rows = List.copyOf(rows);
    }

    /**
     * This table without those of {@code candidates} whose every cell is missing (a table without rows keeps them all,
     * so that its header still names every column).
     */
    public TidyTable withoutEmpty(Collection<String> candidates) {
        if (rows.isEmpty()) {
            return this;
        }
        List<Integer> kept = IntStream.range(0, columns.size())
                .filter(i -> !candidates.contains(columns.get(i)) || rows.stream().anyMatch(r -> !missing(r.get(i)))).boxed().toList();
        return new TidyTable(kept.stream().map(columns::get).toList(),
                rows.stream().map(r -> kept.stream().map(r::get).toList()).toList());
    }

    /** Whether a cell holds no value: null, NaN or an infinity (empty in CSV, null in JSON). */
    static boolean missing(Object cell) {
        return cell == null || cell instanceof Double d && !Double.isFinite(d) || cell instanceof Float f && !Float.isFinite(f);
    }

    /** RFC 4180 CSV with {@code \n} line ends: the header, then one line per row. */
    public String csv() {
        StringBuilder b = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(b, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
            printer.printRecord(columns);
            for (List<Object> row : rows) {
                printer.printRecord(row.stream().map(TidyTable::csvCell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toString();
    }

    /** A JSON array of objects, one per row, the keys in column order. */
    public String json() {
        if (rows.isEmpty()) {
            return "[]\n";
        }
        return rows.stream().map(row -> {
            StringBuilder b = new StringBuilder("{");
            for (int i = 0; i < columns.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(JsonText.string(columns.get(i))).append(": ").append(JsonText.value(row.get(i)));
            }
            return b.append('}').toString();
        }).collect(Collectors.joining(",\n", "[\n", "\n]\n"));
    }

    private static String csvCell(Object value) {
        if (missing(value)) {
            return "";
        }
        return value instanceof List<?> list ? YamlText.flow(list) : value.toString();
    }
}
