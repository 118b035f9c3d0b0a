package ffnlab.report;

/**
 * One plot of a report: its inline SVG, or why it could not be drawn.
 *
 * @param kind    the plot kind
 * @param title   heading
 * @param caption what to read in it
 * @param svg     the {@code <svg>} element, or null when {@code problem} says why there is none
 * @param problem why the plot is missing, or null
 */
public record Figure(PlotKind kind, String title, String caption, String svg, String problem) {
}
