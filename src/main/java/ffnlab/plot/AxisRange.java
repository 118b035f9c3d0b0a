package ffnlab.plot;

/**
 * An axis range XChart can put ticks on in bounded time, from the values it must show. XChart steps from the
 * axis minimum to the maximum in tick increments; when the span is tiny next to the magnitude (predictions
 * that all blew up to about 1e15 and differ in the last digits) the increments vanish in rounding and the tick
 * loop never ends, and a span that overflows a double has no increments at all. So the range is the finite
 * values' extent, widened to at least a millionth of its magnitude (or 1 around zero), padded by 4% on each
 * side, and limited to +-1e300.
 *
 * @param min the axis minimum
 * @param max the axis maximum, above {@code min}
 */
record AxisRange(double min, double max) {
    /** The largest magnitude an axis shows; values beyond it lie on the axis edge. */
    static final double LIMIT = 1e300;

    /** The range over the finite values of {@code series}; [0, 1] when there is none. */
    static AxisRange of(double[]... series) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] values : series) {
            for (double v : values) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, clamp(v));
                    hi = Math.max(hi, clamp(v));
                }
            }
        }
        if (lo > hi) {
            return new AxisRange(0, 1);
        }
        double magnitude = Math.max(Math.abs(lo), Math.abs(hi));
        double minimumSpan = magnitude < 1 ? 1 : magnitude * 1e-6;
        if (hi - lo < minimumSpan) {
            double mid = lo / 2 + hi / 2;
            lo = mid - minimumSpan / 2;
            hi = mid + minimumSpan / 2;
        }
        double pad = (hi / 2 - lo / 2) * 0.08;
        return new AxisRange(clamp(lo - pad), clamp(hi + pad));
    }

    /**
     * The range of a metric's axis fitted to {@code values} (the points that must show; outliers left out by the
     * caller): their extent, at least 2% of their magnitude wide, padded by 5% on each side and never beyond
     * {@code valid}, so an m.s.e. axis never shows negative values and an accuracy axis never passes 1.
     */
    static AxisRange fit(ffnlab.analysis.ValidRange valid, double[] values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, clamp(v));
                hi = Math.max(hi, clamp(v));
            }
        }
        if (lo > hi) {
            return new AxisRange(Math.max(valid.min(), 0), Math.min(valid.max(), 1));
        }
        double span = Math.max(hi - lo, Math.max(Math.max(Math.abs(lo), Math.abs(hi)) * 0.02, 1e-9));
        double mid = lo / 2 + hi / 2;
        lo = Math.min(lo, mid - span / 2) - 0.05 * span;
        hi = Math.max(hi, mid + span / 2) + 0.05 * span;
        return new AxisRange(Math.max(valid.min(), clamp(lo)), Math.min(valid.max(), clamp(hi)));
    }

    /** {@code v} moved onto this range: a point beyond it lies on the edge. */
    double onAxis(double v) {
        return Double.isNaN(v) ? v : Math.max(min, Math.min(max, v));
    }

    /** Whether {@code v} lies on the axis. */
    boolean shows(double v) {
        return v >= min && v <= max;
    }

    /**
     * Bounds a linear y axis of {@code chart} to the range of its series (error bars included) when XChart's own
     * range would not tick in bounded time: a span under a millionth of the magnitude, or magnitudes beyond
     * 1e100. Ordinary data keeps XChart's range; a logarithmic axis is left alone.
     */
    static void boundY(org.knowm.xchart.XYChart chart) {
        if (chart.getStyler().isYAxisLogarithmic() || chart.getSeriesCollection().isEmpty()) {
            return;
        }
        java.util.List<double[]> values = new java.util.ArrayList<>();
        for (org.knowm.xchart.XYSeries s : chart.getSeriesCollection()) {
            double[] y = s.getYData();
            double[] bars = s.getExtraValues();
            values.add(y);
            if (bars != null && bars.length == y.length) {
                double[] low = new double[y.length];
                double[] high = new double[y.length];
                for (int i = 0; i < y.length; i++) {
                    low[i] = y[i] - bars[i];
                    high[i] = y[i] + bars[i];
                }
                values.add(low);
                values.add(high);
            }
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] v : values) {
            for (double x : v) {
                if (Double.isFinite(x)) {
                    lo = Math.min(lo, x);
                    hi = Math.max(hi, x);
                }
            }
        }
        double magnitude = Math.max(Math.abs(lo), Math.abs(hi));
        if (lo > hi || magnitude <= 1e100 && !(hi - lo < magnitude * 1e-6 && magnitude >= 1)) {
            return;
        }
        AxisRange range = of(values.toArray(double[][]::new));
        chart.getStyler().setYAxisMin(range.min()).setYAxisMax(range.max()).setYAxisDecimalPattern("0.###E0");
    }

    /** {@code v} limited to +-{@link #LIMIT}, so a point beyond it is drawn on the edge of the axis. */
    static double clamp(double v) {
        return Math.max(-LIMIT, Math.min(LIMIT, v));
    }
}
