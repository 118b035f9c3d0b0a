package ffnlab.plot;

import java.util.List;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A chart and what its caption must say about it: points drawn at the axis edge (outlying seeds, with their seed and
 * trial), diverged configurations.
 *
 * @param chart the chart
 * @param notes sentences for the caption, in order; empty when there is nothing to add
 */
public record AnnotatedChart(Chart<?, ?> chart, List<String> notes) {
    public AnnotatedChart {
        notes = List.copyOf(notes);
    }
}
