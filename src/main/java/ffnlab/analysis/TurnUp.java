package ffnlab.analysis;

/**
 * Whether an error (lower is better) turns up past its optimum along a swept value, as the chapter says the test
 * error of wider or deeper networks "tends to increase at some point". The optimum is the swept value with the lowest
 * mean error; the error at the largest swept value is compared with it by the 95% Welch interval of the difference of
 * the two means over seeds ({@link WelchInterval}: {@code mean(end) - mean(optimum)}).
 * <ul>
 *   <li>{@link Outcome#RISES}: the optimum lies below the largest value and the interval lies wholly above 0;</li>
 *   <li>{@link Outcome#NO_RISE}: the lowest mean is at the largest swept value, so nothing past it rises;</li>
 *   <li>{@link Outcome#INCONCLUSIVE}: the optimum lies below the largest value, but the interval includes 0
 *       (or lies below it, which a minimum's own noise allows);</li>
 *   <li>{@link Outcome#NOT_ASSESSED}: fewer than two swept values with an error, or fewer than two seeds at the
 *       optimum or at the end.</li>
 * </ul>
 *
 * @param outcome    what the seeds show
 * @param optimumRow the row with the lowest mean error (-1 when none)
 * @param endRow     the row with the largest swept value and an error (-1 when none)
 * @param difference {@code mean(end) - mean(optimum)} with its 95% interval (ends NaN when not assessed)
 */
public record TurnUp(Outcome outcome, int optimumRow, int endRow, WelchInterval difference) {
    /** What the seeds show about a rise past the optimum. */
    public enum Outcome { RISES, NO_RISE, INCONCLUSIVE, NOT_ASSESSED }

    /**
     * @param x      the swept value of each row (NaN where a row has none)
     * @param errors {@code errors[row]}: the error of each seed of that row (empty where none finished)
     */
    public static TurnUp of(double[] x, double[][] errors) {
        if (x.length != errors.length) {
            throw new IllegalArgumentException("expected one error list per swept value, got " + x.length + " values and "
                    + errors.length + " lists");
        }
        int optimum = -1;
        int end = -1;
        int rows = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i]) || errors[i].length == 0) {
                continue;
            }
            rows++;
            if (optimum < 0 || WelchInterval.mean(errors[i]) < WelchInterval.mean(errors[optimum])) {
                optimum = i;
            }
            if (end < 0 || x[i] > x[end]) {
                end = i;
            }
        }
        WelchInterval none = new WelchInterval(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        if (rows < 2) {
            return new TurnUp(Outcome.NOT_ASSESSED, optimum, end, none);
        }
        if (x[optimum] == x[end]) {
            return new TurnUp(Outcome.NO_RISE, optimum, end, none);
        }
        WelchInterval difference = WelchInterval.of(errors[optimum], errors[end]);
        if (!difference.assessed()) {
            return new TurnUp(Outcome.NOT_ASSESSED, optimum, end, difference);
        }
        return new TurnUp(difference.low() > 0 ? Outcome.RISES : Outcome.INCONCLUSIVE, optimum, end, difference);
    }
}
