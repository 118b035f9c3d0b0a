package ffnlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.backend.EngineSpec;
import ffnlab.backend.ReferenceBackend;
import ffnlab.backend.TrainingEngine;
import ffnlab.data.Examples;
import ffnlab.nn.Activation;
import ffnlab.nn.Architecture;
import ffnlab.nn.Initialiser;
import ffnlab.nn.Loss;
import ffnlab.nn.Reduction;
import ffnlab.nn.optim.Optimiser;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Small problems that a correct engine must learn: y = sin(x1) + x2^2 (regression) and three Gaussian
 * blobs (classification), with mini-batch SGD and with Adam. The stated targets are far below what a
 * constant predictor or chance reach, and well above what the runs achieve, so a sign or scale bug fails.
 */
class LearningTest {

    static Examples sineRegression(int rows, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[rows * 2];
        float[] d = new float[rows];
        for (int p = 0; p < rows; p++) {
            double x1 = r.nextDouble(-2, 2);
            double x2 = r.nextDouble(-1, 1);
            x[2 * p] = (float) x1;
            x[2 * p + 1] = (float) x2;
            d[p] = (float) (Math.sin(x1) + x2 * x2);
        }
        return Examples.regression(rows, 2, x, 1, d);
    }

    static Examples blobs(int rows, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] centres = {{-2, 0}, {2, 0}, {0, 2.5}};
        float[] x = new float[rows * 2];
        int[] labels = new int[rows];
        for (int p = 0; p < rows; p++) {
            int k = r.nextInt(3);
            labels[p] = k;
            x[2 * p] = (float) (centres[k][0] + gaussian(r));
            x[2 * p + 1] = (float) (centres[k][1] + gaussian(r));
        }
        return Examples.classification(rows, 2, x, 3, labels);
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble()) * 0.8;
    }

    private static TrainingResult train(Examples train, Examples test, Activation output, Optimiser opt, int batch, int epochs) {
        Architecture arch = Architecture.of(Activation.TANH, output, 2, 16, 16, output == Activation.SOFTMAX ? 3 : 1);
        TrainingConfig c = new TrainingConfig(arch, new Initialiser.PyTorchDefault(), Loss.naturalFor(output), Reduction.MEAN,
                opt, batch, epochs, 11L, 0);
        return new TrainingLoop(c, new ReferenceBackend(), 1).run(train, test, null);
    }

    @Test
    void miniBatchSgdLearnsSinePlusSquare() {
        // The target's variance is about 0.55; a constant predictor has test m.s.e. ~0.55.
        TrainingResult r = train(sineRegression(600, 1), sineRegression(300, 2), Activation.LINEAR, new Optimiser.Sgd(0.05), 16, 60);
        assertTrue(r.last().testMse() < 0.02, "test m.s.e. " + r.last().testMse() + " should be below 0.02");
    }

    @Test
    void adamLearnsSinePlusSquare() {
        TrainingResult r = train(sineRegression(600, 1), sineRegression(300, 2), Activation.LINEAR, new Optimiser.Adam(0.01), 32, 60);
        assertTrue(r.last().testMse() < 0.01, "test m.s.e. " + r.last().testMse() + " should be below 0.01");
    }

    @Test
    void miniBatchSgdSeparatesThreeClasses() {
        // Chance is 1/3; the blobs overlap a little, so the Bayes accuracy is about 0.97.
        TrainingResult r = train(blobs(600, 3), blobs(300, 4), Activation.SOFTMAX, new Optimiser.Sgd(0.1), 16, 30);
        assertTrue(r.last().testAccuracy() > 0.93, "test accuracy " + r.last().testAccuracy() + " should exceed 0.93");
    }

    @Test
    void adamAndMomentumSeparateThreeClasses() {
        TrainingResult adam = train(blobs(600, 3), blobs(300, 4), Activation.SOFTMAX, new Optimiser.Adam(0.01), 32, 30);
        TrainingResult momentum = train(blobs(600, 3), blobs(300, 4), Activation.SOFTMAX, new Optimiser.Momentum(0.05, 0.9), 32, 30);
        assertTrue(adam.last().testAccuracy() > 0.93, "Adam test accuracy " + adam.last().testAccuracy());
        assertTrue(momentum.last().testAccuracy() > 0.93, "momentum test accuracy " + momentum.last().testAccuracy());
    }

    @Test
    void sameSeedGivesBitwiseIdenticalWeightsAndMetrics() {
        TrainingResult a = train(blobs(200, 3), blobs(100, 4), Activation.SOFTMAX, new Optimiser.Adam(0.01), 8, 5);
        TrainingResult b = train(blobs(200, 3), blobs(100, 4), Activation.SOFTMAX, new Optimiser.Adam(0.01), 8, 5);
        assertTrue(a.parameters().bitwiseEquals(b.parameters()));
        assertEquals(a.parameters().sha256(), b.parameters().sha256());
        for (int e = 0; e < a.epochs().size(); e++) {
            assertEquals(Double.doubleToRawLongBits(a.epochs().get(e).trainLoss()), Double.doubleToRawLongBits(b.epochs().get(e).trainLoss()));
        }
    }

    @Test
    void divergenceIsRecordedAtItsEpoch() {
        // A learning rate of 50 on summed squared error blows up within a few epochs.
        Architecture arch = Architecture.of(Activation.RELU, Activation.LINEAR, 2, 8, 1);
        TrainingConfig c = new TrainingConfig(arch, new Initialiser.PyTorchDefault(), Loss.SQUARED_ERROR, Reduction.SUM,
                new Optimiser.Sgd(50), 0, 100, 1L, 0);
        TrainingResult r = new TrainingLoop(c, new ReferenceBackend(), 1).run(sineRegression(100, 1), null, null);
        assertTrue(r.diverged(), "should diverge");
        assertEquals(r.epochs().size(), r.divergedAtEpoch());
        assertTrue(r.divergedAtEpoch() < 100);
    }

    @Test
    void aFiniteBlowUpIsDivergedLongBeforeItOverflows() {
        // Full-batch GD on a linear model with too large a step: the loss grows about 27-fold per epoch and would
        // still be finite (about 1e19) after 15 epochs.
        Architecture arch = Architecture.of(Activation.RELU, Activation.LINEAR, 2, 1);
        TrainingConfig c = new TrainingConfig(arch, new Initialiser.PyTorchDefault(), Loss.SQUARED_ERROR, Reduction.SUM,
                new Optimiser.Sgd(0.05), 0, 15, 1L, 0);
        TrainingResult r = new TrainingLoop(c, new ReferenceBackend(), 1).run(sineRegression(100, 1), null, null);
        assertTrue(r.diverged(), "should diverge");
        assertTrue(r.divergedAtEpoch() < 15, "diverged at " + r.divergedAtEpoch());
        assertEquals(r.divergedAtEpoch(), r.epochs().size(), "the run ends at the divergent epoch");
        for (EpochRecord e : r.epochs()) {
            assertTrue(Double.isFinite(e.trainLoss()), "every loss is finite, yet the run diverged: " + e);
        }
        assertTrue(r.epochs().get(r.divergedAtEpoch() - 2).trainLoss() <= Divergence.FACTOR, "the epoch before was within the bound");
    }

    @Test
    void aLossIsDivergentWhenNotFiniteOrAMillionTimesTheInitialLoss() {
        Divergence d = new Divergence(10);
        assertEquals(1e7, d.bound());
        assertFalse(d.diverged(1e7));
        assertTrue(d.diverged(1.0000001e7));
        assertTrue(d.diverged(Double.NaN));
        assertTrue(d.diverged(Double.POSITIVE_INFINITY));
        assertFalse(d.diverged(100), "a loss ten times the initial one is still learning, or may be");
        assertEquals(1e6, new Divergence(1e-9).bound(), "a near-perfect start is measured against a loss of 1");
        assertFalse(new Divergence(Double.NaN).diverged(1e300), "without a finite initial loss only NaN and infinity diverge");
    }

    @Test
    void earlyStoppingStopsWhenValidationLossStallsAndKeepsTheBestWeights() {
        Architecture arch = Architecture.of(Activation.TANH, Activation.LINEAR, 2, 64, 1);
        TrainingConfig c = new TrainingConfig(arch, new Initialiser.PyTorchDefault(), Loss.SQUARED_ERROR, Reduction.MEAN,
                new Optimiser.Adam(0.05), 4, 400, 5L, 3);
        // Tiny noisy training set: the validation loss stops improving long before 400 epochs.
        Examples train = sineRegression(12, 9);
        TrainingResult r = new TrainingLoop(c, new ReferenceBackend(), 1).run(train, null, sineRegression(200, 10));
        assertTrue(r.stoppedEarly(), "should stop early");
        assertTrue(r.epochs().size() < 400);
        assertEquals(r.epochs().size() - 3, r.finalEpoch(), "the best epoch, then three without improvement");
        EngineSpec spec = new EngineSpec(arch, r.parameters(), c.loss(), c.reduction(), c.optimiser(), 1);
        try (TrainingEngine engine = new ReferenceBackend().open(spec, train)) {
            assertEquals(r.atFinalEpoch().trainMse(), engine.evaluate(train).meanSquaredError(),
                    "the returned parameters are those the final epoch's metrics measured");
        }
        assertTrue(r.atFinalEpoch().trainMse() != r.last().trainMse(), "and not the last epoch's");
    }
}
