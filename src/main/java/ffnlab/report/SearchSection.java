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
 * (for halving: promoted, or stopped at that rung). An experiment without search.csv has no such section.
 */
final class SearchSection {
    private SearchSection() {
    }

    /** "halving" or "tpe" from experiment.yaml's sweep section, or null when the experiment is no search. */
    static String kind(ExperimentResults r) {
        Map<String, Object> sweep = r.experiment().mapping("sweep");
        return sweep.containsKey("halving") ? "halving" : sweep.containsKey("tpe") ? "tpe" : null;
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
        h.append("<h2 id=\"search\">Search</h2>\n<p>").append(kind.equals("halving")
                ? "Successive halving over " + rows.stream().filter(x -> x.round() == 0).count() + " configurations, rungs of "
                + Html.escape(String.valueOf(spec.get("budget_key"))) + " = " + Html.escape(String.valueOf(spec.get("rungs")))
                + ", keeping " + Html.escape(String.valueOf(spec.getOrDefault("keep", "1/3"))) + " at each rung"
                : "TPE: " + rows.size() + " configurations proposed in rounds of " + Html.escape(String.valueOf(spec.getOrDefault("batch", 1))))
                .append("; ranked by the mean of ").append(Html.escape(metric)).append(" over the seeds (")
                .append(maximise ? "higher" : "lower").append(" is better); ").append(spent).append(" epochs spent in all.</p>\n");
        rows.stream().filter(x -> x.outcome() == SearchTable.Outcome.BEST).findFirst().ifPresent(best -> h.append("<p><b>Best found: ")
                .append(Html.escape(best.configuration())).append("</b>, ").append(Html.escape(metric)).append(" ")
                .append(String.format(Locale.ROOT, "%.5g", best.value())).append(" (round ").append(best.round()).append(")</p>\n"));
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
        h.append("<table><thead><tr><th>round</th><th>configuration</th><th>").append(Html.escape(metric))
                .append("</th><th>epochs</th><th>outcome</th></tr></thead><tbody>\n");
        for (SearchTable.Row row : rows) {
            String outcome = switch (row.outcome()) {
                case STOPPED -> "stopped at rung " + row.round();
                case PROMOTED -> "promoted to rung " + (row.round() + 1);
                case BEST -> "best";
                case PROPOSED -> "proposed";
            };
            h.append("<tr><td>").append(row.round()).append("</td><td>").append(Html.escape(row.configuration())).append("</td><td>")
                    .append(Double.isNaN(row.value()) ? "diverged" : String.format(Locale.ROOT, "%.5g", row.value())).append("</td><td>")
                    .append(row.epochs()).append("</td><td>").append(outcome).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
