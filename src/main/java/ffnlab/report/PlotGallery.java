package ffnlab.report;

import ffnlab.analysis.FinishedTrial;
import ffnlab.analysis.TimeToTarget;
import ffnlab.analysis.ValidRange;
import ffnlab.analysis.SeedValues;
import ffnlab.data.Task;
import ffnlab.plot.AnnotatedChart;
import ffnlab.plot.ConfusionMatrixPlot;
import ffnlab.plot.ErrorVsSweptPlot;
import ffnlab.plot.HeatmapPlot;
import ffnlab.plot.LearningCurvePlot;
import ffnlab.plot.ParallelCoordinatesPlot;
import ffnlab.plot.PredictedVsActualPlot;
import ffnlab.plot.TimeToTargetPlot;
import ffnlab.plot.UpdateTimePlot;
import ffnlab.plot.WeightsPlot;
import ffnlab.results.TrialSchema.Column;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

/**
 * Chooses and draws the plots of an experiment report: those listed in {@code report.plots}, or by default those
 * that fit the task and the sweep. A plot that cannot be drawn becomes a note on the page, never a failed report.
 */
public final class PlotGallery {
    private static final Logger LOG = LogManager.getLogger();

    private PlotGallery() {
    }

    /** The kinds {@code report.plots} names, or the defaults for this experiment. */
    public static List<PlotKind> kinds(ExperimentFindings f) {
        Object listed = f.results().experiment().get("report.plots");
        List<PlotKind> kinds = new ArrayList<>();
        if (listed instanceof List<?> names) {
            for (Object name : names) {
                Optional<PlotKind> kind = PlotKind.of(String.valueOf(name));
                if (kind.isEmpty()) {
                    LOG.warn("{}: unknown plot '{}' in report.plots (known: {})", f.results().name(), name,
                            Arrays.stream(PlotKind.values()).map(PlotKind::key).collect(Collectors.joining(", ")));
                } else if (kind.get() == PlotKind.TIME_TO_TARGET && !targetReached(f)) {
                    LOG.info("{}: no time_to_target plot: no trial reached report.target_accuracy", f.results().name());
                } else {
                    kinds.add(kind.get());
                }
            }
            return kinds;
        }
        boolean classification = f.measure().task() == Task.CLASSIFICATION;
        kinds.add(PlotKind.LEARNING_CURVES);
        if (classification) {
            kinds.add(PlotKind.ACCURACY_CURVES);
        }
        if (f.results().xKey() != null && f.configurations() > 1) {
            kinds.add(PlotKind.ERROR_VS_SWEPT);
        }
        int swept = f.results().sweptKeys().size();
        if (swept == 2 && f.configurations() > 1) {
            kinds.add(PlotKind.HEATMAP);
        } else if (swept >= 3 && f.configurations() > 1) {
            kinds.add(PlotKind.PARALLEL_COORDINATES);
        }
        if (f.batchKey().isPresent() && f.configurations() > 1) {
            kinds.add(PlotKind.TIME_VS_BATCH);
            if (targetReached(f)) {
                kinds.add(PlotKind.TIME_TO_TARGET);
            }
        }
        kinds.add(classification ? PlotKind.CONFUSION_MATRIX : PlotKind.PREDICTED_VS_ACTUAL);
        // by default only where the bars can be read, or where the chapter printed its weights (Example 2)
        int parameters = f.representative().flatMap(FinishedTrial::parameters).map(Table::rowCount).orElse(Integer.MAX_VALUE);
        if (parameters <= WeightsPlot.MAX_PARAMETERS && (parameters <= 40 || f.chapter().parameters() != null)) {
            kinds.add(PlotKind.WEIGHTS);
        }
        return kinds;
    }

    /**
     * Whether some trial reached {@code report.target_accuracy}: only then is there a time to target to draw (the
     * chapter box says where it was not reached); a listed time_to_target plot is left out otherwise.
     */
    private static boolean targetReached(ExperimentFindings f) {
        return f.timeToTarget().map(t -> t.trials().doubleColumn(TimeToTarget.UPDATES_TO_TARGET).countMissing()
                < t.trials().rowCount()).orElse(false);
    }

    /** Draws every kind in {@link #kinds}. */
    public static List<Figure> draw(ExperimentFindings f) {
        List<Figure> figures = new ArrayList<>();
        int index = 0;
        for (PlotKind kind : kinds(f)) {
            String id = "plot" + index++;
            try {
                figures.add(draw(f, kind, id));
            } catch (RuntimeException e) {
                LOG.warn("{}: {} not drawn: {}", f.results().name(), kind.key(), e.getMessage());
                figures.add(new Figure(kind, kind.key().replace('_', ' '), "", null, e.getMessage()));
            }
        }
        return figures;
    }

    private static Figure draw(ExperimentFindings f, PlotKind kind, String id) {
        String rep = f.representative().map(t -> t.configuration() + ", seed " + t.seed()).orElse("");
        return switch (kind) {
            case LEARNING_CURVES -> {
                boolean regression = f.measure().task() == Task.REGRESSION
                        && (f.hasCurve(Column.TEST_MSE.key()) || f.hasCurve(Column.TRAIN_MSE.key()));
                String train = regression ? Column.TRAIN_MSE.key() : Column.TRAIN_LOSS.key();
                String test = regression ? Column.TEST_MSE.key() : Column.TEST_LOSS.key();
                require(f.hasCurve(test) || f.hasCurve(train), "no per-epoch " + test + " or " + train + " in metrics.csv");
                String what = regression ? "m.s.e." : "loss";
                String unit = !regression ? "cross-entropy" : f.standardisedTarget() ? "scaled m.s.e." : "squared target units";
                String caption = f.hasCurve(test) && f.hasCurve(train)
                        ? "Training (dashed) and test (solid) " + what + " against epochs, mean over seeds; dotted lines "
                                + "bound the 95% confidence interval of the test curve (drawn for up to "
                                + LearningCurvePlot.MAX_CONFIGURATIONS_WITH_BANDS + " configurations; the final values' "
                                + "intervals are in the table)."
                        : (f.hasCurve(test) ? "Test " : "Training ") + what + " against epochs, mean over seeds"
                                + (f.hasCurve(test) ? "" : " (no test set)") + "; dotted lines bound its 95% confidence interval.";
                yield figure(kind, id, "Learning curves", caption + curveNote(f),
                        LearningCurvePlot.build(f.curves(), f.curveKeys(), new LearningCurvePlot.Lines(
                                f.hasCurve(train) ? train : null, f.hasCurve(test) ? test : null, what + " against epochs",
                                what, unit, true, ValidRange.NON_NEGATIVE), chapterPoint(f, regression)));
            }
            case ACCURACY_CURVES -> {
                require(f.hasCurve(Column.TEST_ACCURACY.key()), "no per-epoch test_accuracy in metrics.csv");
                yield figure(kind, id, "Accuracy against epochs",
                        "Training (dashed) and test (solid) accuracy against epochs for each configuration, mean over seeds."
                                + curveNote(f),
                        LearningCurvePlot.build(f.curves(), f.curveKeys(), new LearningCurvePlot.Lines(
                                f.hasCurve(Column.TRAIN_ACCURACY.key()) ? Column.TRAIN_ACCURACY.key() : null,
                                Column.TEST_ACCURACY.key(), "accuracy against epochs", "accuracy", "fraction", false, ValidRange.FRACTION),
                                Optional.empty()));
            }
            case ERROR_VS_SWEPT -> {
                String x = f.results().xKey();
                require(x != null, "nothing was swept");
                boolean logX = !Boolean.FALSE.equals(f.results().experiment().get("report.log_x"));
                Optional<String> second = f.results().sweptKeys().stream().filter(k -> !k.equals(x)).findFirst();
                AnnotatedChart drawn = ErrorVsSweptPlot.build(f.perConfiguration(),
                        SeedValues.of(f.trials(), f.perConfiguration(), f.measure().finalTest().key()), x, second,
                        f.measure(), logX, f.optimum(), f.chapter().numericOptimum());
                String lines = second.map(k -> "Final test " + f.measure().label() + ", one line per value of " + k
                        + " (legend); ").orElse("Final test (solid) and training (dashed) " + f.measure().label() + "; ");
                yield figure(kind, id, "Final " + f.measure().label() + " against " + x, lines + "lines join the means "
                        + "over seeds, vertical bars their 95% confidence intervals (clipped to values the "
                        + f.measure().label() + " can take), " + (second.isPresent() ? "faded dots" : "grey dots")
                        + " each seed's final test " + f.measure().label()
                        + "; the diamond marks the measured optimum, the dashed vertical line the chapter's.", drawn);
            }
            case TIME_VS_BATCH -> {
                String b = f.batchKey().orElse(f.results().xKey());
                require(b != null, "no batch size was swept");
                yield figure(kind, id, "Time per weight update and per epoch against batch size",
                        "Lines join the means over seeds, vertical bars their 95% confidence intervals, dots each seed; "
                                + "time per update = time per epoch / updates per epoch (evaluation excluded); each trial's times are "
                                + "its mean over epochs 2.., so the first epoch's warm-up (the JIT compiling) is excluded; "
                                + "the diamond marks the lowest mean time per epoch.",
                        UpdateTimePlot.build(f.perConfiguration(), f.trials(), b));
            }
            case TIME_TO_TARGET -> {
                String b = f.batchKey().orElse(f.results().xKey());
                require(b != null, "no batch size was swept");
                TimeToTarget.Sweep sweep = f.timeToTarget().orElse(null);
                require(sweep != null, "the experiment sets no report.target_accuracy");
                yield figure(kind, id, "Time to test accuracy " + Html.number(sweep.target()) + " against batch size",
                        "Time to target = updates up to the first test measurement whose accuracy reaches the target x "
                                + "the steady time per update (mean over epochs 2.., the first epoch's warm-up excluded); "
                                + "resolution one epoch, or training.eval_every updates where set. Lines join the means over seeds, vertical bars their 95% "
                                + "confidence intervals, dots each seed, the diamond the lowest mean time.",
                        TimeToTargetPlot.build(sweep, b));
            }
            case HEATMAP -> {
                List<String> keys = f.results().sweptKeys();
                require(keys.size() == 2, "a heatmap needs exactly two swept keys, this sweep has " + keys.size() + " " + keys);
                String x = f.results().xKey();
                String y = keys.get(0).equals(x) ? keys.get(1) : keys.get(0);
                yield figure(kind, id, "Final " + f.measure().label() + " over " + x + " and " + y,
                        "Mean final test " + f.measure().label() + " over seeds for each combination, written in its cell; "
                                + "colour by rank, darkest = best (levels and their ranges in the legend). Hatched cells: "
                                + "every seed diverged. Hover a cell for n, the 95% confidence interval and each seed's value.",
                        HeatmapPlot.build(f.perConfiguration(), f.trials(), x, y, f.measure()));
            }
            case PARALLEL_COORDINATES -> {
                List<String> keys = f.results().sweptKeys();
                require(keys.size() >= 2, "parallel coordinates need at least two swept keys, this sweep has " + keys.size());
                yield figure(kind, id, "Final " + f.measure().label() + " over " + keys.size() + " swept keys",
                        "One line per configuration through its value of each swept key to its mean final test "
                                + f.measure().label() + " over seeds; colour by rank, darkest = best, drawn on top; the dots "
                                + "right of the last axis are the single seeds. Grey dashed lines: every seed diverged. Hover "
                                + "a vertex for n and the 95% confidence interval, a dot for its seed.",
                        ParallelCoordinatesPlot.build(f.perConfiguration(), f.trials(), keys, f.measure()));
            }
            case CONFUSION_MATRIX -> {
                Table p = predictions(f);
                require(p.column("actual") instanceof tech.tablesaw.api.StringColumn, "predictions.csv holds numbers, not class names");
                yield figure(kind, id, "Confusion matrix (" + rep + ")",
                        "Share of each actual class (row) predicted as each class (column), in percent, on the test set.",
                        ConfusionMatrixPlot.build(p, f.classOrder(), "confusion matrix, " + rep));
            }
            case PREDICTED_VS_ACTUAL -> {
                java.util.SortedMap<Long, Table> bySeed = new java.util.TreeMap<>();
                f.representativeSeeds().forEach(t -> t.predictions().ifPresent(p -> bySeed.put(t.seed(), p)));
                require(!bySeed.isEmpty(), "no predictions.csv in the representative configuration's trials");
                require(bySeed.values().stream().noneMatch(p -> p.column("actual") instanceof tech.tablesaw.api.StringColumn),
                        "predictions.csv holds class names");
                String configuration = f.representative().map(FinishedTrial::configuration).orElse("");
                List<String> target = f.targetQuantityAndUnit();
                yield figure(kind, id, "Predicted against actual (" + configuration + ", seeds "
                                + bySeed.keySet().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")) + ")",
                        "Predictions of predictions.csv (the test set; the training patterns where there is no test split) "
                                + "in the data's original units, one colour per seed of the best configuration; points on "
                                + "the dashed line are exact.",
                        PredictedVsActualPlot.build(bySeed, "predicted against actual", target.get(0), target.get(1)));
            }
            case WEIGHTS -> {
                Optional<Table> learnt = f.representative().flatMap(FinishedTrial::parameters);
                require(learnt.isPresent(), "no parameters.csv (written only for networks of at most 10000 parameters)");
                yield figure(kind, id, "Learnt weights (" + rep + ")",
                        "Learnt weights and biases" + (f.chapter().parameters() != null ? " beside the chapter's" : "")
                                + "; W_l[i,j] connects unit i of layer l-1 to unit j of layer l.",
                        WeightsPlot.build(learnt.get(), f.chapter().parameters(), "learnt parameters"));
            }
        };
    }

    /** What the colours, markers and reference lines of the learning curves stand for. */
    private static String curveNote(ExperimentFindings f) {
        ffnlab.plot.CurveKeys keys = f.curveKeys();
        StringBuilder note = new StringBuilder();
        if (keys.twoKeys()) {
            note.append(" Colour: ").append(keys.keys().get(0)).append(" (dark to light); marker: ")
                    .append(keys.keys().get(1)).append('.');
        } else if (keys.keys().size() == 1 && f.configurations() > keys.references().size() + 1) {
            note.append(" Colours run along ").append(keys.keys().getFirst()).append(", dark to light.");
        }
        for (String reference : keys.references()) {
            note.append(' ').append(keys.label(reference)).append(" (a baseline trained without epochs) is the grey "
                    + "dashed line at its final value.");
        }
        if (f.curves().rowCount() > 0 && f.curves().intColumn(Column.EPOCH.key()).max() > LearningCurvePlot.MAX_POINTS_PER_LINE) {
            note.append(" Curves over more than ").append(LearningCurvePlot.MAX_POINTS_PER_LINE)
                    .append(" epochs are drawn at evenly spaced epochs.");
        }
        return note.toString();
    }

    /** The training m.s.e. the chapter prints at an epoch, as a point on the regression learning curves. */
    private static Optional<LearningCurvePlot.ReferencePoint> chapterPoint(ExperimentFindings f, boolean regression) {
        ChapterClaims c = f.chapter();
        if (!regression || c.mse().isEmpty() || c.mseEpoch().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LearningCurvePlot.ReferencePoint("chapter: training m.s.e. "
                + Html.number(c.mse().getAsDouble()) + " at epoch " + c.mseEpoch().getAsInt(), c.mseEpoch().getAsInt(),
                c.mse().getAsDouble()));
    }

    private static Table predictions(ExperimentFindings f) {
        Optional<Table> p = f.representative().flatMap(FinishedTrial::predictions);
        require(p.isPresent(), "no predictions.csv in the representative trial");
        return p.get();
    }

    private static Figure figure(PlotKind kind, String id, String title, String caption, Chart<?, ?> chart) {
        return new Figure(kind, title, caption, PointOverlay.insert(InlineSvg.of(chart, id, title), chart), null);
    }

    /** A figure whose caption ends with the chart's notes (points on the axis edge, diverged configurations). */
    private static Figure figure(PlotKind kind, String id, String title, String caption, AnnotatedChart drawn) {
        return figure(kind, id, title, String.join(" ", java.util.stream.Stream.concat(java.util.stream.Stream.of(caption),
                drawn.notes().stream()).toList()), drawn.chart());
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalStateException(problem);
        }
    }
}
