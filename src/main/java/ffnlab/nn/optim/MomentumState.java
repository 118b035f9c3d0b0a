package ffnlab.nn.optim;

import ffnlab.nn.Architecture;
import ffnlab.nn.Parameters;
import java.util.List;

/** v &lt;- mu v + grad; W &lt;- W - alpha v (PyTorch's SGD with momentum, dampening 0). */
final class MomentumState implements OptimiserState {
    private final float alpha;
    private final float mu;
    private final Parameters velocity;
    private long steps;

    MomentumState(Optimiser.Momentum m, Architecture architecture) {
        this.alpha = (float) m.learningRate();
        this.mu = (float) m.momentum();
        this.velocity = new Parameters(architecture);
    }

    @Override
    public void step(Parameters parameters, Parameters gradients) {
        for (int l = 1; l <= parameters.architecture().depth(); l++) {
            update(parameters.weights(l), gradients.weights(l), velocity.weights(l));
            update(parameters.biases(l), gradients.biases(l), velocity.biases(l));
        }
        steps++;
    }

    private void update(float[] theta, float[] grad, float[] v) {
        boolean first = steps == 0;   // PyTorch: the first step sets v = grad
        for (int i = 0; i < theta.length; i++) {
            v[i] = first ? grad[i] : mu * v[i] + grad[i];
            theta[i] -= alpha * v[i];
        }
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public OptimiserMoments moments() {
        return new OptimiserMoments(steps, List.of(velocity.copy()));
    }

    @Override
    public void restore(OptimiserMoments moments) {
        moments.copyInto(List.of(velocity), "momentum");
        steps = moments.steps();
    }
}
