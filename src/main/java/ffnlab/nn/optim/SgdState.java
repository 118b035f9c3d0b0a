package ffnlab.nn.optim;

import ffnlab.nn.Architecture;
import ffnlab.nn.Parameters;
import java.util.List;

/** W &lt;- W - alpha grad_W J. Stateless apart from the step count. */
final class SgdState implements OptimiserState {
    private final float alpha;
    private long steps;

    SgdState(Optimiser.Sgd sgd, Architecture architecture) {
        this.alpha = (float) sgd.learningRate();
    }

    @Override
    public void step(Parameters parameters, Parameters gradients) {
        for (int l = 1; l <= parameters.architecture().depth(); l++) {
            descend(parameters.weights(l), gradients.weights(l));
            descend(parameters.biases(l), gradients.biases(l));
        }
        steps++;
    }

    private void descend(float[] theta, float[] grad) {
        for (int i = 0; i < theta.length; i++) {
            theta[i] -= alpha * grad[i];
        }
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public OptimiserMoments moments() {
        return new OptimiserMoments(steps, List.of());
    }

    @Override
    public void restore(OptimiserMoments moments) {
        moments.copyInto(List.of(), "SGD");
        steps = moments.steps();
    }
}
