package ffnlab.report;

import ffnlab.analysis.ResultsFileException;
import ffnlab.analysis.YamlDocument;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What the chapter claims, from the experiment file's {@code report.chapter} section, shown beside the measurement:
 * <pre>
 * report:
 *   chapter:
 *     optimum: 64                 # the swept value the chapter found best (a number, or text)
 *     note: "Example 3b: optimum number of hidden neurons 64"
 *     mse: 0.107                  # a final training m.s.e. the chapter prints, or
 *     mse_after_1000_epochs: 0.107  # the training m.s.e. it prints at an epoch (Example 2)
 *     parameters:                 # learnt weights the chapter prints (Example 2), 1-based layers
 *       - {layer: 1, kind: W, values: [[-2.01, -0.52, -1.87], [3.56, -2.61, 2.43]]}
 *       - {layer: 1, kind: b, values: [0.23, -0.93, 0.16]}
 * </pre>
 *
 * @param optimum    the claimed optimum as written (empty when not claimed)
 * @param note       the chapter's words
 * @param mse        a claimed training m.s.e.
 * @param mseEpoch   the epoch it is claimed at (from {@code mse_after_<N>_epochs}); empty = at the end
 * @param parameters claimed parameters in parameters.csv layout ({@code layer, kind, row, col, value}), or null
 */
public record ChapterClaims(Optional<Object> optimum, String note, OptionalDouble mse, java.util.OptionalInt mseEpoch,
                            Table parameters) {
    private static final java.util.regex.Pattern MSE_AFTER = java.util.regex.Pattern.compile("mse_after_(\\d+)_epochs");

    /** Reads {@code report.chapter} from experiment.yaml. */
    public static ChapterClaims of(YamlDocument experiment) {
        Map<String, Object> chapter = experiment.mapping("report.chapter");
        Object optimum = chapter.get("optimum");
        String note = chapter.get("note") == null ? "" : String.valueOf(chapter.get("note"));
        double mse = YamlDocument.asNumber(chapter.get("mse"));
        java.util.OptionalInt epoch = java.util.OptionalInt.empty();
        for (Map.Entry<String, Object> e : chapter.entrySet()) {
            java.util.regex.Matcher m = MSE_AFTER.matcher(e.getKey());
            if (m.matches()) {
                mse = YamlDocument.asNumber(e.getValue());
                epoch = java.util.OptionalInt.of(Integer.parseInt(m.group(1)));
            }
        }
        Table parameters = chapter.get("parameters") == null ? null : parameters(experiment, chapter.get("parameters"));
        return new ChapterClaims(Optional.ofNullable(optimum), note, Double.isFinite(mse) ? OptionalDouble.of(mse)
                : OptionalDouble.empty(), epoch, parameters);
    }

    /** The claimed optimum as a number, when it is one. */
    public OptionalDouble numericOptimum() {
        if (optimum.isEmpty()) {
            return OptionalDouble.empty();
        }
        double x = YamlDocument.asNumber(optimum.get());
        return Double.isFinite(x) ? OptionalDouble.of(x) : OptionalDouble.empty();
    }

    public boolean isEmpty() {
        return optimum.isEmpty() && note.isEmpty() && mse.isEmpty() && parameters == null;
    }

    private static Table parameters(YamlDocument experiment, Object node) {
        IntColumn layer = IntColumn.create("layer");
        StringColumn kind = StringColumn.create("kind");
        IntColumn row = IntColumn.create("row");
        IntColumn col = IntColumn.create("col");
        DoubleColumn value = DoubleColumn.create("value");
        if (!(node instanceof List<?> entries)) {
            throw wrong(experiment, "a list of {layer, kind, values} entries");
        }
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> map) || !(map.get("values") instanceof List<?> values)) {
                throw wrong(experiment, "each entry to be {layer: L, kind: W|b, values: [...]}");
            }
            int l = (int) YamlDocument.asNumber(map.get("layer"));
            String k = String.valueOf(map.get("kind"));
            for (int r = 0; r < values.size(); r++) {
                if (values.get(r) instanceof List<?> cells) {
                    for (int c = 0; c < cells.size(); c++) {
                        layer.append(l);
                        kind.append(k);
                        row.append(r);
                        col.append(c);
                        value.append(YamlDocument.asNumber(cells.get(c)));
                    }
                } else {
                    layer.append(l);
                    kind.append(k);
                    row.append(0);
                    col.append(r);
                    value.append(YamlDocument.asNumber(values.get(r)));
                }
            }
        }
        return Table.create("chapter parameters", layer, kind, row, col, value);
    }

    private static ResultsFileException wrong(YamlDocument experiment, String expected) {
        return new ResultsFileException(experiment.file(), experiment.lineOf("report.chapter.parameters"),
                "expected report.chapter.parameters to be " + expected);
    }
}
