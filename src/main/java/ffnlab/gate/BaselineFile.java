package ffnlab.gate;

import ffnlab.gate.Gate.Direction;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code experiments/baselines/<experiment>.csv}: comment lines saying which command and commit produced it,
 * then one row per configuration and metric:
 * {@code configuration,metric,direction,n,mean,std,metrics_sha256}.
 */
public final class BaselineFile {
    static final String[] HEADER = {"configuration", "metric", "direction", "n", "mean", "std", "metrics_sha256"};
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader(HEADER)
            .setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true).get();

    private BaselineFile() {
    }

    /** What a trusted run measured for one configuration and metric: one row of the file. */
    public record Entry(String configuration, String metric, Direction direction, int n, double mean, double std,
                        String metricsSha256) {

        public static Entry of(Outcome o) {
            return new Entry(o.configuration(), o.metric(), Direction.of(o.metric()), o.n(), o.mean(), o.std(), o.metricsSha256());
        }
    }

    /** Reads a baseline; errors name the file and line. */
    public static List<Entry> read(Path file) {
        List<Entry> entries = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = FORMAT.parse(in)) {
            for (CSVRecord r : parser) {
                long line = r.getParser().getCurrentLineNumber();
                if (r.size() != HEADER.length) {
                    throw new BaselineException(file, line, "expected " + HEADER.length + " columns ("
                            + String.join(",", HEADER) + "), found " + r.size());
                }
                try {
                    entries.add(new Entry(r.get("configuration"), r.get("metric"), Direction.parse(r.get("direction")),
                            Integer.parseInt(r.get("n")), Double.parseDouble(r.get("mean")), Double.parseDouble(r.get("std")),
                            r.get("metrics_sha256")));
                } catch (IllegalArgumentException e) {
                    throw new BaselineException(file, line, e.getMessage());
                }
            }
        } catch (NoSuchFileException e) {
            throw new BaselineException(file, 0, "no baseline file; record one with -Dcheck=record (see README, 'Accuracy gate')");
        } catch (IOException | UncheckedIOException e) {
            throw new BaselineException(file, 0, "cannot read the baseline: " + e.getMessage());
        }
        if (entries.isEmpty()) {
            throw new BaselineException(file, 1, "the baseline has no rows");
        }
        return entries;
    }

    /** Writes a baseline atomically (temporary file, then rename), with provenance comment lines first. */
    public static void write(Path file, List<Entry> entries, List<String> comments) {
        StringWriter text = new StringWriter();
        // Header comments go above the header line: CSVPrinter prints both when it is created.
        try (CSVPrinter out = new CSVPrinter(text, CSVFormat.DEFAULT.builder().setCommentMarker('#')
                .setHeaderComments(comments.toArray(Object[]::new)).setHeader(HEADER).get())) {
            for (Entry e : entries) {
                out.printRecord(e.configuration(), e.metric(), e.direction().key(), e.n(), repr(e.mean()), repr(e.std()), e.metricsSha256());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            ffnlab.AtomicFile.write(file, text.toString());
        } catch (UncheckedIOException e) {
            throw new BaselineException(file, 0, "cannot write the baseline: " + e.getCause().getMessage());
        }
    }

    /** Shortest string that parses back to the same double. */
    private static String repr(double v) {
        return Double.toString(v);
    }

    /** A baseline file that cannot be read: the message names the file and line. */
    public static final class BaselineException extends ffnlab.UserError {
        public BaselineException(Path file, long line, String expected) {
            super(file, line, expected, null);
        }
    }
}
