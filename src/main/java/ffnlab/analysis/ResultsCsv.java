package ffnlab.analysis;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Reads a trial's CSV files (metrics.csv, predictions.csv, parameters.csv) into Tablesaw tables. The headers are
 * checked exactly; every bad cell is reported as {@code "<file>:<line>: <what was expected>"}.
 */
public final class ResultsCsv {
    private ResultsCsv() {
    }

    /** metrics.csv: one row per epoch, columns {@link Metric#METRICS_HEADER}; epoch is an int, the rest doubles. */
    public static Table metrics(Path file) {
        List<String> header = Metric.METRICS_HEADER;
        List<CSVRecord> rows = records(file, header);
        Table table = Table.create(file.getParent().getFileName() + " metrics");
        IntColumn epoch = IntColumn.create(Metric.EPOCH);
        table.addColumns(epoch);
        List<DoubleColumn> values = new ArrayList<>();
        for (String name : header.subList(1, header.size())) {
            DoubleColumn c = DoubleColumn.create(name);
            values.add(c);
            table.addColumns(c);
        }
        for (CSVRecord r : rows) {
            epoch.append((int) cell(file, r, 0, true));
            for (int j = 1; j < header.size(); j++) {
                values.get(j - 1).append(cell(file, r, j, false));
            }
        }
        return table;
    }

    /**
     * predictions.csv: {@code actual,predicted}. Regression values become {@link DoubleColumn}s; class names (any
     * non-numeric cell) keep both columns as {@link StringColumn}s.
     */
    public static Table predictions(Path file) {
        List<CSVRecord> rows = records(file, List.of("actual", "predicted"));
        List<String> actual = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        boolean numeric = true;
        for (CSVRecord r : rows) {
            actual.add(r.get(0));
            predicted.add(r.get(1));
            numeric &= isNumber(r.get(0)) && isNumber(r.get(1));
        }
        Table table = Table.create(file.getParent().getFileName() + " predictions");
        if (numeric) {
            table.addColumns(DoubleColumn.create("actual", actual.stream().mapToDouble(Double::parseDouble)),
                    DoubleColumn.create("predicted", predicted.stream().mapToDouble(Double::parseDouble)));
        } else {
            table.addColumns(StringColumn.create("actual", actual), StringColumn.create("predicted", predicted));
        }
        return table;
    }

    /** parameters.csv: {@code layer,kind,row,col,value} with kind W or b. */
    public static Table parameters(Path file) {
        List<CSVRecord> rows = records(file, List.of("layer", "kind", "row", "col", "value"));
        IntColumn layer = IntColumn.create("layer");
        StringColumn kind = StringColumn.create("kind");
        IntColumn row = IntColumn.create("row");
        IntColumn col = IntColumn.create("col");
        DoubleColumn value = DoubleColumn.create("value");
        for (CSVRecord r : rows) {
            layer.append((int) cell(file, r, 0, true));
            String k = r.get(1).trim();
            if (!k.equals("W") && !k.equals("b")) {
                throw new ResultsFileException(file, lineOf(r), "expected kind W or b in column 'kind', found '" + k + "'");
            }
            kind.append(k);
            row.append((int) cell(file, r, 2, true));
            col.append((int) cell(file, r, 3, true));
            value.append(cell(file, r, 4, false));
        }
        return Table.create(file.getParent().getFileName() + " parameters", layer, kind, row, col, value);
    }

    private static List<CSVRecord> records(Path file, List<String> header) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().get().parse(reader)) {
            List<CSVRecord> all = parser.getRecords();
            if (all.isEmpty()) {
                throw new ResultsFileException(file, 1, "expected the header " + String.join(",", header) + ", found an empty file");
            }
            List<String> found = all.getFirst().toList().stream().map(String::trim).toList();
            if (!found.equals(header)) {
                throw new ResultsFileException(file, 1, "expected the header " + String.join(",", header)
                        + ", found " + String.join(",", found));
            }
            List<CSVRecord> rows = all.subList(1, all.size());
            for (CSVRecord r : rows) {
                if (r.size() != header.size()) {
                    throw new ResultsFileException(file, lineOf(r), "expected " + header.size() + " fields, found " + r.size());
                }
            }
            return rows;
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ResultsFileException(file, 0, "cannot read CSV (" + e.getMessage() + ")", e);
        }
    }

    private static double cell(Path file, CSVRecord r, int column, boolean integer) {
        String text = r.get(column).trim();
        double x = YamlDocument.asNumber(text);
        boolean nanWord = text.isEmpty() || text.equalsIgnoreCase("nan");
        if ((Double.isNaN(x) && !nanWord) || (integer && (Double.isNaN(x) || x != Math.rint(x)))) {
            throw new ResultsFileException(file, lineOf(r), "expected " + (integer ? "an integer" : "a number")
                    + " in column " + (column + 1) + ", found '" + text + "'");
        }
        return x;
    }

    private static boolean isNumber(String s) {
        return !Double.isNaN(YamlDocument.asNumber(s)) || s.trim().equalsIgnoreCase("nan");
    }

    private static int lineOf(CSVRecord r) {
        return (int) r.getRecordNumber();
    }
}
