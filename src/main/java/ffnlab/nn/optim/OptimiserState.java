package ffnlab.nn.optim;

import ffnlab.nn.Parameters;

/** The mutable state of one optimiser for one network; {@link #step} moves the parameters in place. */
public interface OptimiserState {

    /** theta &lt;- update(theta, grad_theta J), for every W^l and b^l. */
    void step(Parameters parameters, Parameters gradients);

    /** Number of steps taken so far. */
    long steps();

    /** A copy of the state: the step count and the buffers, for a checkpoint. */
    OptimiserMoments moments();

    /**
     * Replaces the state by {@code moments} (as {@link #moments} of a state of the same optimiser and architecture
     * returned them), so the next {@link #step} is the one that would have followed.
     *
     * @throws IllegalArgumentException when the buffers' number or shapes do not fit
     */
    void restore(OptimiserMoments moments);
}
