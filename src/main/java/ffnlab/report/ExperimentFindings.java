package ffnlab.report;

import ffnlab.analysis.Aggregation;
import ffnlab.analysis.ErrorMeasure;
import ffnlab.analysis.ExperimentResults;
import ffnlab.analysis.FinishedTrial;
import ffnlab.analysis.Optimum;
import ffnlab.analysis.TimeToTarget;
import ffnlab.analysis.TrialTable;
import ffnlab.results.TrialSchema.Column;
import java.util.ArrayList;
import ffnlab.plot.CurveKeys;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tech.tablesaw.api.Table;

/**
 * What a report shows about one experiment, computed once from its results: the per-trial table, the aggregate
 * per configuration (with the optimum marked), the learning curves over seeds, and the trial whose predictions and
 * weights stand for the optimum.
 *
 * @param results          the experiment read back
 * @param trials           {@link TrialTable#summaries}
 * @param perConfiguration {@link Aggregation#perConfiguration} plus {@link Optimum#VS_OPTIMUM}
 * @param curves           {@link Aggregation#curves} of the measured per-epoch columns
 * @param measure          the task's error
 * @param optimum          the configuration with the best mean final test error
 * @param chapter          the chapter's claims from {@code report.chapter}
 * @param representative   the optimum's trial with the lowest seed (or the first trial)
 */
public record ExperimentFindings(ExperimentResults results, Table trials, Table perConfiguration, Table curves,
                                 ErrorMeasure measure, Optional<Optimum> optimum, ChapterClaims chapter,
                                 Optional<FinishedTrial> representative) {

    /** Per-epoch columns drawn as curves when some trial measured them. */
    private static final List<String> CURVE_COLUMNS = List.of(Column.TRAIN_LOSS.key(), Column.TEST_LOSS.key(), Column.TRAIN_MSE.key(),
            Column.TEST_MSE.key(), Column.TRAIN_ACCURACY.key(), Column.TEST_ACCURACY.key());

    public static ExperimentFindings of(ExperimentResults results) {
        return of(results, true);
    }

    /**
     * @param withCurves false leaves {@link #curves} empty (the index page needs only the aggregate; curves of long
     *                   runs cost seconds)
     */
    public static ExperimentFindings of(ExperimentResults results, boolean withCurves) {
        ErrorMeasure measure = ErrorMeasure.of(results.task());
        Table trials = TrialTable.summaries(results);
        Table perConfiguration = Aggregation.perConfiguration(trials, results.sweptKeys());
        Optional<Optimum> optimum = Optimum.find(perConfiguration, measure);
        if (optimum.isPresent()) {
            optimum.get().mark(perConfiguration);
        }
        Table epochs = withCurves ? TrialTable.epochs(results) : TrialTable.emptyEpochs(results.name());
        List<String> measured = new ArrayList<>();
        for (String c : CURVE_COLUMNS) {
            if (epochs.rowCount() > 0 && epochs.doubleColumn(c).countMissing() < epochs.rowCount()) {
                measured.add(c);
            }
        }
        Table curves = measured.isEmpty() ? Aggregation.curves(epochs.emptyCopy(), List.of())
                : Aggregation.curves(epochs, measured);
        Optional<FinishedTrial> representative = results.trials().stream()
                .filter(t -> !t.diverged())
                .filter(t -> optimum.isEmpty() || t.configuration().equals(optimum.get().configuration()))
                .min(Comparator.comparingLong(FinishedTrial::seed));
        if (representative.isEmpty()) {
            representative = results.trials().stream().findFirst();
        }
        return new ExperimentFindings(results, trials, perConfiguration, curves, measure, optimum,
                ChapterClaims.of(results.experiment()), representative);
    }

    /** Whether per-epoch curves of {@code column} exist. */
    public boolean hasCurve(String column) {
        return curves.containsColumn(column + Aggregation.MEAN);
    }

    /** The swept key that is a batch size ({@code ...batch...}), if any. */
    public Optional<String> batchKey() {
        return results.sweptKeys().stream().filter(k -> k.toLowerCase(java.util.Locale.ROOT).contains("batch")).findFirst();
    }

    /**
     * The time to {@code report.target_accuracy} per trial and configuration ({@link TimeToTarget.Sweep}), when the
     * experiment sets a target.
     */
    public Optional<TimeToTarget.Sweep> timeToTarget() {
        java.util.OptionalDouble target = TimeToTarget.target(results.experiment());
        return target.isPresent() && !trials.isEmpty()
                ? Optional.of(TimeToTarget.Sweep.of(results, perConfiguration, target.getAsDouble())) : Optional.empty();
    }

    /** The number of configurations. */
    public int configurations() {
        return perConfiguration.rowCount();
    }

    /**
     * How learning-curve charts tell configurations apart: colour by the first swept key, marker by the second, each
     * configuration's seeds, and the configurations of a baseline model (Tribuo's linear or logistic regression,
     * {@code model.kind} other than {@code ffn}) as references.
     */
    public CurveKeys curveKeys() {
        Map<String, List<Long>> seeds = new LinkedHashMap<>();
        Set<String> references = new HashSet<>();
        for (FinishedTrial t : results.trials()) {
            if (!t.diverged()) {
                seeds.computeIfAbsent(t.configuration(), c -> new ArrayList<>()).add(t.seed());
            }
            Object kind = t.config("model.kind");
            if (kind != null && !"ffn".equals(String.valueOf(kind))) {
                references.add(t.configuration());
            }
        }
        seeds.values().forEach(java.util.Collections::sort);
        return CurveKeys.of(perConfiguration, results.sweptKeys(), seeds, references);
    }

    /** Whether the regression target was standardised (errors on the scaled target), from the trials' configs. */
    public boolean standardisedTarget() {
        return results.trials().stream().findFirst()
                .map(t -> "standardise".equals(String.valueOf(t.config("dataset.output_scaling")))).orElse(false);
    }

    /** The class names in the dataset's label order where the dataset defines one (Fashion-MNIST); else empty. */
    public List<String> classOrder() {
        boolean fashion = results.trials().stream().findFirst()
                .map(t -> ffnlab.data.FashionMnist.NAME.equals(String.valueOf(t.config("dataset.source")))).orElse(false);
        return fashion ? ffnlab.data.FashionMnist.CLASS_NAMES : List.of();
    }

    /** The trials of the representative's configuration that did not diverge, in seed order. */
    public List<FinishedTrial> representativeSeeds() {
        return representative.map(r -> results.trials().stream()
                .filter(t -> !t.diverged() && t.configuration().equals(r.configuration()))
                .sorted(Comparator.comparingLong(FinishedTrial::seed)).toList()).orElse(List.of());
    }

    /** What a regression target is and its unit: the median house value in $ for California housing. */
    public List<String> targetQuantityAndUnit() {
        // experiment.yaml as run (after extends and overrides) names the data set; a trial's config where it is absent
        Object source = results.experiment().get("dataset.source");
        if (source == null) {
            source = results.trials().stream().findFirst().map(t -> t.config("dataset.source")).orElse(null);
        }
        boolean housing = "california-housing".equals(String.valueOf(source));
        return housing ? List.of("median house value", "$") : List.of("target", "value");
    }
}
