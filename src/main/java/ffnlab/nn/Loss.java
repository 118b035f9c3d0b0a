package ffnlab.nn;

/**
 * The cost J and its gradient at the output layer's synaptic input, grad_{U^L} J.
 *
 * <ul>
 *   <li>{@link #SQUARED_ERROR}: J = 1/2 sum_p ||d_p - y_p||^2 (the chapter's); with a linear output
 *       grad_U J = -(D - Y); with a sigmoid output grad_U J = -(D - Y) . Y (1 - Y).</li>
 *   <li>{@link #CROSS_ENTROPY}: J = -sum_p log f(u_p)_{k_p} with a softmax output; grad_U J = -(K - f(U)),
 *       K the one-hot targets. Computed with a numerically stable log-sum-exp.</li>
 *   <li>{@link #DOUBLE_SOFTMAX_CROSS_ENTROPY}: the model the chapter's Example 5 code prints, whose last layer is
 *       {@code nn.Softmax(dim=1)} and whose loss is PyTorch's {@code CrossEntropyLoss}, which applies log-softmax
 *       again: the probabilities y = f(u) are taken as logits. With z = f(y), the softmax of the probabilities,
 *       J = -sum_p log z_{k_p}. By the chain rule through both softmaxes (f' of a row is diag(y) - y y^T):
 *       <pre>
 *   grad_y J = z - k                                  (cross-entropy on the logits y)
 *   grad_u J = (diag(y) - y y^T) grad_y J = y . (grad_y J - (y^T grad_y J) 1)
 *            = y . (z - k - (y^T z - y_k) 1)           per pattern, k its one-hot target
 *       </pre>
 *       Since every y_j lies in [0, 1], z stays within a factor e of uniform: J never falls below
 *       log(1 + (K - 1)/e) (1.46 for K = 10) and grad_y J is small; the extra factor y . (...) shrinks the
 *       gradient further wherever the network is confident, so this model learns far more slowly than
 *       {@link #CROSS_ENTROPY}. The output is still y = f(u), so predictions and accuracy read y as usual.</li>
 * </ul>
 * The {@link Reduction} says whether J sums over the patterns (the chapter's GD) or averages (PyTorch).
 */
public enum Loss {
    SQUARED_ERROR, CROSS_ENTROPY, DOUBLE_SOFTMAX_CROSS_ENTROPY;

    /** Whether this loss may be paired with the given output activation. */
    public boolean accepts(Activation output) {
        return switch (this) {
            case SQUARED_ERROR -> output == Activation.LINEAR || output == Activation.SIGMOID;
            case CROSS_ENTROPY, DOUBLE_SOFTMAX_CROSS_ENTROPY -> output == Activation.SOFTMAX;
        };
    }

    /** Whether this loss trains on class labels (the cross-entropies) rather than target values. */
    public boolean isClassification() {
        return this != SQUARED_ERROR;
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
        throw new IllegalArgumentException("unknown loss '" + name + "'; expected squared_error, cross_entropy or double_softmax_cross_entropy");
    }
}
