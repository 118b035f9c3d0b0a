package ffnlab.nn;

/**
 * The activation functions f of the chapter: hidden layers use sigmoid, tanh or ReLU; the output layer
 * uses linear (regression), sigmoid (regression on targets scaled to [0, 1]) or softmax (classification).
 *
 * <p>Every derivative is written in terms of the layer's output H = f(U), so backpropagation needs only H:
 * sigmoid' = H (1 - H) (the chapter's g'(Z) = H . (1 - H)), tanh' = 1 - H^2, ReLU' = 1[H &gt; 0].
 * Softmax acts on a whole row and is only used at the output, fused with cross-entropy.
 */
public enum Activation {
    SIGMOID, TANH, RELU, LINEAR, SOFTMAX;

    /** Element-wise f(u); not defined for softmax, which needs the whole row. */
    public double apply(double u) {
        return switch (this) {
            case SIGMOID -> 1.0 / (1.0 + Math.exp(-u));
            case TANH -> Math.tanh(u);
            case RELU -> u > 0 ? u : 0.0;
            case LINEAR -> u;
            case SOFTMAX -> throw new IllegalStateException("softmax is a row-wise function");
        };
    }

    /** f'(u) expressed through h = f(u). */
    public double derivativeFromOutput(double h) {
        return switch (this) {
            case SIGMOID -> h * (1.0 - h);
            case TANH -> 1.0 - h * h;
            case RELU -> h > 0 ? 1.0 : 0.0;
            case LINEAR -> 1.0;
            case SOFTMAX -> throw new IllegalStateException("softmax is only used fused with cross-entropy");
        };
    }

    /** Whether this activation may be used in a hidden layer. */
    public boolean isHidden() {
        return this == SIGMOID || this == TANH || this == RELU;
    }

    /** Whether this activation may be used in the output layer. */
    public boolean isOutput() {
        return this == LINEAR || this == SIGMOID || this == SOFTMAX;
    }

    /** Lower-case name used in experiment files and CSV columns. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses a lower- or upper-case name; the message lists the allowed names. */
    public static Activation parse(String name) {
        for (Activation a : values()) {
            if (a.key().equals(name.toLowerCase(java.util.Locale.ROOT))) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + name + "'; expected one of sigmoid, tanh, relu, linear, softmax");
    }
}
