package ffnlab.analysis;

import ffnlab.sweep.Configuration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two runs side by side (two experiments, two variants, or an experiment and one of its variants): for every
 * configuration present in both, matched by its label, the final test metric's mean over seeds on each side, the
 * difference B - A with its 95% {@link WelchInterval}, and a {@link Verdict}. Or one run against a baseline
 * configuration of its own: A is the baseline, and every other configuration is a B. Diverged trials and trials
 * without a finite final test metric are left out of the means; configurations present on one side only are listed
 * by name.
 *
 * @param a          the first run's results name
 * @param b          the second run's results name (the same as {@code a} against a baseline)
 * @param baseline   the label of A's configuration that every row is compared with; null when rows match by label
 * @param measure    the metric compared (and whether higher is better)
 * @param rows       one per shared configuration, in A's order (against a baseline: one per other configuration)
 * @param onlyInA    configurations of A that B lacks
 * @param onlyInB    configurations of B that A lacks
 */
public record Comparison(String a, String b, String baseline, ErrorMeasure measure, List<Row> rows, List<String> onlyInA,
                         List<String> onlyInB) {

    /** B against A for one configuration. */
    public enum Verdict {
        /** the interval lies wholly on the better side of 0 */
        BETTER,
        /** the interval lies wholly on the worse side of 0 */
        WORSE,
        /** the interval contains 0 */
        INDISTINGUISHABLE,
        /** fewer than 2 seeds on a side */
        NOT_ASSESSED;

        /** As printed: {@code not assessed}, {@code better}, ... */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }

    /**
     * One configuration.
     *
     * @param configuration its label (B's, against a baseline)
     * @param meanA         A's mean over its seeds
     * @param nA            A's seeds
     * @param meanB         B's mean
     * @param nB            B's seeds
     * @param difference    B - A, with its interval
     * @param verdict       B against A
     */
    public record Row(String configuration, double meanA, int nA, double meanB, int nB, WelchInterval difference, Verdict verdict) {
    }

    /**
     * Compares the finished trials of {@code a} and {@code b}.
     *
     * @throws IllegalArgumentException when one is a regression and the other a classification
     */
    public static Comparison of(ExperimentResults a, ExperimentResults b) {
        if (a.task() != b.task()) {
            throw new IllegalArgumentException("cannot compare " + a.name() + " (" + a.task().name().toLowerCase(java.util.Locale.ROOT)
                    + ") with " + b.name() + " (" + b.task().name().toLowerCase(java.util.Locale.ROOT) + "): different tasks");
        }
        ErrorMeasure measure = ErrorMeasure.of(a.task());
        Map<String, double[]> valuesA = values(a, measure);
        Map<String, double[]> valuesB = values(b, measure);
        List<Row> rows = new ArrayList<>();
        List<String> onlyInA = new ArrayList<>();
        valuesA.forEach((configuration, x) -> {
            double[] y = valuesB.get(configuration);
            if (y == null) {
                onlyInA.add(configuration);
            } else {
                rows.add(row(configuration, x, y, measure));
            }
        });
        List<String> onlyInB = valuesB.keySet().stream().filter(c -> !valuesA.containsKey(c)).toList();
        return new Comparison(a.name(), b.name(), null, measure, List.copyOf(rows), List.copyOf(onlyInA), onlyInB);
    }

    /**
     * Every configuration of {@code results} against its configuration whose coordinates equal {@code baseline}'s
     * (values compared as {@link Configuration#ORDER} compares them: {@code 0.01} and {@code 1e-2} are one value).
     *
     * @param baseline the baseline's swept keys and plain values, e.g. {@code model.hidden=64}
     * @throws IllegalArgumentException naming the configurations when none of them is the baseline
     */
    public static Comparison againstBaseline(ExperimentResults results, Map<String, ?> baseline) {
        ErrorMeasure measure = ErrorMeasure.of(results.task());
        Map<String, double[]> values = values(results, measure);
        String label = results.trials().stream().map(FinishedTrial::coordinates)
                .filter(c -> Configuration.ORDER.compare(c, baseline) == 0).findFirst().map(Configuration::label)
                .orElseThrow(() -> new IllegalArgumentException("no configuration " + Configuration.label(baseline) + " in "
                        + results.name() + "; its configurations: " + String.join("; ", values.keySet())));
        double[] x = values.get(label);
        List<Row> rows = values.entrySet().stream().filter(e -> !e.getKey().equals(label))
                .map(e -> row(e.getKey(), x, e.getValue(), measure)).toList();
        return new Comparison(results.name(), results.name(), label, measure, rows, List.of(), List.of());
    }

    private static Row row(String configuration, double[] x, double[] y, ErrorMeasure measure) {
        WelchInterval d = WelchInterval.of(x, y);
        return new Row(configuration, WelchInterval.mean(x), x.length, WelchInterval.mean(y), y.length, d, verdict(d, measure));
    }

    /** B against A from the interval of B - A: better when it excludes 0 on the measure's better side. */
    static Verdict verdict(WelchInterval d, ErrorMeasure measure) {
        if (!d.assessed()) {
            return Verdict.NOT_ASSESSED;
        }
        if (d.containsZero()) {
            return Verdict.INDISTINGUISHABLE;
        }
        boolean higher = d.low() > 0;
        return higher == measure.higherIsBetter() ? Verdict.BETTER : Verdict.WORSE;
    }

    /** The final test values per configuration label (in sweep order), without diverged or non-finite ones. */
    private static Map<String, double[]> values(ExperimentResults results, ErrorMeasure measure) {
        Map<String, List<Double>> byConfiguration = new LinkedHashMap<>();
        for (FinishedTrial t : results.trials()) {
            List<Double> values = byConfiguration.computeIfAbsent(t.configuration(), c -> new ArrayList<>());
            double v = t.summaryValue(measure.finalTest());
            if (!t.diverged() && Double.isFinite(v)) {
                values.add(v);
            }
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        byConfiguration.forEach((c, v) -> out.put(c, v.stream().mapToDouble(Double::doubleValue).toArray()));
        return out;
    }
}
