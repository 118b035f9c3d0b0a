package ffnlab.report;

import static ffnlab.report.Html.escape;

import ffnlab.analysis.FinishedTrial;
import ffnlab.results.TrialDirectory;
import ffnlab.results.TrialSchema;
import ffnlab.results.TrialSchema.Metric;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.List;

/**
 * One row per finished trial (configuration, seed, status, final train and test error, epochs run, the epoch it
 * diverged at) with links to the files in its results folder. The links are relative to the report page, so they work
 * while the results folder keeps its place relative to the reports folder (the page says where it looked).
 */
final class TrialsTable {
    /** The files of a trial folder that are linked, in order, when they exist. */
    static final List<String> FILES = List.of(TrialDirectory.SUMMARY, TrialDirectory.METRICS, TrialDirectory.PREDICTIONS,
            TrialDirectory.PARAMETERS, TrialDirectory.PROVENANCE, TrialDirectory.TRIAL);

    private TrialsTable() {
    }

    /**
     * @param trialsHref the relative URL from the report page to {@code results/<experiment>/trials}
     */
    static void append(StringBuilder h, ExperimentFindings f, String trialsHref) {
        Metric train = f.measure().finalTrain();
        Metric test = f.measure().finalTest();
        h.append("<p class=\"note\">Files link to <code>").append(escape(trialsHref))
                .append("/&lt;trial&gt;/</code>, relative to this page: they open while the results folder stays where it "
                        + "was beside the reports.</p>\n")
                .append("<div class=\"scroll\"><table id=\"trials-table\" class=\"sortable wide\"><thead><tr>")
                .append("<th>configuration</th><th>seed</th><th>status</th><th>").append(escape(test.label()))
                .append("</th><th>").append(escape(train.label())).append("</th><th>epochs run</th>")
                .append("<th>diverged at epoch</th><th>trial</th><th>files</th></tr></thead><tbody>\n");
        for (FinishedTrial t : f.results().trials()) {
            String folder = trialsHref + "/" + t.id() + "/";
            h.append("<tr").append(t.diverged() ? " class=\"diverged\"" : "").append("><td class=\"text\">")
                    .append(escape(t.configuration())).append("</td><td>").append(t.seed()).append("</td><td class=\"text\">")
                    .append(escape(t.status())).append("</td>");
            cell(h, t.summaryValue(test));
            cell(h, t.summaryValue(train));
            cell(h, t.summary().optionalNumber(TrialSchema.EPOCHS_RUN));
            cell(h, t.diverged() ? t.summary().optionalNumber(TrialSchema.DIVERGED_EPOCH) : Double.NaN);
            h.append("<td class=\"text\"><code>").append(escape(t.id())).append("</code></td><td class=\"text files\">");
            String sep = "";
            for (String file : FILES) {
                if (Files.exists(t.dir().resolve(file))) {
                    h.append(sep).append("<a href=\"").append(escape(folder + file)).append("\">").append(escape(file))
                            .append("</a>");
                    sep = " ";
                }
            }
            h.append("</td></tr>\n");
        }
        h.append("</tbody></table></div>\n");
    }

    private static void cell(StringBuilder h, double value) {
        h.append("<td>").append(Double.isNaN(value) ? "" : escape(Html.number(value))).append("</td>");
    }

    /** {@code relativePath} (with '/' separators) as a relative URL, its characters percent-encoded where needed. */
    static String href(String relativePath) {
        try {
            return new URI(null, null, relativePath, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot link to " + relativePath + ": " + e.getMessage(), e);
        }
    }
}
