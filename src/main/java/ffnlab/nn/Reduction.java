package ffnlab.nn;

/**
 * How the per-pattern losses of a batch of P patterns (K outputs each) combine into J. Always explicit,
 * never a hidden constant.
 *
 * <ul>
 *   <li>{@link #SUM}: the chapter's GD. Squared error J = 1/2 sum ||d - y||^2, so grad_U J = -(D - Y);
 *       cross-entropy J = -sum log y_k.</li>
 *   <li>{@link #MEAN}: PyTorch's convention, so results compare with its tutorials. Squared error is
 *       {@code MSELoss}: J = (1/(P K)) sum (d - y)^2, grad_U J = -2 (D - Y) / (P K); cross-entropy is
 *       {@code CrossEntropyLoss}: J = -(1/P) sum log y_k, grad_U J = -(K - f(U)) / P (and the double softmax's
 *       J and gradient likewise divided by P).</li>
 * </ul>
 */
public enum Reduction {
    SUM, MEAN;

    /**
     * The factor that turns the chapter's gradient -(D - Y) (or -(K - f(U))) of a batch into dJ/dU.
     *
     * @param loss    the loss
     * @param rows    P, patterns in the batch
     * @param outputs K, output width
     */
    public double gradientScale(Loss loss, int rows, int outputs) {
        return switch (this) {
            case SUM -> 1.0;
            case MEAN -> switch (loss) {
                case SQUARED_ERROR -> 2.0 / ((double) rows * outputs);
                case CROSS_ENTROPY, DOUBLE_SOFTMAX_CROSS_ENTROPY -> 1.0 / rows;
            };
        };
    }

    /**
     * Turns the batch's raw loss sum into J: for squared error the raw sum is sum (d - y)^2 (no 1/2),
     * for the cross-entropies it is -sum log y_k (-sum log z_k for the double softmax).
     */
    public double reduce(Loss loss, double rawSum, int rows, int outputs) {
        return switch (this) {
            case SUM -> loss == Loss.SQUARED_ERROR ? 0.5 * rawSum : rawSum;
            case MEAN -> loss == Loss.SQUARED_ERROR ? rawSum / ((double) rows * outputs) : rawSum / rows;
        };
    }

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Reduction parse(String name) {
        for (Reduction r : values()) {
            if (r.key().equals(name.toLowerCase(java.util.Locale.ROOT))) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown reduction '" + name + "'; expected sum or mean");
    }
}
