package ffnlab.nn.optim;

import ffnlab.nn.Architecture;
import ffnlab.nn.Parameters;
import java.util.List;

/** Adam's first and second moments, updated as PyTorch's {@code torch.optim.Adam} does. */
final class AdamState implements OptimiserState {
    private final Optimiser.Adam adam;
    private final Parameters m;
    private final Parameters v;
    private long steps;

    AdamState(Optimiser.Adam adam, Architecture architecture) {
        this.adam = adam;
        this.m = new Parameters(architecture);
        this.v = new Parameters(architecture);
    }

    @Override
    public void step(Parameters parameters, Parameters gradients) {
        steps++;
        double biasCorrection1 = 1 - Math.pow(adam.beta1(), steps);
        double biasCorrection2 = 1 - Math.pow(adam.beta2(), steps);
        float stepSize = (float) (adam.learningRate() / biasCorrection1);
        float sqrtBc2 = (float) Math.sqrt(biasCorrection2);
        for (int l = 1; l <= parameters.architecture().depth(); l++) {
            update(parameters.weights(l), gradients.weights(l), m.weights(l), v.weights(l), stepSize, sqrtBc2);
            update(parameters.biases(l), gradients.biases(l), m.biases(l), v.biases(l), stepSize, sqrtBc2);
        }
    }

    private void update(float[] theta, float[] g, float[] m1, float[] m2, float stepSize, float sqrtBc2) {
        float b1 = (float) adam.beta1();
        float b2 = (float) adam.beta2();
        float eps = (float) adam.epsilon();
        for (int i = 0; i < theta.length; i++) {
            m1[i] = b1 * m1[i] + (1 - b1) * g[i];
            m2[i] = b2 * m2[i] + (1 - b2) * g[i] * g[i];
            float denom = (float) Math.sqrt(m2[i]) / sqrtBc2 + eps;
            theta[i] -= stepSize * m1[i] / denom;
        }
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public OptimiserMoments moments() {
        return new OptimiserMoments(steps, List.of(m.copy(), v.copy()));
    }

    @Override
    public void restore(OptimiserMoments moments) {
        moments.copyInto(List.of(m, v), "Adam");
        steps = moments.steps();
    }
}
