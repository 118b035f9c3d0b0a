package ffnlab.report;

import static ffnlab.report.Html.escape;

import ffnlab.results.ResultsStore;
import java.util.List;

/**
 * {@code reports/index.html}: what was run and what it showed. Full runs and shortened runs (the smoke and ci
 * profiles) in separate sortable tables, each experiment with its description, the chapter's claim, the measured
 * headline and the verdict on the claim, trials, diverged trials, the code's commit and the date. A variant
 * ({@code NAME@VARIANT}) follows its experiment, indented and shown by {@code @VARIANT} (by its full name when the
 * experiment itself has no row).
 */
public final class IndexPage {
    /** The profile of a full run (no {@code -Dprofile}). */
    static final String FULL = "default";
    /** A full git commit hash: shown by its first ten digits, in full on hover. */
    private static final java.util.regex.Pattern FULL_HASH = java.util.regex.Pattern.compile("\\b([0-9a-f]{10})[0-9a-f]{30}\\b");

    /**
     * One row of the index.
     *
     * @param experiment  the results folder's name
     * @param hasReport   whether reports/&lt;experiment&gt;/index.html exists (then the name links to it)
     * @param profile     {@link #FULL}, or the shortening profile it ran under (smoke, ci)
     * @param description experiment.yaml's description
     * @param claim       the chapter's claim (report.chapter note), empty when the experiment states none
     * @param headline    the measured headline, or the one-line error that kept it from being read
     * @param verdict     how the measurement compares with the claim
     * @param date        when it ran
     * @param trials      finished trials
     * @param unfinished  unfinished trials
     * @param diverged    diverged trials (among the finished)
     * @param commit      the git commit(s) of the code that trained the trials
     */
    public record Entry(String experiment, boolean hasReport, String profile, String description, String claim,
                        String headline, String verdict, String date, int trials, int unfinished, int diverged,
                        String commit) {
        /** Whether the run was shortened by a profile, so its numbers check the pipeline rather than the chapter. */
        boolean shortened() {
            return !profile.equals(FULL);
        }
    }

    private IndexPage() {
    }

    public static String render(List<Entry> entries) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>ffnlab reports</title><style>").append(PageStyle.CSS).append("</style></head>\n<body><main class=\"wide\">\n")
                .append("<h1>ffnlab reports</h1>\n<p class=\"meta\">One report per experiment under results/; "
                        + "each folder opens offline and can be zipped on its own.</p>\n");
        if (entries.isEmpty()) {
            h.append("<p>No experiment has results yet: run one with <code>mvn -q exec:java -Dexp=NAME</code>.</p>\n");
        } else {
            List<Entry> full = entries.stream().filter(e -> !e.shortened()).toList();
            List<Entry> shortened = entries.stream().filter(Entry::shortened).toList();
            h.append("<h2 id=\"full-runs\">Full runs</h2>\n");
            if (full.isEmpty()) {
                h.append("<p>None yet: every run below was shortened by a profile.</p>\n");
            } else {
                table(h, "experiments", full, false);
            }
            if (!shortened.isEmpty()) {
                h.append("<h2 id=\"shortened-runs\">Smoke and ci runs</h2>\n<p class=\"note\">Shortened by a profile "
                        + "(few epochs, seeds or patterns) to check the pipeline end to end: their numbers are not "
                        + "evidence for or against the chapter.</p>\n");
                table(h, "shortened-experiments", shortened, true);
            }
        }
        h.append("</main>\n").append(PageScript.element()).append("</body></html>\n");
        return h.toString();
    }

    private static void table(StringBuilder h, String id, List<Entry> entries, boolean withProfile) {
        h.append("<div class=\"scroll\"><table id=\"").append(id).append("\" class=\"sortable index\"><thead><tr>")
                .append("<th>experiment</th>").append(withProfile ? "<th>profile</th>" : "")
                .append("<th>description</th><th>chapter&#39;s claim</th><th>measured</th><th>verdict</th><th>trials</th>")
                .append("<th>diverged</th><th>commit</th><th>date</th></tr></thead><tbody>\n");
        java.util.Set<String> listed = new java.util.HashSet<>();
        entries.forEach(e -> listed.add(e.experiment()));
        for (Entry e : entries) {
            String name = escape(e.experiment());
            String base = ResultsStore.base(e.experiment());
            boolean variant = !base.equals(e.experiment()) && listed.contains(base);
            String shown = variant ? "@" + escape(e.experiment().substring(base.length() + 1)) : name;
            h.append(variant ? "<tr class=\"variant\" title=\"a variant of " + escape(base) + "\">" : "<tr>")
                    .append("<td class=\"text\"").append(variant ? " data-sort=\"" + name + "\" style=\"padding-left:1.5em\"" : "").append('>')
                    .append(e.hasReport() ? "<a href=\"" + name + "/index.html\">" + shown + "</a>" : shown + " (no report)")
                    .append("</td>");
            if (withProfile) {
                h.append("<td class=\"text\"><span class=\"profile\">").append(escape(e.profile())).append("</span></td>");
            }
            h.append("<td class=\"text\">").append(escape(e.description())).append("</td><td class=\"text\">")
                    .append(e.claim().isEmpty() ? "<span class=\"note\">none stated</span>" : escape(e.claim()))
                    .append("</td><td class=\"text\">").append(escape(e.headline())).append("</td><td class=\"text verdict\">")
                    .append(escape(e.verdict())).append("</td><td data-sort=\"").append(e.trials()).append("\">")
                    .append(e.trials()).append(e.unfinished() > 0 ? " (+" + e.unfinished() + " unfinished)" : "")
                    .append("</td><td").append(e.diverged() > 0 ? " class=\"missing\"" : "").append(">").append(e.diverged())
                    .append("</td><td class=\"text\" title=\"").append(escape(e.commit())).append("\"><code>")
                    .append(escape(FULL_HASH.matcher(e.commit()).replaceAll("$1"))).append("</code></td><td class=\"text date\">")
                    .append(escape(e.date())).append("</td></tr>\n");
        }
        h.append("</tbody></table></div>\n");
    }
}
