package ffnlab.analysis;

import ffnlab.results.TrialSchema.Column;
import ffnlab.results.TrialSchema.ProbeColumn;
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
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Reads a trial's CSV files (metrics.csv, probes.csv, predictions.csv, parameters.csv) into Tablesaw tables. The headers are
 * checked exactly; every bad cell is reported as {@code "<file>:<line>: <what was expected>"}.
 */
public final class ResultsCsv {
    private ResultsCsv() {
    }

    /** metrics.csv: one row per epoch, the {@link Column}s in order, each an int or a double column as the schema says. */
    public static Table metrics(Path file) {
        List<CSVRecord> rows = records(file, Column.KEYS);
        Table table = emptyMetrics(file.getParent().getFileName() + " metrics");
        for (CSVRecord r : rows) {
            for (Column c : Column.values()) {
                double x = cell(file, r, c.ordinal(), c.integer());
                if (c.integer()) {
                    table.intColumn(c.key()).append((int) x);
                } else {
                    table.doubleColumn(c.key()).append(x);
                }
            }
        }
        return table;
    }

    /** probes.csv: one row per measurement between batches, the {@link ProbeColumn}s in order. */
    public static Table probes(Path file) {
        List<CSVRecord> rows = records(file, ProbeColumn.KEYS);
        Table table = Table.create(file.getParent().getFileName() + " probes");
        for (ProbeColumn c : ProbeColumn.values()) {
            table.addColumns(c.integer() ? LongColumn.create(c.key()) : DoubleColumn.create(c.key()));
        }
        for (CSVRecord r : rows) {
            for (ProbeColumn c : ProbeColumn.values()) {
                double x = cell(file, r, c.ordinal(), c.integer());
                if (c.integer()) {
                    table.longColumn(c.key()).append((long) x);
                } else {
                    table.doubleColumn(c.key()).append(x);
                }
            }
        }
        return table;
    }

    /** metrics.csv's columns without rows. */
    public static Table emptyMetrics(String name) {
        Table table = Table.create(name);
        for (Column c : Column.values()) {
            table.addColumns(c.integer() ? IntColumn.create(c.key()) : DoubleColumn.create(c.key()));
        }
        return table;
    }

    /**
     * predictions.csv: {@code actual,predicted}, or for K regression outputs {@code actual_1,predicted_1,...,
     * actual_K,predicted_K}. Regression values become {@link DoubleColumn}s in long form (one row per pattern and
     * output, with an {@code output} column numbering the outputs from 1); class names (any non-numeric cell) keep
     * {@code actual, predicted} as {@link StringColumn}s.
     */
    public static Table predictions(Path file) {
        List<String> header = header(file);
        int outputs = header.size() / 2;
        List<String> expected = new ArrayList<>();
        if (header.equals(List.of("actual", "predicted"))) {
            expected = header;
        } else {
            for (int k = 1; k <= Math.max(outputs, 1); k++) {
                expected.add("actual_" + k);
                expected.add("predicted_" + k);
            }
        }
        if (!header.equals(expected)) {
            throw new ResultsFileException(file, 1, "expected the header actual,predicted (or actual_1,predicted_1,...), found "
                    + String.join(",", header));
        }
        List<CSVRecord> rows = records(file, expected);
        boolean numeric = true;
        for (CSVRecord r : rows) {
            for (String cell : r) {
                numeric &= isNumber(cell);
            }
        }
        Table table = Table.create(file.getParent().getFileName() + " predictions");
        if (!numeric) {
            if (expected.size() != 2) {
                throw new ResultsFileException(file, 2, "expected numbers for " + outputs + " regression outputs");
            }
            table.addColumns(StringColumn.create("actual", rows.stream().map(r -> r.get(0))),
                    StringColumn.create("predicted", rows.stream().map(r -> r.get(1))));
            return table;
        }
        DoubleColumn actual = DoubleColumn.create("actual");
        DoubleColumn predicted = DoubleColumn.create("predicted");
        IntColumn output = IntColumn.create("output");
        for (int k = 0; k < expected.size() / 2; k++) {
            for (CSVRecord r : rows) {
                actual.append(cell(file, r, 2 * k, false));
                predicted.append(cell(file, r, 2 * k + 1, false));
                output.append(k + 1);
            }
        }
        return table.addColumns(actual, predicted, output);
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

    /** The first line's fields. */
    private static List<String> header(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().get().parse(reader)) {
            var it = parser.iterator();
            return it.hasNext() ? it.next().toList().stream().map(String::trim).toList() : List.of();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ResultsFileException(file, 0, "cannot read CSV (" + e.getMessage() + ")", e);
        }
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
