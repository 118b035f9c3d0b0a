package ffnlab.backend.gpu;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * How close a GPU run's report is to the CPU run of the same seeds: reads the two reports' summary.csv
 * (one row per configuration, means over the seeds) and prints, per configuration, the final test accuracy and
 * test loss of each and |gpu - cpu|, then the largest and the mean difference. The two are not bitwise equal
 * (float32 on either side, other summation orders), so this says how far apart they are; it passes nothing.
 *
 * <p>{@code ReportComparison GPU_SUMMARY_CSV CPU_SUMMARY_CSV}; exit 2 with one line when a file is missing, has no
 * configuration column, or the two share no configuration.
 */
public final class ReportComparison {
    static final List<String> METRICS = List.of("final_test_accuracy_mean", "final_test_loss_mean");

    private ReportComparison() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: ReportComparison GPU_SUMMARY_CSV CPU_SUMMARY_CSV");
            System.exit(2);
        }
        try {
            System.out.print(compare(read(Path.of(args[0])), read(Path.of(args[1]))));
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("ReportComparison: " + e.getMessage());
            System.exit(2);
        }
    }

    /** configuration to (metric to value), in the file's order. */
    static Map<String, Map<String, Double>> read(Path summaryCsv) throws IOException {
        if (!Files.isRegularFile(summaryCsv)) {
            throw new IllegalArgumentException(summaryCsv + ":1:1: no such file (expected a report's summary.csv)");
        }
        Map<String, Map<String, Double>> rows = new LinkedHashMap<>();
        try (Reader r = Files.newBufferedReader(summaryCsv, StandardCharsets.UTF_8)) {
            var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r);
            if (!parser.getHeaderMap().containsKey("configuration")) {
                throw new IllegalArgumentException(summaryCsv + ":1:1: expected a header with a configuration column");
            }
            for (CSVRecord rec : parser) {
                Map<String, Double> values = new LinkedHashMap<>();
                for (String m : METRICS) {
                    if (rec.isMapped(m) && !rec.get(m).isBlank()) {
                        try {
                            values.put(m, Double.parseDouble(rec.get(m)));
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException(summaryCsv + ":" + (rec.getRecordNumber() + 1) + ":1: " + m
                                    + " is not a number: " + rec.get(m));
                        }
                    }
                }
                rows.put(rec.get("configuration"), values);
            }
        }
        return rows;
    }

    /** The table and its closing lines. */
    static String compare(Map<String, Map<String, Double>> gpu, Map<String, Map<String, Double>> cpu) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-32s %10s %10s %10s %10s %10s %10s%n", "configuration", "acc gpu", "acc cpu",
                "|d acc|", "loss gpu", "loss cpu", "|d loss|"));
        Map<String, List<Double>> differences = new LinkedHashMap<>();
        METRICS.forEach(m -> differences.put(m, new ArrayList<>()));
        for (var e : gpu.entrySet()) {
            Map<String, Double> c = cpu.get(e.getKey());
            if (c == null) {
                continue;
            }
            sb.append(String.format(Locale.ROOT, "%-32s", e.getKey()));
            for (String m : METRICS) {
                Double g = e.getValue().get(m);
                Double p = c.get(m);
                if (g == null || p == null || g.isNaN() || p.isNaN()) {
                    sb.append(String.format(Locale.ROOT, " %10s %10s %10s", "-", "-", "-"));
                } else {
                    double d = Math.abs(g - p);
                    differences.get(m).add(d);
                    sb.append(String.format(Locale.ROOT, " %10.4f %10.4f %10.4f", g, p, d));
                }
            }
            sb.append('\n');
        }
        if (differences.values().stream().allMatch(List::isEmpty)) {
            throw new IllegalArgumentException("the GPU and CPU reports share no configuration with a test accuracy or loss");
        }
        for (var e : differences.entrySet()) {
            List<Double> d = e.getValue();
            if (!d.isEmpty()) {
                sb.append(String.format(Locale.ROOT, "|gpu - cpu| %s over %d configurations: max %.4f, mean %.4f%n", e.getKey(),
                        d.size(), d.stream().mapToDouble(Double::doubleValue).max().orElseThrow(),
                        d.stream().mapToDouble(Double::doubleValue).average().orElseThrow()));
            }
        }
        return sb.toString();
    }
}
