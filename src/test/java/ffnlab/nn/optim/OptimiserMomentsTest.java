package ffnlab.nn.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.nn.Activation;
import ffnlab.nn.Architecture;
import ffnlab.nn.Parameters;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A state restored from another's moments continues its steps exactly: the same parameters, bit for bit, as the
 * state that never stopped; and a state that starts fresh instead does not (momentum's first step, Adam's bias
 * correction and moments), so the moments are what carries the difference.
 */
class OptimiserMomentsTest {
    private static final Architecture ARCH = Architecture.of(Activation.TANH, Activation.LINEAR, 3, 4, 2);

    private static Parameters random(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Parameters p = new Parameters(ARCH);
        for (int l = 1; l <= ARCH.depth(); l++) {
            for (float[] v : new float[][] {p.weights(l), p.biases(l)}) {
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) r.nextGaussian();
                }
            }
        }
        return p;
    }

    @Test
    void aRestoredStateContinuesBitwise() {
        for (Optimiser o : List.of(new Optimiser.Sgd(0.1), new Optimiser.Momentum(0.1, 0.9), new Optimiser.Adam(0.01))) {
            OptimiserState through = o.newState(ARCH);
            Parameters theta = random(1);
            for (int t = 0; t < 3; t++) {
                through.step(theta, random(10 + t));
            }
            OptimiserMoments saved = through.moments();
            assertEquals(3, saved.steps());
            assertEquals(OptimiserMoments.bufferCount(o), saved.buffers().size(), o.key());
            Parameters resumedTheta = theta.copy();
            OptimiserState resumed = o.newState(ARCH);
            resumed.restore(saved);
            Parameters freshTheta = theta.copy();
            OptimiserState fresh = o.newState(ARCH);
            for (int t = 3; t < 6; t++) {
                Parameters g = random(10 + t);
                through.step(theta, g);
                resumed.step(resumedTheta, g);
                fresh.step(freshTheta, g);
            }
            assertTrue(theta.bitwiseEquals(resumedTheta), o.key() + ": restored state diverges");
            assertTrue(through.moments().bitwiseEquals(resumed.moments()), o.key() + ": moments");
            assertEquals(o instanceof Optimiser.Sgd, theta.bitwiseEquals(freshTheta),
                    o.key() + ": only SGD's steps do not depend on the state");
        }
    }

    @Test
    void theMomentsAreCopiesAndMustFitTheOptimiser() {
        OptimiserState adam = new Optimiser.Adam(0.01).newState(ARCH);
        adam.step(random(1), random(2));
        OptimiserMoments m = adam.moments();
        m.buffers().get(0).weights(1)[0] += 1;
        assertFalse(m.bitwiseEquals(adam.moments()), "changing the copy must not change the state");
        OptimiserState momentum = new Optimiser.Momentum(0.1, 0.9).newState(ARCH);
        assertThrows(IllegalArgumentException.class, () -> momentum.restore(m));
        Architecture other = Architecture.of(Activation.TANH, Activation.LINEAR, 3, 5, 2);
        assertThrows(IllegalArgumentException.class,
                () -> momentum.restore(new OptimiserMoments(1, List.of(new Parameters(other)))));
    }
}
