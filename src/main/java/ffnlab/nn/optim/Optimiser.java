package ffnlab.nn.optim;

import ffnlab.nn.Architecture;

/**
 * How parameters move against their gradient dJ/dtheta. The optimiser subtracts; gradients always mean
 * dJ/dtheta. Each optimiser's state (velocities, moments) lives in its {@link OptimiserState}, never in layers.
 */
public sealed interface Optimiser {

    /** alpha, the learning rate. */
    double learningRate();

    /** Fresh state for a network of this architecture. */
    OptimiserState newState(Architecture architecture);

    /** Name used in experiment files. */
    String key();

    /** The chapter's update: W &lt;- W - alpha grad_W J. */
    record Sgd(double learningRate) implements Optimiser {
        public Sgd {
            positive(learningRate, "learning rate");
        }

        @Override
        public OptimiserState newState(Architecture architecture) {
            return new SgdState(this, architecture);
        }

        @Override
        public String key() {
            return "sgd";
        }
    }

    /**
     * SGD with momentum as PyTorch writes it (dampening 0, not Nesterov): v &lt;- mu v + grad, W &lt;- W - alpha v.
     */
    record Momentum(double learningRate, double momentum) implements Optimiser {
        public Momentum {
            positive(learningRate, "learning rate");
            if (!(momentum >= 0 && momentum < 1)) {
                throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
            }
        }

        @Override
        public OptimiserState newState(Architecture architecture) {
            return new MomentumState(this, architecture);
        }

        @Override
        public String key() {
            return "momentum";
        }
    }

    /**
     * Adam with PyTorch's update rule and defaults (beta1 0.9, beta2 0.999, eps 1e-8):
     * m &lt;- b1 m + (1-b1) g; v &lt;- b2 v + (1-b2) g^2; W &lt;- W - (alpha / (1 - b1^t)) m / (sqrt(v) / sqrt(1 - b2^t) + eps).
     */
    record Adam(double learningRate, double beta1, double beta2, double epsilon) implements Optimiser {
        public Adam {
            positive(learningRate, "learning rate");
            if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
                throw new IllegalArgumentException("Adam betas must be in [0, 1), got " + beta1 + ", " + beta2);
            }
            positive(epsilon, "Adam epsilon");
        }

        /** PyTorch's defaults with the given learning rate. */
        public Adam(double learningRate) {
            this(learningRate, 0.9, 0.999, 1e-8);
        }

        @Override
        public OptimiserState newState(Architecture architecture) {
            return new AdamState(this, architecture);
        }

        @Override
        public String key() {
            return "adam";
        }
    }

    private static void positive(double v, String what) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be positive and finite, got " + v);
        }
    }
}
