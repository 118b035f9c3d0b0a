package ffnlab.report;

import ffnlab.analysis.TrialTable;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * {@code reports/<experiment>/summary.csv}: the aggregate per configuration with every statistic column
 * (configuration, swept keys, n, n_diverged, {@code <metric>_mean/_std/_ci95}, vs_optimum). Numbers are written in
 * full precision ({@link Double#toString}); a missing value is {@code NaN}.
 */
public final class SummaryCsv {
    private SummaryCsv() {
    }

    public static String format(Table perConfiguration) {
        List<Column<?>> columns = perConfiguration.columns().stream()
                .filter(c -> !c.name().equals(TrialTable.CONFIG_INDEX)).toList();
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            printer.printRecord(columns.stream().map(Column::name).toList());
            for (int i = 0; i < perConfiguration.rowCount(); i++) {
                int row = i;
                printer.printRecord(columns.stream().map(c -> cell(c, row)).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static void write(Table perConfiguration, Path file) {
        ffnlab.AtomicFile.write(file, format(perConfiguration));
    }

    private static String cell(Column<?> column, int row) {
        if (column instanceof NumericColumn<?> n) {
            if (n.isMissing(row)) {
                return "NaN";
            }
            double x = n.getDouble(row);
            return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
        }
        return column.getString(row);
    }
}
