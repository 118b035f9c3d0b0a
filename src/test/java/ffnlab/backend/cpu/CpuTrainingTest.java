package ffnlab.backend.cpu;

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
import ffnlab.train.EpochRecord;
import ffnlab.train.TrainingConfig;
import ffnlab.train.TrainingLoop;
import ffnlab.train.TrainingResult;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Whole training runs on the cpu backend against the reference backend (losses to 1e-5 relative, every
 * epoch), and the same run on 1, 2 and 3 threads bitwise equal.
 */
class CpuTrainingTest {

    static Examples regression(int rows, int features, int outputs, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[rows * features];
        float[] d = new float[rows * outputs];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (2 * r.nextDouble() - 1);
        }
        for (int p = 0; p < rows; p++) {
            for (int k = 0; k < outputs; k++) {
                double s = 0;
                for (int j = 0; j < features; j++) {
                    s += Math.sin(j + k + 1.0) * x[p * features + j];
                }
                d[p * outputs + k] = (float) Math.tanh(s);
            }
        }
        return Examples.regression(rows, features, x, outputs, d);
    }

    static Examples classification(int rows, int features, int classes, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[rows * features];
        int[] labels = new int[rows];
        for (int p = 0; p < rows; p++) {
            labels[p] = r.nextInt(classes);
            for (int j = 0; j < features; j++) {
                x[p * features + j] = (float) (r.nextDouble() + (j % classes == labels[p] ? 0.5 : 0));
            }
        }
        return Examples.classification(rows, features, x, classes, labels);
    }

    private static TrainingResult train(TrainingConfig config, ffnlab.backend.Backend backend, int threads, Examples train, Examples test) {
        return new TrainingLoop(config, backend, threads).run(train, test, null);
    }

    private static void assertSameLosses(TrainingResult expected, TrainingResult actual) {
        assertEquals(expected.epochs().size(), actual.epochs().size());
        for (int e = 0; e < expected.epochs().size(); e++) {
            EpochRecord r = expected.epochs().get(e);
            EpochRecord c = actual.epochs().get(e);
            assertRelative(r.trainLoss(), c.trainLoss(), "train loss, epoch " + r.epoch());
            assertRelative(r.testLoss(), c.testLoss(), "test loss, epoch " + r.epoch());
        }
    }

    private static void assertRelative(double expected, double actual, String what) {
        assertTrue(Double.isFinite(expected), what + " of the reference is not finite");
        double relative = Math.abs(expected - actual) / Math.abs(expected);
        assertTrue(relative <= 1e-5, what + ": reference " + expected + ", cpu " + actual + " (relative " + relative + ")");
    }

    @Test
    void regressionWithFusedSgdMatchesReference() {
        Architecture arch = Architecture.of(Activation.RELU, Activation.LINEAR, 8, 13, 1);
        TrainingConfig config = new TrainingConfig(arch, new Initialiser.PyTorchDefault(), Loss.SQUARED_ERROR,
                Reduction.MEAN, new Optimiser.Sgd(0.05), 7, 6, 42, 0);
        Examples train = regression(101, 8, 1, 1);
        Examples test = regression(37, 8, 1, 2);
        assertSameLosses(train(config, new ReferenceBackend(), 1, train, test), train(config, new CpuBackend(1), 2, train, test));
    }

    @Test
    void wideClassificationWithFusedSgdMatchesReference() {
        // wide enough for OpenBLAS and several column blocks per layer
        Architecture arch = Architecture.of(Activation.RELU, Activation.SOFTMAX, 50, 300, 10);
        TrainingConfig config = new TrainingConfig(arch, new Initialiser.PyTorchDefault(), Loss.CROSS_ENTROPY,
                Reduction.MEAN, new Optimiser.Sgd(0.1), 64, 3, 7, 0);
        Examples train = classification(300, 50, 10, 3);
        Examples test = classification(71, 50, 10, 4);
        assertSameLosses(train(config, new ReferenceBackend(), 1, train, test), train(config, new CpuBackend(1), 2, train, test));
    }

    @Test
    void theChaptersPrintedDoubleSoftmaxMatchesReference() {
        Architecture arch = Architecture.of(Activation.RELU, Activation.SOFTMAX, 50, 300, 10);
        Examples train = classification(300, 50, 10, 3);
        Examples test = classification(71, 50, 10, 4);
        for (Reduction reduction : Reduction.values()) {
            // the same step size for both: the summed gradient is B = 64 times the mean's
            double alpha = reduction == Reduction.MEAN ? 0.1 : 0.1 / 64;
            TrainingConfig config = new TrainingConfig(arch, new Initialiser.PyTorchDefault(), Loss.DOUBLE_SOFTMAX_CROSS_ENTROPY,
                    reduction, new Optimiser.Sgd(alpha), 64, 3, 7, 0);
            assertSameLosses(train(config, new ReferenceBackend(), 1, train, test), train(config, new CpuBackend(1), 2, train, test));
        }
    }

    @Test
    void deepSigmoidWithMomentumAndSummedLossMatchesReference() {
        Architecture arch = Architecture.of(Activation.SIGMOID, Activation.SIGMOID, 5, 17, 11, 3);
        TrainingConfig config = new TrainingConfig(arch, new Initialiser.Xavier(), Loss.SQUARED_ERROR,
                Reduction.SUM, new Optimiser.Momentum(0.01, 0.9), 1, 3, 5, 0);
        Examples train = regression(43, 5, 3, 5);
        Examples test = regression(19, 5, 3, 6);
        assertSameLosses(train(config, new ReferenceBackend(), 1, train, test), train(config, new CpuBackend(1), 1, train, test));
    }

    @Test
    void tanhClassificationWithAdamFullBatchMatchesReference() {
        Architecture arch = Architecture.of(Activation.TANH, Activation.SOFTMAX, 20, 33, 17, 5);
        TrainingConfig config = new TrainingConfig(arch, new Initialiser.He(), Loss.CROSS_ENTROPY,
                Reduction.MEAN, new Optimiser.Adam(0.01), 0, 8, 9, 0);
        Examples train = classification(97, 20, 5, 7);
        Examples test = classification(29, 20, 5, 8);
        assertSameLosses(train(config, new ReferenceBackend(), 1, train, test), train(config, new CpuBackend(1), 2, train, test));
    }

    @Test
    void resultsAreBitwiseEqualForOneTwoAndThreeThreads() {
        Architecture arch = Architecture.of(Activation.RELU, Activation.SOFTMAX, 100, 257, 129, 10);
        TrainingConfig config = new TrainingConfig(arch, new Initialiser.PyTorchDefault(), Loss.CROSS_ENTROPY,
                Reduction.MEAN, new Optimiser.Sgd(0.05), 61, 2, 11, 0);
        Examples train = classification(500, 100, 10, 9);
        Examples test = classification(100, 100, 10, 10);
        TrainingResult one = train(config, new CpuBackend(1), 1, train, test);
        TrainingResult two = train(config, new CpuBackend(1), 2, train, test);
        TrainingResult three = train(config, new CpuBackend(1), 3, train, test);
        assertEquals(one.parameters().sha256(), two.parameters().sha256());
        assertEquals(one.parameters().sha256(), three.parameters().sha256());
        for (int e = 0; e < one.epochs().size(); e++) {
            assertEquals(one.epochs().get(e).trainLoss(), two.epochs().get(e).trainLoss(), 0.0);
            assertEquals(one.epochs().get(e).testLoss(), three.epochs().get(e).testLoss(), 0.0);
        }
        assertTrue(two.device().startsWith("cpu"), two.device());
    }
}
