package ffnlab.backend.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ffnlab.data.Examples;
import ffnlab.nn.Activation;
import ffnlab.nn.Architecture;
import ffnlab.nn.Initialiser;
import ffnlab.nn.Loss;
import ffnlab.nn.Reduction;
import ffnlab.nn.optim.Optimiser;
import ffnlab.train.CheckpointDirectory;
import ffnlab.train.EpochRecord;
import ffnlab.train.TrainingConfig;
import ffnlab.train.TrainingLoop;
import ffnlab.train.TrainingResult;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a GPU: a run killed after epoch 3 and resumed from its checkpoints (the optimiser's buffers and step count read
 * back from the device and uploaded again) equals the uninterrupted GPU run bitwise, for SGD, momentum and Adam,
 * with the step graphs replayed (more than two full-size batches per epoch); and measuring the test set between
 * batches (its evaluation chunks larger than a batch) changes no update.
 */
@Tag("gpu")
class GpuCheckpointTest {
    private static GpuBackend gpu;

    @TempDir
    Path folder;

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

    @Test
    void aKilledRunResumesBitwise() {
        Architecture arch = Architecture.of(Activation.RELU, Activation.SOFTMAX, 10, 32, 4);
        Examples train = classification(203, 10, 4, 1);
        Examples test = classification(50, 10, 4, 2);
        for (Optimiser o : List.of(new Optimiser.Sgd(0.1), new Optimiser.Momentum(0.05, 0.9), new Optimiser.Adam(0.01))) {
            TrainingConfig config = new TrainingConfig(arch, new Initialiser.PyTorchDefault(), Loss.CROSS_ENTROPY, Reduction.MEAN,
                    o, 16, 6, 5, 0);
            TrainingResult expected = new TrainingLoop(config, gpu, 1).run(train, test, null);
            CheckpointDirectory dir = new CheckpointDirectory(folder.resolve(o.key()));
            assertThrows(IllegalStateException.class, () -> new TrainingLoop(config, gpu, 1).checkpoints(dir, 1).listener(r -> {
                if (r.epoch() == 3) {
                    throw new IllegalStateException("killed after epoch 3");
                }
            }).run(train, test, null));
            TrainingResult resumed = new TrainingLoop(config, gpu, 1).checkpoints(dir, 1).run(train, test, null);
            assertEquals(2, resumed.resumedAtEpoch(), o.key());
            for (int e = 0; e < expected.epochs().size(); e++) {
                EpochRecord x = expected.epochs().get(e);
                EpochRecord y = resumed.epochs().get(e);
                assertEquals(Double.doubleToRawLongBits(x.trainLoss()), Double.doubleToRawLongBits(y.trainLoss()), o.key() + " epoch " + x.epoch());
                assertEquals(Double.doubleToRawLongBits(x.testLoss()), Double.doubleToRawLongBits(y.testLoss()), o.key() + " epoch " + x.epoch());
            }
            assertEquals(true, expected.parameters().bitwiseEquals(resumed.parameters()), o.key() + ": final parameters");
        }
    }

    @Test
    void measuringBetweenBatchesChangesNoUpdate() {
        // 203 patterns, B = 16: 13 updates an epoch, the full-size ones replayed from a graph; probes every 5 updates
        // evaluate between them, which must leave the replayed steps' buffers and cursor as they were
        Architecture arch = Architecture.of(Activation.RELU, Activation.SOFTMAX, 10, 32, 4);
        Examples train = classification(203, 10, 4, 1);
        Examples test = classification(1500, 10, 4, 2);
        TrainingConfig config = new TrainingConfig(arch, new Initialiser.PyTorchDefault(), Loss.CROSS_ENTROPY, Reduction.MEAN,
                new Optimiser.Adam(0.01), 16, 4, 5, 0);
        TrainingResult plain = new TrainingLoop(config, gpu, 1).run(train, test, null);
        TrainingResult probed = new TrainingLoop(config, gpu, 1).evaluateEvery(5).run(train, test, null);
        assertEquals(List.of(5L, 10L, 15L, 20L, 25L, 30L, 35L, 40L, 45L, 50L),
                probed.probes().stream().map(p -> p.updates()).toList());
        for (int e = 0; e < plain.epochs().size(); e++) {
            EpochRecord x = plain.epochs().get(e);
            EpochRecord y = probed.epochs().get(e);
            assertEquals(Double.doubleToRawLongBits(x.trainLoss()), Double.doubleToRawLongBits(y.trainLoss()), "epoch " + x.epoch());
            assertEquals(Double.doubleToRawLongBits(x.testLoss()), Double.doubleToRawLongBits(y.testLoss()), "epoch " + x.epoch());
        }
        assertEquals(true, plain.parameters().bitwiseEquals(probed.parameters()), "final parameters");
    }

    private static Examples classification(int rows, int features, int classes, long seed) {
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
}
