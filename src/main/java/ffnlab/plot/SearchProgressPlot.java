package ffnlab.plot;

import ffnlab.search.SearchTable;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A search's progress: every configuration's value (the mean of the search's metric over its seeds) against the epochs
 * spent so far, the configurations in the order the search ran them, and the best value so far as a step line. Diverged
 * configurations (no value) are left out and counted in the caption.
 */
public final class SearchProgressPlot {
    private SearchProgressPlot() {
    }

    /** The chart of {@code rows} (search.csv in order); {@code maximise} when larger values are better. */
    public static AnnotatedChart build(List<SearchTable.Row> rows, String metric, boolean maximise) {
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .xAxisTitle("epochs spent (all trials, all seeds)").yAxisTitle(metric + " (mean over seeds)").build();
        ChartStyle.apply(chart.getStyler());
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        List<Double> bestX = new ArrayList<>();
        List<Double> bestY = new ArrayList<>();
        List<String> tips = new ArrayList<>();
        long spent = 0;
        double best = Double.NaN;
        int diverged = 0;
        for (SearchTable.Row r : rows) {
            spent += r.epochs();
            if (Double.isNaN(r.value())) {
                diverged++;
                continue;
            }
            x.add((double) spent);
            y.add(r.value());
            tips.add("round " + r.round() + (r.bracket() > 0 ? " (bracket " + r.bracket() + ", rung " + r.rung() + ")" : "") + ": " + r.configuration() + ": " + r.value() + " (" + r.outcome().key() + ")");
            if (Double.isNaN(best) || (maximise ? r.value() > best : r.value() < best)) {
                best = r.value();
            }
            bestX.add((double) spent);
            bestY.add(best);
        }
        if (x.isEmpty()) {
            throw new IllegalArgumentException("no configuration of the search has a value (every one diverged)");
        }
        XYSeries points = chart.addSeries("configuration (mean over seeds)", x, y);
        points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        points.setMarker(SeriesMarkers.CIRCLE);
        points.setMarkerColor(ChartStyle.colour(0));
        PointTips.set(points, tips.toArray(String[]::new));
        XYSeries line = chart.addSeries("best so far", bestX, bestY);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(ChartStyle.colour(1));
        line.setLineStyle(ChartStyle.SOLID);
        List<String> notes = diverged == 0 ? List.of() : List.of(diverged + " configuration(s) diverged and are not drawn.");
        return new AnnotatedChart(chart, notes);
    }
}
