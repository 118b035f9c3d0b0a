package ffnlab.report;

import static ffnlab.report.Html.escape;

import java.util.List;

/** {@code reports/index.html}: every experiment with its date, trial count and headline result. */
public final class IndexPage {

    /**
     * One row of the index.
     *
     * @param experiment the experiment name
     * @param hasReport  whether reports/&lt;experiment&gt;/index.html exists (then the name links to it)
     * @param date       when it ran
     * @param trials     finished trials
     * @param unfinished unfinished trials
     * @param headline   the headline result, or the one-line error that kept it from being read
     */
    public record Entry(String experiment, boolean hasReport, String date, int trials, int unfinished, String headline) {
    }

    private IndexPage() {
    }

    public static String render(List<Entry> entries) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>ffnlab reports</title><style>").append(PageStyle.CSS).append("</style></head>\n<body><main>\n")
                .append("<h1>ffnlab reports</h1>\n<p class=\"meta\">One report per experiment under results/; "
                        + "each folder opens offline and can be zipped on its own.</p>\n");
        if (entries.isEmpty()) {
            h.append("<p>No experiment has results yet: run one with <code>mvn -q exec:java -Dexp=NAME</code>.</p>\n");
        } else {
            h.append("<table id=\"experiments\"><thead><tr><th>experiment</th><th>date</th><th>trials</th><th>headline</th>"
                    + "</tr></thead><tbody>\n");
            for (Entry e : entries) {
                String name = escape(e.experiment());
                h.append("<tr><td class=\"text\">")
                        .append(e.hasReport() ? "<a href=\"" + name + "/index.html\">" + name + "</a>" : name + " (no report)")
                        .append("</td><td class=\"text\">").append(escape(e.date())).append("</td><td>").append(e.trials())
                        .append(e.unfinished() > 0 ? " (+" + e.unfinished() + " unfinished)" : "")
                        .append("</td><td class=\"text\" style=\"white-space:normal\">").append(escape(e.headline()))
                        .append("</td></tr>\n");
            }
            h.append("</tbody></table>\n");
        }
        h.append("</main></body></html>\n");
        return h.toString();
    }
}
