package ffnlab.nn;

import java.util.List;
import java.util.SplittableRandom;

/**
 * How W^l and b^l start. Draws come from one {@link SplittableRandom} in a fixed order (W^1, b^1, W^2, ...,
 * row-major), so the same seed gives bitwise-identical parameters on every run and machine.
 */
public sealed interface Initialiser {

    /** Fills {@code p} from {@code random}. */
    void initialise(Parameters p, SplittableRandom random);

    /** Convenience: fresh parameters of {@code architecture}, seeded. */
    default Parameters create(Architecture architecture, long seed) {
        Parameters p = new Parameters(architecture);
        initialise(p, new SplittableRandom(seed));
        return p;
    }

    /** Short name used in experiment files. */
    String key();

    /** Given matrices, as in the chapter's Example 2: one W^l (n_{l-1} x n_l) and b^l per layer. */
    record Explicit(List<double[][]> weights, List<double[]> biases) implements Initialiser {
        public Explicit {
            weights = List.copyOf(weights);
            biases = List.copyOf(biases);
        }

        @Override
        public void initialise(Parameters p, SplittableRandom random) {
            Architecture a = p.architecture();
            if (weights.size() != a.depth() || biases.size() != a.depth()) {
                throw new IllegalArgumentException("explicit initialiser has " + weights.size() + " weight matrices for "
                        + a.depth() + " layers");
            }
            for (int l = 1; l <= a.depth(); l++) {
                double[][] w = weights.get(l - 1);
                if (w.length != a.width(l - 1) || w[0].length != a.width(l)) {
                    throw new IllegalArgumentException("W^" + l + " must be " + a.width(l - 1) + " x " + a.width(l)
                            + ", got " + w.length + " x " + w[0].length);
                }
                System.arraycopy(Matrices.flatten(w), 0, p.weights(l), 0, p.weights(l).length);
                double[] b = biases.get(l - 1);
                if (b.length != a.width(l)) {
                    throw new IllegalArgumentException("b^" + l + " must have " + a.width(l) + " entries, got " + b.length);
                }
                for (int j = 0; j < b.length; j++) {
                    p.biases(l)[j] = (float) b[j];
                }
            }
        }

        @Override
        public String key() {
            return "explicit";
        }
    }

    /** Every weight and bias from U(low, high). */
    record Uniform(double low, double high) implements Initialiser {
        public Uniform {
            if (!(low < high)) {
                throw new IllegalArgumentException("uniform initialiser needs low < high, got " + low + ", " + high);
            }
        }

        @Override
        public void initialise(Parameters p, SplittableRandom random) {
            for (int l = 1; l <= p.architecture().depth(); l++) {
                fill(p.weights(l), random, low, high);
                fill(p.biases(l), random, low, high);
            }
        }

        @Override
        public String key() {
            return "uniform";
        }
    }

    /**
     * PyTorch's {@code nn.Linear} default: Kaiming-uniform with a = sqrt(5), which is W ~ U(+-1/sqrt(fan_in)),
     * and b ~ U(+-1/sqrt(fan_in)).
     */
    record PyTorchDefault() implements Initialiser {
        @Override
        public void initialise(Parameters p, SplittableRandom random) {
            for (int l = 1; l <= p.architecture().depth(); l++) {
                double bound = 1.0 / Math.sqrt(p.architecture().width(l - 1));
                fill(p.weights(l), random, -bound, bound);
                fill(p.biases(l), random, -bound, bound);
            }
        }

        @Override
        public String key() {
            return "pytorch";
        }
    }

    /** Xavier/Glorot uniform: W ~ U(+-sqrt(6 / (fan_in + fan_out))), b = 0. */
    record Xavier() implements Initialiser {
        @Override
        public void initialise(Parameters p, SplittableRandom random) {
            for (int l = 1; l <= p.architecture().depth(); l++) {
                double bound = Math.sqrt(6.0 / (p.architecture().width(l - 1) + p.architecture().width(l)));
                fill(p.weights(l), random, -bound, bound);
                java.util.Arrays.fill(p.biases(l), 0f);
            }
        }

        @Override
        public String key() {
            return "xavier";
        }
    }

    /** He (Kaiming) uniform for ReLU: W ~ U(+-sqrt(6 / fan_in)), b = 0. */
    record He() implements Initialiser {
        @Override
        public void initialise(Parameters p, SplittableRandom random) {
            for (int l = 1; l <= p.architecture().depth(); l++) {
                double bound = Math.sqrt(6.0 / p.architecture().width(l - 1));
                fill(p.weights(l), random, -bound, bound);
                java.util.Arrays.fill(p.biases(l), 0f);
            }
        }

        @Override
        public String key() {
            return "he";
        }
    }

    private static void fill(float[] target, SplittableRandom random, double low, double high) {
        for (int i = 0; i < target.length; i++) {
            target[i] = (float) (low + (high - low) * random.nextDouble());
        }
    }
}
