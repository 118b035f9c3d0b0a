package ffnlab.nn;

import java.util.Arrays;

/**
 * The layer widths [n, n_1, ..., n_{L-1}, K] of a feed-forward network with its activations: depth L is
 * the number of weight layers, every hidden layer uses {@code hidden}, the output layer uses {@code output}.
 *
 * @param widths the widths, input first, output last (at least two entries, all positive)
 * @param hidden f^l for l = 1 .. L-1
 * @param output f^L
 */
public record Architecture(int[] widths, Activation hidden, Activation output) {

    public Architecture {
        if (widths == null || widths.length < 2) {
            throw new IllegalArgumentException("an architecture needs at least an input and an output width, got "
                    + Arrays.toString(widths));
        }
        for (int w : widths) {
            if (w <= 0) {
                throw new IllegalArgumentException("layer widths must be positive, got " + Arrays.toString(widths));
            }
        }
        if (!hidden.isHidden()) {
            throw new IllegalArgumentException("hidden activation must be sigmoid, tanh or relu, got " + hidden.key());
        }
        if (!output.isOutput()) {
            throw new IllegalArgumentException("output activation must be linear, sigmoid or softmax, got " + output.key());
        }
        if (output == Activation.SOFTMAX && widths[widths.length - 1] < 2) {
            throw new IllegalArgumentException("a softmax output needs at least 2 classes");
        }
        widths = widths.clone();
    }

    /** Convenience factory: {@code Architecture.of(RELU, LINEAR, 8, 10, 1)}. */
    public static Architecture of(Activation hidden, Activation output, int... widths) {
        return new Architecture(widths, hidden, output);
    }

    /** The widths [n, n_1, ..., n_{L-1}, K]: {@code inputs}, the hidden widths in order, {@code outputs}. */
    public static int[] widths(int inputs, java.util.List<Integer> hidden, int outputs) {
        int[] w = new int[hidden.size() + 2];
        w[0] = inputs;
        for (int l = 0; l < hidden.size(); l++) {
            w[l + 1] = hidden.get(l);
        }
        w[w.length - 1] = outputs;
        return w;
    }

    @Override
    public int[] widths() {
        return widths.clone();
    }

    /** L, the number of weight layers (hidden layers + 1). */
    public int depth() {
        return widths.length - 1;
    }

    /** n_l; {@code width(0)} is the input width n, {@code width(depth())} the output width K. */
    public int width(int l) {
        return widths[l];
    }

    public int inputs() {
        return widths[0];
    }

    public int outputs() {
        return widths[widths.length - 1];
    }

    /** f^l for l = 1 .. L. */
    public Activation activation(int l) {
        if (l < 1 || l > depth()) {
            throw new IndexOutOfBoundsException("layer " + l + " of " + depth());
        }
        return l == depth() ? output : hidden;
    }

    /** Number of weights and biases: sum_l (n_{l-1} + 1) n_l. */
    public long parameterCount() {
        return parameterCount(widths);
    }

    /** sum_l (n_{l-1} + 1) n_l for layer widths [n, n_1, ..., K], before any network is built (plan checks, sweep variables). */
    public static long parameterCount(int... widths) {
        long n = 0;
        for (int l = 1; l < widths.length; l++) {
            n += (long) (widths[l - 1] + 1) * widths[l];
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Architecture a && Arrays.equals(widths, a.widths) && hidden == a.hidden && output == a.output;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(widths) + hidden.hashCode()) + output.hashCode();
    }

    @Override
    public String toString() {
        return Arrays.toString(widths) + " " + hidden.key() + "/" + output.key();
    }
}
