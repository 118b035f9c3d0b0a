package ffnlab.report;

import static ffnlab.report.Html.escape;

import ffnlab.analysis.Comparison;
import ffnlab.analysis.WelchInterval;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A {@link Comparison} as the console prints it and as {@code reports/compare-A-vs-B/index.html} (against a baseline
 * {@code reports/compare-A-baseline-LABEL/index.html}): one row per compared configuration with both means, the difference B - A, its 95% Welch interval and the verdict; the page says how the
 * interval is computed, lists configurations found on one side only, and opens offline (inline style and script).
 */
public final class ComparePage {
    private static final String METHOD = "Difference of means B − A of the final test %s over seeds, with the 95%% "
            + "confidence interval of Welch's t (unequal variances; Welch–Satterthwaite degrees of freedom). "
            + "Verdict for B against A: better or worse when the interval excludes 0 (%s is better), indistinguishable when "
            + "it contains 0, not assessed with fewer than 2 seeds on a side. Diverged trials are left out.";

    private ComparePage() {
    }

    /**
     * The folder name of the page: {@code compare-A-vs-B}, or against a baseline {@code compare-A-baseline-LABEL} (the
     * label's characters outside letters, digits and {@code . _ = + @ -} each replaced by {@code _}).
     */
    public static String folder(Comparison c) {
        return c.baseline() == null ? "compare-" + c.a() + "-vs-" + c.b()
                : "compare-" + c.a() + "-baseline-" + c.baseline().replaceAll("[^A-Za-z0-9._=+@-]", "_");
    }

    /** What A and B are, e.g. {@code A = exp, B = exp@lr=0.05} or {@code A = model.hidden=64 of exp (the baseline), B = ...}. */
    private static String sides(Comparison c) {
        return c.baseline() == null ? "A = " + c.a() + ", B = " + c.b()
                : "A = " + c.baseline() + " of " + c.a() + " (the baseline), B = each other configuration of " + c.b();
    }

    /** Writes {@code reportsRoot/compare-A-vs-B/index.html}; returns its path. */
    public static Path write(Comparison c, Path reportsRoot) {
        Path index = reportsRoot.resolve(folder(c)).resolve("index.html");
        ffnlab.AtomicFile.write(index, render(c));
        return index;
    }

    /** The console table: configuration, A's mean (n), B's mean (n), B - A, its interval, the verdict. */
    public static String console(Comparison c) {
        int width = Math.max(13, c.rows().stream().mapToInt(r -> r.configuration().length()).max().orElse(0));
        String metric = "final test " + c.measure().label();
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s: %s; B - A with its 95%% Welch CI%n", metric, sides(c)));
        b.append(String.format(Locale.ROOT, "%-" + width + "s %16s %16s %12s %26s  %s%n", "configuration", "A mean (n)", "B mean (n)", "B - A",
                "95% CI", "verdict"));
        for (Comparison.Row r : c.rows()) {
            b.append(String.format(Locale.ROOT, "%-" + width + "s %16s %16s %12s %26s  %s%n", r.configuration(), meanN(r.meanA(), r.nA()),
                    meanN(r.meanB(), r.nB()), Html.number(r.difference().difference()), interval(r.difference()), r.verdict().word()));
        }
        if (!c.onlyInA().isEmpty()) {
            b.append("only in A: ").append(String.join(", ", c.onlyInA())).append('\n');
        }
        if (!c.onlyInB().isEmpty()) {
            b.append("only in B: ").append(String.join(", ", c.onlyInB())).append('\n');
        }
        return b.toString();
    }

    static String render(Comparison c) {
        String title = c.baseline() == null ? escape(c.a()) + " vs " + escape(c.b()) : escape(c.a()) + ": against " + escape(c.baseline());
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(title).append("</title><style>").append(PageStyle.CSS).append("</style></head>\n<body><main>\n")
                .append("<p class=\"meta\"><a href=\"../index.html\">all reports</a></p>\n")
                .append("<h1>").append(title).append("</h1>\n<p>").append(escape(sides(c))).append(" (reports: <a href=\"../")
                .append(escape(c.a())).append("/index.html\">").append(escape(c.a())).append("</a>");
        if (!c.b().equals(c.a())) {
            h.append(", <a href=\"../").append(escape(c.b())).append("/index.html\">").append(escape(c.b())).append("</a>");
        }
        h.append(").</p>\n<p class=\"note\" id=\"method\">")
                .append(escape(String.format(Locale.ROOT, METHOD, c.measure().label(), c.measure().higherIsBetter() ? "higher" : "lower")))
                .append("</p>\n<p>").append(escape(summary(c))).append("</p>\n");
        String unit = c.measure().unit();
        h.append("<p class=\"note\">Means, differences and intervals in ").append(escape(unit)).append(unit.endsWith(".") ? "" : ".")
                .append("</p>\n")
                .append("<div class=\"scroll\"><table id=\"comparison\" class=\"sortable\"><thead><tr><th>configuration</th>")
                .append("<th>A mean</th><th>A seeds</th><th>B mean</th><th>B seeds</th><th>B − A</th><th>95% CI</th><th>verdict</th>")
                .append("</tr></thead><tbody>\n");
        for (Comparison.Row r : c.rows()) {
            WelchInterval d = r.difference();
            h.append("<tr class=\"").append(r.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-')).append("\"><td class=\"text\">")
                    .append(escape(r.configuration())).append("</td><td>").append(Html.number(r.meanA())).append("</td><td>").append(r.nA())
                    .append("</td><td>").append(Html.number(r.meanB())).append("</td><td>").append(r.nB()).append("</td><td>")
                    .append(Html.number(d.difference())).append("</td><td data-sort=\"").append(Html.number(d.low())).append("\">")
                    .append(escape(interval(d))).append("</td><td class=\"text\">").append(r.verdict().word()).append("</td></tr>\n");
        }
        h.append("</tbody></table></div>\n");
        onlyIn(h, "A", c.a(), c.onlyInA());
        onlyIn(h, "B", c.b(), c.onlyInB());
        h.append("</main>\n").append(PageScript.element()).append("</body></html>\n");
        return h.toString();
    }

    /** How many configurations came out each way, e.g. "B is better in 2, worse in 0, indistinguishable in 7 of 9 configurations". */
    static String summary(Comparison c) {
        StringBuilder b = new StringBuilder("B against A: ");
        List<String> parts = new java.util.ArrayList<>();
        for (Comparison.Verdict v : Comparison.Verdict.values()) {
            long n = c.rows().stream().filter(r -> r.verdict() == v).count();
            parts.add(v.word() + " in " + n);
        }
        return b.append(String.join(", ", parts)).append(" of ").append(c.rows().size())
                .append(c.baseline() == null ? " shared configurations." : " configurations compared with the baseline.").toString();
    }

    private static void onlyIn(StringBuilder h, String side, String name, List<String> configurations) {
        if (!configurations.isEmpty()) {
            h.append("<p class=\"note\">Only in ").append(side).append(" (").append(escape(name)).append("), not compared: ")
                    .append(escape(String.join(", ", configurations))).append(".</p>\n");
        }
    }

    private static String meanN(double mean, int n) {
        return Html.number(mean) + " (" + n + ")";
    }

    private static String interval(WelchInterval d) {
        return d.assessed() ? "[" + Html.number(d.low()) + ", " + Html.number(d.high()) + "]" : "n/a";
    }
}
