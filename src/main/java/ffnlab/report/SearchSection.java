package ffnlab.report;

import ffnlab.analysis.ExperimentResults;
import ffnlab.plot.AnnotatedChart;
import ffnlab.plot.SearchProgressPlot;
import ffnlab.search.SearchTable;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The search section of an experiment page, drawn from search.csv: which search it was, the best configuration it found,
 * its progress (value against epochs spent, with the best so far) and, round by round, what became of each configuration
 * (for halving: promoted, or stopped at that rung; for Hyperband, which bracket and rung). An experiment without
 * search.csv has no such section.
 */
final class SearchSection {
    private SearchSection() {
    }

    /** "halving" or "tpe" from experiment.yaml's sweep section, or null when the experiment is no search. */
    static String kind(ExperimentResults r) {
        Map<String, Object> sweep = r.experiment().mapping("sweep");
        return sweep.containsKey("halving") ? "halving" : sweep.containsKey("tpe") ? "tpe" : null;
    }

    /** The search's name for the index: "successive halving", "Hyperband" (halving with brackets above one) or "TPE". */
    static String title(ExperimentResults r) {
        String kind = kind(r);
        if (kind == null) {
            return null;
        }
        Object brackets = asMap(r.experiment().mapping("sweep").get(kind)).get("brackets");
        return kind.equals("tpe") ? "TPE" : brackets instanceof Number n && n.longValue() > 1 ? "Hyperband" : "successive halving";
    }

    static void append(StringBuilder h, ExperimentResults r) {
        List<SearchTable.Row> rows = SearchTable.read(r.dir());
        String kind = kind(r);
        if (rows.isEmpty() || kind == null) {
            return;
        }
        Map<String, Object> spec = asMap(r.experiment().mapping("sweep").get(kind));
        String metric = String.valueOf(spec.get("metric"));
        boolean maximise = metric.endsWith("accuracy");
        long spent = rows.stream().mapToLong(SearchTable.Row::epochs).sum();
        boolean hyperband = kind.equals("halving") && rows.stream().anyMatch(x -> x.bracket() > 0);
        String rungs = Html.escape(String.valueOf(spec.getOrDefault("budget_key", "training.epochs"))) + " = "
                + Html.escape(String.valueOf(spec.get("rungs"))) + ", keeping " + Html.escape(String.valueOf(spec.getOrDefault("keep", "1/3")))
                + " at each rung";
        h.append("<h2 id=\"search\">Search</h2>\n<p>").append(hyperband
                ? "Hyperband: " + (rows.stream().mapToInt(SearchTable.Row::bracket).max().orElse(0) + 1)
                + " brackets of successive halving run in turn, bracket b starting at rung b with "
                + bracketStarts(rows) + " configurations, rungs of " + rungs
                : kind.equals("halving")
                ? "Successive halving over " + rows.stream().filter(x -> x.round() == 0).count() + " configurations, rungs of " + rungs
                : "TPE: " + rows.size() + " configurations proposed in rounds of " + Html.escape(String.valueOf(spec.getOrDefault("batch", 1))))
                .append("; ranked by the mean of ").append(Html.escape(metric)).append(" over the seeds (")
                .append(maximise ? "higher" : "lower").append(" is better); ").append(spent).append(" epochs spent in all.</p>\n");
        rows.stream().filter(x -> x.outcome() == SearchTable.Outcome.BEST).findFirst().ifPresent(best -> h.append("<p><b>Best found: ")
                .append(Html.escape(best.configuration())).append("</b>, ").append(Html.escape(metric)).append(" ")
                .append(String.format(Locale.ROOT, "%.5g", best.value())).append(" (round ").append(best.round())
                .append(hyperband ? ", bracket " + best.bracket() : "").append(")</p>\n"));
        try {
            AnnotatedChart drawn = SearchProgressPlot.build(rows, metric, maximise);
            String title = "Search progress";
            h.append("<figure class=\"plot\" id=\"search-progress\">").append(PointOverlay.insert(InlineSvg.of(drawn.chart(), "search-progress", title), drawn.chart()))
                    .append("<figcaption><b>").append(title).append(".</b> Each configuration's value against the epochs spent when it ")
                    .append("finished (in the order run), and the best so far. ").append(Html.escape(String.join(" ", drawn.notes())))
                    .append("</figcaption></figure>\n");
        } catch (IllegalArgumentException e) {
            h.append("<p class=\"missing\">Search progress not drawn: ").append(Html.escape(e.getMessage())).append("</p>\n");
        }
        h.append("<table><thead><tr><th>round</th>").append(hyperband ? "<th>bracket</th>" : "").append("<th>configuration</th><th>")
                .append(Html.escape(metric)).append("</th><th>epochs</th><th>outcome</th></tr></thead><tbody>\n");
        for (SearchTable.Row row : rows) {
            String in = hyperband ? " of bracket " + row.bracket() : "";
            String outcome = switch (row.outcome()) {
                case STOPPED -> "stopped at rung " + row.rung() + in;
                case PROMOTED -> "promoted to rung " + (row.rung() + 1) + in;
                case BEST -> "best";
                case PROPOSED -> "proposed";
            };
            h.append("<tr><td>").append(row.round()).append(hyperband ? "</td><td>" + row.bracket() : "").append("</td><td>").append(Html.escape(row.configuration())).append("</td><td>")
                    .append(Double.isNaN(row.value()) ? "diverged" : String.format(Locale.ROOT, "%.5g", row.value())).append("</td><td>")
                    .append(row.epochs()).append("</td><td>").append(outcome).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    /** Each bracket's count of configurations at its first rung, "9, 5 and 3". */
    private static String bracketStarts(List<SearchTable.Row> rows) {
        List<String> counts = new java.util.ArrayList<>();
        for (int b = 0; ; b++) {
            int bracket = b;
            long n = rows.stream().filter(x -> x.bracket() == bracket && x.rung() == bracket).count();
            if (n == 0) {
                break;
            }
            counts.add(Long.toString(n));
        }
        return counts.size() == 1 ? counts.getFirst()
                : String.join(", ", counts.subList(0, counts.size() - 1)) + " and " + counts.getLast();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
