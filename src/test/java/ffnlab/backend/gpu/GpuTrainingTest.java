package ffnlab.backend.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ffnlab.backend.Backend;
import ffnlab.backend.EngineSpec;
import ffnlab.backend.ReferenceBackend;
import ffnlab.backend.TrainingEngine;
import ffnlab.data.Examples;
import ffnlab.data.ToyMapping;
import ffnlab.nn.Activation;
import ffnlab.nn.Architecture;
import ffnlab.nn.Initialiser;
import ffnlab.nn.Loss;
import ffnlab.nn.Parameters;
import ffnlab.nn.Reduction;
import ffnlab.nn.optim.Optimiser;
import ffnlab.train.EpochRecord;
import ffnlab.train.TrainingConfig;
import ffnlab.train.TrainingLoop;
import ffnlab.train.TrainingResult;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Whole training runs on the GPU against the reference backend, epoch by epoch. Skipped without a GPU. */
@Tag("gpu")
class GpuTrainingTest {
    private static GpuBackend gpu;

    @BeforeAll
    static void device() {
        assumeTrue(GpuBackend.unavailableReason().isEmpty(), () -> "no GPU: " + GpuBackend.unavailableReason().orElse(""));
        gpu = new GpuBackend();
    }

    @AfterAll
    static void release() {
        if (gpu != null) {
            gpu.close();
        }
    }

    private static TrainingResult run(TrainingConfig config, Backend backend, Examples train, Examples test) {
        return new TrainingLoop(config, backend, 1).run(train, test, null);
    }

    private static void assertSameCurves(TrainingResult expected, TrainingResult actual, double tolerance) {
        assertEquals(expected.epochs().size(), actual.epochs().size());
        for (int i = 0; i < expected.epochs().size(); i++) {
            EpochRecord e = expected.epochs().get(i);
            EpochRecord a = actual.epochs().get(i);
            relative(e.trainLoss(), a.trainLoss(), tolerance, "train loss, epoch " + e.epoch());
            relative(e.trainMse(), a.trainMse(), tolerance, "train m.s.e., epoch " + e.epoch());
            relative(e.testLoss(), a.testLoss(), tolerance, "test loss, epoch " + e.epoch());
            if (!Double.isNaN(e.trainAccuracy())) {
                assertEquals(e.trainAccuracy(), a.trainAccuracy(), 0.011, "train accuracy, epoch " + e.epoch());
            }
        }
    }

    private static void relative(double expected, double actual, double tolerance, String what) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), what + ": expected NaN, got " + actual);
            return;
        }
        double r = Math.abs(expected - actual) / Math.max(Math.abs(expected), 1e-12);
        assertTrue(r <= tolerance, what + ": " + expected + " vs " + actual + " (relative " + r + ")");
    }

    /** P patterns of n features in [-1, 1] labelled by a random linear teacher over K classes. */
    private static Examples classification(int rows, int features, int classes, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] teacher = new float[features * classes];
        for (int i = 0; i < teacher.length; i++) {
            teacher[i] = (float) r.nextGaussian();
        }
        float[] x = new float[rows * features];
        int[] labels = new int[rows];
        for (int p = 0; p < rows; p++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < features; j++) {
                x[p * features + j] = (float) (r.nextDouble() * 2 - 1);
            }
            for (int c = 0; c < classes; c++) {
                double s = 0;
                for (int j = 0; j < features; j++) {
                    s += x[p * features + j] * teacher[j * classes + c];
                }
                if (s > best) {
                    best = s;
                    labels[p] = c;
                }
            }
        }
        return Examples.classification(rows, features, x, classes, labels);
    }

    @Test
    void example2GivesTheChaptersNumbersAndFollowsTheCpuEpochByEpoch() {
        Architecture arch = Architecture.of(Activation.SIGMOID, Activation.LINEAR, 2, 3, 2);
        TrainingConfig config = new TrainingConfig(arch, ToyMapping.initialiser(), Loss.SQUARED_ERROR, Reduction.SUM,
                new Optimiser.Sgd(ToyMapping.LEARNING_RATE), 0, 1000, 7L, 0);
        TrainingResult cpu = run(config, new ReferenceBackend(), ToyMapping.examples(), null);
        TrainingResult onGpu = run(config, gpu, ToyMapping.examples(), null);
        assertSameCurves(cpu, onGpu, 1e-4);
        assertEquals(0.107, onGpu.last().trainMse(), 0.001, "m.s.e. after 1000 epochs");
        Parameters p = onGpu.parameters();
        assertArrayEquals(new float[] {-2.01f, -0.52f, -1.87f, 3.56f, -2.61f, 2.43f}, p.weights(1), 0.02f, "W");
        assertArrayEquals(new float[] {0.23f, -0.93f, 0.16f}, p.biases(1), 0.02f, "b");
        assertArrayEquals(new float[] {2.14f, -1.14f, -2.92f, -1.78f, -3.57f, 2.30f}, p.weights(2), 0.02f, "V");
        assertArrayEquals(new float[] {1.24f, -0.44f}, p.biases(2), 0.02f, "c");
        assertTrue(onGpu.device().startsWith("gpu, "), onGpu.device());
    }

    @Test
    void classifierFollowsTheCpuWithEveryOptimiser() {
        Architecture arch = Architecture.of(Activation.RELU, Activation.SOFTMAX, 20, 17, 9, 3);
        Examples train = classification(203, 20, 3, 1);
        Examples test = classification(61, 20, 3, 2);
        Optimiser[] optimisers = {new Optimiser.Sgd(0.05), new Optimiser.Momentum(0.02, 0.9), new Optimiser.Adam(0.003)};
        for (Optimiser o : optimisers) {
            TrainingConfig config = new TrainingConfig(arch, new Initialiser.PyTorchDefault(), Loss.CROSS_ENTROPY,
                    Reduction.MEAN, o, 16, 12, 5L, 0);
            TrainingResult cpu = run(config, new ReferenceBackend(), train, test);
            TrainingResult onGpu = run(config, gpu, train, test);
            assertSameCurves(cpu, onGpu, 1e-4);
            assertTrue(cpu.parameters().maxAbsDifference(onGpu.parameters()) < 1e-3, o.key() + " parameters");
            assertTrue(onGpu.last().trainLoss() < onGpu.epochs().getFirst().trainLoss(), o.key() + " learns");
        }
    }

    @Test
    void theChaptersPrintedDoubleSoftmaxFollowsTheReference() {
        Architecture arch = Architecture.of(Activation.RELU, Activation.SOFTMAX, 20, 17, 9, 3);
        Examples train = classification(203, 20, 3, 1);
        Examples test = classification(61, 20, 3, 2);
        TrainingConfig config = new TrainingConfig(arch, new Initialiser.PyTorchDefault(), Loss.DOUBLE_SOFTMAX_CROSS_ENTROPY,
                Reduction.MEAN, new Optimiser.Sgd(0.5), 16, 12, 5L, 0);
        TrainingResult reference = run(config, new ReferenceBackend(), train, test);
        TrainingResult onGpu = run(config, gpu, train, test);
        assertSameCurves(reference, onGpu, 1e-4);
        assertTrue(reference.parameters().maxAbsDifference(onGpu.parameters()) < 1e-3, "parameters");
    }

    @Test
    void regressionWithSigmoidOutputAndSummedLossFollowsTheCpu() {
        Architecture arch = Architecture.of(Activation.TANH, Activation.SIGMOID, 5, 8, 2);
        SplittableRandom r = new SplittableRandom(9);
        int rows = 97;
        float[] x = new float[rows * 5];
        float[] d = new float[rows * 2];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (r.nextDouble() * 2 - 1);
        }
        for (int p = 0; p < rows; p++) {
            d[p * 2] = (float) (0.5 + 0.4 * Math.sin(x[p * 5] + x[p * 5 + 1]));
            d[p * 2 + 1] = (float) (0.5 + 0.3 * x[p * 5 + 2] * x[p * 5 + 3]);
        }
        Examples train = Examples.regression(rows, 5, x, 2, d);
        TrainingConfig config = new TrainingConfig(arch, new Initialiser.Xavier(), Loss.SQUARED_ERROR, Reduction.SUM,
                new Optimiser.Momentum(0.01, 0.5), 10, 20, 3L, 0);
        TrainingResult cpu = run(config, new ReferenceBackend(), train, train);
        TrainingResult onGpu = run(config, gpu, train, train);
        assertSameCurves(cpu, onGpu, 1e-4);
    }

    @Test
    void graphReplayGivesTheSameNumbersAsDirectLaunches() {
        Architecture arch = Architecture.of(Activation.RELU, Activation.SOFTMAX, 20, 17, 9, 3);
        Examples train = classification(203, 20, 3, 4);
        TrainingConfig config = new TrainingConfig(arch, new Initialiser.PyTorchDefault(), Loss.CROSS_ENTROPY,
                Reduction.MEAN, new Optimiser.Adam(0.003), 8, 5, 5L, 0);
        TrainingResult withGraphs = run(config, gpu, train, null);
        String previous = System.getProperty("ffnlab.gpu.graphs");
        System.setProperty("ffnlab.gpu.graphs", "false");
        TrainingResult direct;
        try {
            direct = run(config, gpu, train, null);
        } finally {
            if (previous == null) {
                System.clearProperty("ffnlab.gpu.graphs");
            } else {
                System.setProperty("ffnlab.gpu.graphs", previous);
            }
        }
        assertSameCurves(direct, withGraphs, 1e-6);
    }

    @Test
    void predictionsAndEvaluationMatchTheCpuEngine() {
        Architecture arch = Architecture.of(Activation.SIGMOID, Activation.SOFTMAX, 20, 17, 9, 3);
        Examples data = classification(5000, 20, 3, 6);
        Parameters initial = new Initialiser.PyTorchDefault().create(arch, 8);
        EngineSpec spec = new EngineSpec(arch, initial, Loss.CROSS_ENTROPY, Reduction.MEAN, new Optimiser.Sgd(0.1), 1);
        TrainingEngine closed;
        try (TrainingEngine cpu = new ReferenceBackend().open(spec, data); TrainingEngine onGpu = gpu.open(spec, data)) {
            closed = onGpu;
            float[] y0 = cpu.predict(data.x(), data.rows());
            float[] y1 = onGpu.predict(data.x(), data.rows());
            for (int i = 0; i < y0.length; i++) {
                assertEquals(y0[i], y1[i], 1e-5, "Y[" + i + "]");
            }
            var e0 = cpu.evaluate(data);
            var e1 = onGpu.evaluate(data);
            relative(e0.rawLoss(), e1.rawLoss(), 1e-5, "evaluation loss over 5000 rows (two chunks)");
            assertEquals(e0.correct(), e1.correct(), 2, "hits");
            assertTrue(onGpu.parameters().bitwiseEquals(initial), "parameters read back unchanged");
        }
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, closed::parameters);
    }

    @Test
    void outOfMemoryIsACleanErrorAndTheDeviceStaysUsable() {
        CudaRuntime runtime = CudaRuntime.get();
        long[] before = runtime.driver.memoryInfo();
        try (DeviceArena arena = new DeviceArena(runtime.driver)) {
            CudaException e = org.junit.jupiter.api.Assertions.assertThrows(CudaException.class,
                    () -> arena.allocate(before[1] * 4, "an impossible buffer"));
            assertTrue(e.getMessage().startsWith("cuMemAlloc_v2 (an impossible buffer"), e.getMessage());
            assertTrue(e.getMessage().contains("CUDA_ERROR_OUT_OF_MEMORY"), e.getMessage());
        }
        Architecture arch = Architecture.of(Activation.RELU, Activation.SOFTMAX, 20, 17, 9, 3);
        Examples train = classification(64, 20, 3, 7);
        for (int trial = 0; trial < 3; trial++) {
            TrainingConfig config = new TrainingConfig(arch, new Initialiser.He(), Loss.CROSS_ENTROPY, Reduction.MEAN,
                    new Optimiser.Sgd(0.1), 8, 2, trial, 0);
            assertFalse(run(config, gpu, train, null).diverged());
        }
        long[] after = runtime.driver.memoryInfo();
        assertTrue(before[0] - after[0] < (64L << 20), "trials give their device memory back: "
                + Bytes.format(before[0] - after[0]) + " still held");
    }
}
