package ffnlab.nn.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ffnlab.nn.Activation;
import ffnlab.nn.Architecture;
import ffnlab.nn.Parameters;
import org.junit.jupiter.api.Test;

/** The update rules, step by step, against hand-computed values (PyTorch's formulas). */
class OptimiserTest {
    private static final Architecture ARCH = Architecture.of(Activation.RELU, Activation.LINEAR, 1, 1);

    private static Parameters params(float w, float b) {
        Parameters p = new Parameters(ARCH);
        p.weights(1)[0] = w;
        p.biases(1)[0] = b;
        return p;
    }

    @Test
    void sgdSubtractsAlphaTimesTheGradient() {
        Parameters p = params(1f, 2f);
        new Optimiser.Sgd(0.1).newState(ARCH).step(p, params(3f, -4f));
        assertEquals(0.7f, p.weights(1)[0], 1e-7f);
        assertEquals(2.4f, p.biases(1)[0], 1e-7f);
    }

    @Test
    void momentumStartsWithTheGradientThenAccumulates() {
        Parameters p = params(1f, 0f);
        OptimiserState s = new Optimiser.Momentum(0.1, 0.9).newState(ARCH);
        s.step(p, params(1f, 0f));              // v = 1, w = 1 - 0.1
        assertEquals(0.9f, p.weights(1)[0], 1e-6f);
        s.step(p, params(1f, 0f));              // v = 0.9 + 1 = 1.9, w = 0.9 - 0.19
        assertEquals(0.71f, p.weights(1)[0], 1e-6f);
        assertEquals(2, s.steps());
    }

    @Test
    void adamFirstStepMovesByAlphaTimesTheGradientsSign() {
        Parameters p = params(1f, 1f);
        new Optimiser.Adam(0.01).newState(ARCH).step(p, params(5f, -0.2f));
        // m_hat = g, v_hat = g^2, so the step is alpha g / (|g| + eps).
        assertEquals(1f - 0.01f, p.weights(1)[0], 1e-6f);
        assertEquals(1f + 0.01f, p.biases(1)[0], 1e-6f);
    }

    @Test
    void adamSecondStepFollowsBiasCorrectedMoments() {
        Parameters p = params(0f, 0f);
        OptimiserState s = new Optimiser.Adam(0.1).newState(ARCH);
        s.step(p, params(1f, 0f));
        s.step(p, params(3f, 0f));
        double m = 0.9 * 0.1 * 1 + 0.1 * 3;          // 0.39
        double v = 0.999 * 0.001 * 1 + 0.001 * 9;    // 0.009999
        double mHat = m / (1 - 0.81);
        double vHat = v / (1 - 0.998001);
        double expected = -0.1 - 0.1 * mHat / (Math.sqrt(vHat) + 1e-8);
        assertEquals(expected, p.weights(1)[0], 1e-5);
    }
}
