package ffnlab.report;

import java.util.Locale;

/** Text for HTML: escaping and the number format of report tables. */
public final class Html {
    private Html() {
    }

    /** Escapes {@code & < > " '} for text and attribute values. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** An amount in the target's own unit: {@code $56,836} for dollars; a plain number for any other unit. */
    public static String amount(double v, String unit) {
        return unit.equals("$") && Double.isFinite(v) ? "$" + String.format(java.util.Locale.ROOT, "%,.0f", v) : number(v);
    }

    /** Four significant digits, plain notation where it reads well; "n/a" for NaN. */
    public static String number(double x) {
        if (Double.isNaN(x)) {
            return "n/a";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e7) {
            return Long.toString((long) x);
        }
        double a = Math.abs(x);
        if (a >= 1e-3 && a < 1e7) {
            return String.format(Locale.ROOT, "%.4g", x).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
        }
        return String.format(Locale.ROOT, "%.3e", x);
    }

    /**
     * {@code mean ± half-width} with the half-width to two significant digits and the mean to the same decimal place
     * ({@code 0.2690 ± 0.0070}); the mean alone when there is no interval.
     */
    public static String meanCi(double mean, double halfWidth) {
        if (!Double.isFinite(halfWidth)) {
            return number(mean);
        }
        if (!Double.isFinite(mean) || halfWidth <= 0 || halfWidth < 1e-9 || Math.abs(mean) >= 1e7 || halfWidth >= 1e7) {
            return number(mean) + " ± " + number(halfWidth);
        }
        int decimals = Math.max(0, 1 - (int) Math.floor(Math.log10(halfWidth)));
        return String.format(Locale.ROOT, "%." + decimals + "f ± %." + decimals + "f", mean, halfWidth);
    }

    /**
     * {@link #meanCi} where the interval stays inside {@code range}; where it would leave it (a time of 27 &plusmn; 54),
     * the mean with the interval's clipped ends: {@code 27 [0, 81]}.
     */
    public static String meanCi(double mean, double halfWidth, ffnlab.analysis.ValidRange range) {
        if (!Double.isFinite(mean) || !Double.isFinite(halfWidth)
                || mean - halfWidth >= range.min() && mean + halfWidth <= range.max()) {
            return meanCi(mean, halfWidth);
        }
        return number(mean) + " [" + number(range.lower(mean, halfWidth)) + ", " + number(range.upper(mean, halfWidth)) + "]";
    }

    /**
     * {@code median (min–max)} of the finite values, for whole-number quantities such as epochs whose spread over seeds
     * a mean and a symmetric interval misstate ({@code 35 (3–120)}, not {@code 35 ± 54}); the value alone when all
     * agree, "n/a" when there is none.
     */
    public static String medianRange(double[] values) {
        double[] v = java.util.Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (v.length == 0) {
            return "n/a";
        }
        String median = number(median(v));
        return v[0] == v[v.length - 1] ? median : median + " (" + number(v[0]) + "–" + number(v[v.length - 1]) + ")";
    }

    /** The median of sorted values. */
    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
