package ffnlab.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A CSV file as read: named columns, a dense row-major float matrix of the numeric columns, and the raw text
 * of the columns read as categories (a classification target). Text columns hold NaN in {@code values}.
 *
 * @param file    where it came from (for messages)
 * @param columns column names, in file order
 * @param rows    number of data rows
 * @param values  rows x columns.size(), row-major
 * @param text    per text column, its rows cells
 */
public record CsvTable(Path file, List<String> columns, int rows, float[] values, Map<String, String[]> text) {
    public CsvTable {
        columns = List.copyOf(columns);
        text = Map.copyOf(text);
    }

    public int columnIndex(String name) {
        return columns.indexOf(name);
    }
}
