package ffnlab.train;

/**
 * When a training run has diverged. Gradient descent with too large a step makes the weights, and with them the
 * predictions, grow geometrically; in float they may reach 1e15 and more without overflowing, and the loss stays
 * finite while the network is useless. So a loss is divergent when it is NaN, infinite, or above
 * {@link #FACTOR} times the reference loss J_0, the mean loss per pattern of the initial parameters on the training
 * set (J_0 taken as at least 1, so a network that starts almost perfect is not called diverged for a loss of
 * order one). For squared error a loss 10^6 times J_0 means predictions about 10^3 times further from the targets
 * than the untrained network's: no run that reaches it is worth reporting as finished, and no run that is still
 * learning comes near it. The loop checks both the running loss over an epoch's updates and the loss of the whole
 * training set after the epoch.
 *
 * @param initialLoss J_0: the training set's mean loss per pattern under the initial parameters
 */
public record Divergence(double initialLoss) {
    /** How many times the reference loss a diverged loss exceeds. */
    public static final double FACTOR = 1e6;

    /** The largest loss that is not divergent: FACTOR * max(J_0, 1); infinite when J_0 is not finite. */
    public double bound() {
        return Double.isFinite(initialLoss) ? FACTOR * Math.max(initialLoss, 1.0) : Double.POSITIVE_INFINITY;
    }

    /** Whether a mean loss per pattern shows that the run diverged. */
    public boolean diverged(double loss) {
        return !Double.isFinite(loss) || loss > bound();
    }
}
