package ffnlab.nn;

/**
 * The cost J and its gradient at the output layer's synaptic input, grad_{U^L} J.
 *
 * <ul>
 *   <li>{@link #SQUARED_ERROR}: J = 1/2 sum_p ||d_p - y_p||^2 (the chapter's); with a linear output
 *       grad_U J = -(D - Y); with a sigmoid output grad_U J = -(D - Y) . Y (1 - Y).</li>
 *   <li>{@link #CROSS_ENTROPY}: J = -sum_p log f(u_p)_{k_p} with a softmax output; grad_U J = -(K - f(U)),
 *       K the one-hot targets. Computed with a numerically stable log-sum-exp.</li>
 * </ul>
 * The {@link Reduction} says whether J sums over the patterns (the chapter's GD) or averages (PyTorch).
 */
public enum Loss {
    SQUARED_ERROR, CROSS_ENTROPY;

    /** Whether this loss may be paired with the given output activation. */
    public boolean accepts(Activation output) {
        return switch (this) {
            case SQUARED_ERROR -> output == Activation.LINEAR || output == Activation.SIGMOID;
            case CROSS_ENTROPY -> output == Activation.SOFTMAX;
        };
    }

    /** Throws {@link IllegalArgumentException} when {@link #accepts} says no, naming both. */
    public void requireAccepts(Activation output) {
        if (!accepts(output)) {
            throw new IllegalArgumentException(key() + " cannot be used with a " + output.key() + " output");
        }
    }

    /** The loss the chapter pairs with an output activation. */
    public static Loss naturalFor(Activation output) {
        return output == Activation.SOFTMAX ? CROSS_ENTROPY : SQUARED_ERROR;
    }

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Loss parse(String name) {
        for (Loss l : values()) {
            if (l.key().equals(name.toLowerCase(java.util.Locale.ROOT))) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown loss '" + name + "'; expected squared_error or cross_entropy");
    }
}
