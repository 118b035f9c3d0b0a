package ffnlab.nn.optim;

import ffnlab.nn.Parameters;

/** The mutable state of one optimiser for one network; {@link #step} moves the parameters in place. */
public interface OptimiserState {

    /** theta &lt;- update(theta, grad_theta J), for every W^l and b^l. */
    void step(Parameters parameters, Parameters gradients);

    /** Number of steps taken so far. */
    long steps();
}
