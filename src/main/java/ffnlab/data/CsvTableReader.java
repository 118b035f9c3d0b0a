package ffnlab.data;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a numeric CSV file with Apache Commons CSV into a {@link CsvTable}. Every cell must be a finite
 * number, except in the named text columns (categorical targets). Every problem ends in a
 * {@link DataException} naming the file, the line and what was expected: a missing or empty file, a header
 * without the requested columns or with a name twice, a row with the wrong number of columns, a cell that is
 * not a number, a quote that never closes (at the line where it opens), bytes that are not UTF-8.
 */
public final class CsvTableReader {
    /** Commons CSV's parse errors: "Invalid character between encapsulated token and delimiter at line: 18, position: 498". */
    private static final java.util.regex.Pattern AT_LINE = java.util.regex.Pattern.compile("(.*?) at line: (\\d+), position: \\d+.*");
    private CsvTableReader() {
    }

    /**
     * @param file     the CSV file
     * @param names    the column names of a file without header line, or null when its first line is the header
     * @param required columns that must exist (the targets)
     * @param text     columns kept as text (a classification target)
     */
    public static CsvTable read(Path file, List<String> names, Collection<String> required, Set<String> text) {
        if (!Files.isRegularFile(file)) {
            throw DataException.ofFile(file, Files.isDirectory(file) ? "is a folder, expected a CSV file" : "file not found; expected a CSV file");
        }
        try {
            if (Files.size(file) == 0) {
                throw DataException.atLine(file, 1, names == null
                        ? "empty file; expected a header line naming the columns, then rows of numbers"
                        : "empty file; expected rows of " + names.size() + " comma-separated numbers");
            }
        } catch (IOException e) {
            throw DataException.ofFile(file, "cannot be read (" + e.getMessage() + ")", e);
        }
        CSVFormat.Builder format = CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(true);
        if (names == null) {
            format.setHeader().setSkipHeaderRecord(true);
        }
        try (Reader reader = withoutByteOrderMark(Files.newBufferedReader(file, StandardCharsets.UTF_8));
             CSVParser parser = CSVParser.parse(reader, format.get())) {
            List<String> columns = names == null ? parser.getHeaderNames() : names;
            int headerLines = names == null ? 1 : 0;
            checkColumns(file, columns, required, names == null);
            return readRows(file, parser, columns, text, headerLines);
        } catch (NoSuchFileException e) {
            throw DataException.ofFile(file, "file not found; expected a CSV file");
        } catch (IOException | UncheckedIOException e) {
            throw unreadable(file, e, 1);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // Commons CSV: an unbalanced quote or a malformed header line
            throw DataException.atLine(file, openQuoteLine(file, 1), "is not a valid CSV header (" + oneLine(e.getMessage()) + ")");
        }
    }

    /**
     * The user's message for a reader failure: bytes that are not UTF-8 at their line, a quote that never closes
     * at the line where it opens, anything else for the whole file.
     */
    private static DataException unreadable(Path file, Exception e, long fallbackLine) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof java.nio.charset.CharacterCodingException) {
            try {
                Utf8Text.Malformed bad = Utf8Text.firstMalformed(Files.readAllBytes(file));
                if (bad != null) {
                    return DataException.atLine(file, bad.line(), bad.message());
                }
            } catch (IOException ignored) {
                // fall through to the general message
            }
        }
        String message = oneLine(cause == null ? e.getMessage() : cause.getMessage());
        if (message.contains("EOF reached before encapsulated token finished")) {
            return DataException.atLine(file, openQuoteLine(file, fallbackLine), "a quoted cell opens here and is never closed; expected a closing \"");
        }
        java.util.regex.Matcher at = AT_LINE.matcher(message);
        if (at.matches()) {
            return DataException.atLine(file, Long.parseLong(at.group(2)), "expected a well-formed CSV record (" + at.group(1) + ")");
        }
        return DataException.ofFile(file, "is not a readable CSV file (" + message + ")", e);
    }

    /**
     * The 1-based line of the quote that is still open at the end of the file (RFC 4180 quoting: a doubled quote
     * inside a quoted cell is a literal quote), or {@code fallback} when every quote closes or the file cannot be read.
     */
    static long openQuoteLine(Path file, long fallback) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            boolean quoted = false;
            long line = 1;
            long opened = fallback;
            int c;
            while ((c = in.read()) >= 0) {
                if (c == '"') {
                    quoted = !quoted;
                    if (quoted) {
                        opened = line;
                    }
                } else if (c == '\n') {
                    line++;
                }
            }
            return quoted ? opened : fallback;
        } catch (IOException e) {
            return fallback;
        }
    }

    /** Skips a UTF-8 byte order mark (spreadsheet exports write one), which would otherwise stick to the first name. */
    private static Reader withoutByteOrderMark(java.io.BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    private static void checkColumns(Path file, List<String> columns, Collection<String> required, boolean header) {
        if (columns.isEmpty()) {
            throw DataException.atLine(file, 1, "expected a header line naming the columns");
        }
        Set<String> seen = new java.util.HashSet<>();
        for (String column : columns) {
            if (column == null || column.isBlank()) {
                throw DataException.atLine(file, 1, "expected a name for every column, found an empty one");
            }
            if (!seen.add(column)) {
                throw DataException.atLine(file, 1, "column '" + column + "' is named twice (columns "
                        + (columns.indexOf(column) + 1) + " and " + (columns.lastIndexOf(column) + 1) + "); expected distinct column names");
            }
        }
        for (String r : required) {
            if (!columns.contains(r)) {
                throw DataException.atLine(file, 1, "unknown target column '" + r + "'; expected one of "
                        + String.join(", ", columns) + (header ? "" : " (the dataset's columns)"));
            }
        }
    }

    private static CsvTable readRows(Path file, CSVParser parser, List<String> columns, Set<String> textColumns,
                                     int headerLines) {
        int cols = columns.size();
        boolean[] isText = new boolean[cols];
        Map<String, List<String>> text = new HashMap<>();
        for (int j = 0; j < cols; j++) {
            if (textColumns.contains(columns.get(j))) {
                isText[j] = true;
                text.put(columns.get(j), new ArrayList<>());
            }
        }
        float[] values = new float[1024 * cols];
        int rows = 0;
        long line = headerLines;
        java.util.Iterator<CSVRecord> records = parser.iterator();
        while (true) {
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    break;
                }
                record = records.next();
            } catch (UncheckedIOException e) {
                throw unreadable(file, e, line + 1);
            } catch (IllegalStateException e) {
                throw DataException.atLine(file, Math.max(parser.getCurrentLineNumber(), line + 1),
                        "expected a well-formed CSV record (" + oneLine(e.getMessage()) + ")");
            }
            line = lineOf(parser, line);
            if (record.size() != cols) {
                throw DataException.atLine(file, line, "expected " + cols + " columns"
                        + (headerLines > 0 ? " (as the header)" : "") + ", found " + record.size());
            }
            if ((long) (rows + 1) * cols > values.length) {
                values = java.util.Arrays.copyOf(values, Math.multiplyExact(values.length, 2));
            }
            int base = rows * cols;
            for (int j = 0; j < cols; j++) {
                String cell = record.get(j);
                if (isText[j]) {
                    if (cell.isEmpty()) {
                        throw DataException.atLine(file, line, "column '" + columns.get(j) + "': expected a class name, found an empty cell");
                    }
                    text.get(columns.get(j)).add(cell);
                    values[base + j] = Float.NaN;
                } else {
                    values[base + j] = number(file, line, columns.get(j), cell);
                }
            }
            rows++;
        }
        if (rows == 0) {
            throw DataException.atLine(file, headerLines + 1L, "no data rows; expected rows of " + cols + " comma-separated numbers");
        }
        Map<String, String[]> textArrays = new HashMap<>();
        text.forEach((k, v) -> textArrays.put(k, v.toArray(String[]::new)));
        return new CsvTable(file, columns, rows, java.util.Arrays.copyOf(values, rows * cols), textArrays);
    }

    /**
     * The 1-based line of the record just read, header included: Commons CSV's count of lines consumed (blank
     * lines are skipped, so the record number alone would be wrong), and at least one past the previous record.
     */
    private static long lineOf(CSVParser parser, long previous) {
        long consumed = parser.getCurrentLineNumber();
        return Math.max(consumed, previous + 1);
    }

    private static float number(Path file, long line, String column, String cell) {
        if (cell.isEmpty()) {
            throw DataException.atLine(file, line, "column '" + column + "': expected a number, found an empty cell");
        }
        double v;
        try {
            v = Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw DataException.atLine(file, line, "column '" + column + "': expected a number, found '" + abbreviate(cell) + "'");
        }
        if (!Double.isFinite(v) || Math.abs(v) > Float.MAX_VALUE) {
            throw DataException.atLine(file, line, "column '" + column + "': expected a finite number, found '" + abbreviate(cell) + "'");
        }
        return (float) v;
    }

    private static String abbreviate(String s) {
        String flat = oneLine(s);
        return flat.length() > 40 ? flat.substring(0, 37) + "..." : flat;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }
}
