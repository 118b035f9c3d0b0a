package ffnlab.plot;

import ffnlab.analysis.Aggregation;
import ffnlab.analysis.TimeToTarget;
import ffnlab.analysis.TrialTable;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * Time to a target test accuracy (left axis, s) and the weight updates it took (right axis) against batch size, all on
 * log axes: where many cheap small-batch updates and few expensive large-batch ones trade off. Means over seeds as
 * lines with their 95% CIs and each seed a dot, as in {@link UpdateTimePlot}; a diamond marks the lowest mean time.
 * A batch size at which not every seed reached the target has no mean (the seeds that reached it still show as dots)
 * and is named in the notes: never drawn as 0 or infinity.
 * Input: {@link TimeToTarget.Sweep}.
 */
public final class TimeToTargetPlot {
    private static final String TIME = "time to target (s)";
    private static final String UPDATES = "weight updates to target (count)";

    private TimeToTargetPlot() {
    }

    /** @param batchKey the swept batch-size key, a numeric column */
    public static AnnotatedChart build(TimeToTarget.Sweep sweep, String batchKey) {
        SweptAxis axis = SweptAxis.of(sweep.perConfiguration(), batchKey);
        if (!axis.numeric()) {
            throw new IllegalArgumentException("batch size column '" + batchKey + "' is not numeric");
        }
        String target = SweptAxis.format(sweep.target());
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title("time and updates to test accuracy " + target + " against batch size")
                .xAxisTitle(axis.title()).yAxisTitle(TIME).build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmicDecadeOnly(false);
        chart.getStyler().setXAxisTickLabelsFormattingFunction(axis::tickLabel);
        chart.getStyler().setYAxisTickLabelsFormattingFunction(UpdateTimePlot::logTickLabel);
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        chart.setYAxisGroupTitle(0, TIME);
        chart.setYAxisGroupTitle(1, UPDATES);
        List<String> notes = new ArrayList<>();
        UpdateTimePlot.series(chart, axis, sweep.perConfiguration(), sweep.trials(), TimeToTarget.TIME_TO_TARGET_S,
                "time to target", "s", 0, notes);
        UpdateTimePlot.series(chart, axis, sweep.perConfiguration(), sweep.trials(), TimeToTarget.UPDATES_TO_TARGET,
                "updates to target", "updates", 1, notes);
        UpdateTimePlot.markMinimum(chart, axis, sweep.perConfiguration(), TimeToTarget.TIME_TO_TARGET_S, "time to target", 0);
        List<String> missed = new ArrayList<>();
        for (int c = 0; c < sweep.perConfiguration().rowCount(); c++) {
            if (!Double.isFinite(sweep.perConfiguration().doubleColumn(TimeToTarget.TIME_TO_TARGET_S + Aggregation.MEAN).getDouble(c))) {
                missed.add(sweep.perConfiguration().stringColumn(TrialTable.CONFIGURATION).get(c) + " (" + sweep.reachedOf(c) + " seeds)");
            }
        }
        if (!missed.isEmpty()) {
            notes.add("Not reached by every seed, so no mean is drawn: " + String.join(", ", missed) + ".");
        }
        return new AnnotatedChart(chart, notes);
    }
}
