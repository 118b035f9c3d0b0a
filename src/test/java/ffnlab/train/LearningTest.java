package ffnlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.backend.ReferenceBackend;
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
    void earlyStoppingStopsWhenValidationLossStallsAndKeepsTheBestWeights() {
        Architecture arch = Architecture.of(Activation.TANH, Activation.LINEAR, 2, 64, 1);
        TrainingConfig c = new TrainingConfig(arch, new Initialiser.PyTorchDefault(), Loss.SQUARED_ERROR, Reduction.MEAN,
                new Optimiser.Adam(0.05), 4, 400, 5L, 3);
        // Tiny noisy training set: the validation loss stops improving long before 400 epochs.
        TrainingResult r = new TrainingLoop(c, new ReferenceBackend(), 1).run(sineRegression(12, 9), null, sineRegression(200, 10));
        assertTrue(r.stoppedEarly(), "should stop early");
        assertTrue(r.epochs().size() < 400);
    }
}
