package ffnlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.backend.Backend;
import ffnlab.backend.ReferenceBackend;
import ffnlab.backend.cpu.CpuBackend;
import ffnlab.data.Examples;
import ffnlab.nn.Activation;
import ffnlab.nn.Architecture;
import ffnlab.nn.Initialiser;
import ffnlab.nn.Loss;
import ffnlab.nn.Reduction;
import ffnlab.nn.optim.Optimiser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * A run killed after epoch k and resumed from its checkpoints, and a run of more epochs continued from a shorter
 * run's last checkpoint, against the same run trained uninterrupted: every epoch record (its times aside) and the
 * final parameters bitwise equal, for SGD, momentum and Adam, mini-batch and full-batch, 1 and 2 threads, and with
 * early stopping. The kill is a listener that throws after epoch k's record, before that epoch's checkpoint.
 */
class CheckpointResumeTest {
    private static final int EPOCHS = 7;
    private static final Architecture REGRESSION = Architecture.of(Activation.TANH, Activation.LINEAR, 6, 9, 7, 2);
    private static final Architecture CLASSIFIER = Architecture.of(Activation.RELU, Activation.SOFTMAX, 6, 12, 3);

    @TempDir
    Path folder;

    /** Stands for a process killed mid-run. */
    private static final class Kill extends RuntimeException {
        Kill(int epoch) {
            super("killed after epoch " + epoch);
        }
    }

    static Stream<Arguments> runs() {
        return Stream.of(
                Arguments.of(new Optimiser.Sgd(0.05), 8, 1),
                Arguments.of(new Optimiser.Sgd(0.05), 8, 2),
                Arguments.of(new Optimiser.Momentum(0.02, 0.9), 8, 1),
                Arguments.of(new Optimiser.Momentum(0.02, 0.9), 0, 2),
                Arguments.of(new Optimiser.Adam(0.01), 8, 1),
                Arguments.of(new Optimiser.Adam(0.01), 13, 2),
                Arguments.of(new Optimiser.Adam(0.01), 0, 1));
    }

    @ParameterizedTest(name = "{0}, B = {1}, {2} thread(s)")
    @MethodSource("runs")
    void aRunKilledAfterEpochKResumesToTheUninterruptedResult(Optimiser optimiser, int batch, int threads) {
        TrainingConfig config = config(REGRESSION, Loss.SQUARED_ERROR, optimiser, batch, EPOCHS, 0);
        Examples train = regression(53, 6, 2, 1);
        Examples test = regression(21, 6, 2, 2);
        TrainingResult expected = new TrainingLoop(config, new CpuBackend(threads), threads).run(train, test, null);
        for (int k : new int[] {1, 3, EPOCHS - 1}) {
            Path dir = folder.resolve("kill-" + threads + "-" + batch + "-" + k);
            int killAt = k;
            assertThrows(Kill.class, () -> new TrainingLoop(config, new CpuBackend(threads), threads)
                    .checkpoints(new CheckpointDirectory(dir), 1)
                    .listener(r -> {
                        if (r.epoch() == killAt) {
                            throw new Kill(killAt);
                        }
                    }).run(train, test, null));
            TrainingResult resumed = new TrainingLoop(config, new CpuBackend(threads), threads)
                    .checkpoints(new CheckpointDirectory(dir), 1).run(train, test, null);
            assertEquals(k - 1, resumed.resumedAtEpoch(), "the newest checkpoint before the kill is epoch k - 1");
            assertSameRun(expected, resumed, "killed after epoch " + k);
        }
    }

    @ParameterizedTest(name = "{0}, B = {1}, {2} thread(s)")
    @MethodSource("runs")
    void aLongerRunContinuesFromTheShorterRunsLastCheckpoint(Optimiser optimiser, int batch, int threads) {
        Examples train = classification(61, 6, 3, 3);
        Examples test = classification(29, 6, 3, 4);
        TrainingConfig shorter = config(CLASSIFIER, Loss.CROSS_ENTROPY, optimiser, batch, 3, 0);
        TrainingConfig longer = config(CLASSIFIER, Loss.CROSS_ENTROPY, optimiser, batch, EPOCHS, 0);
        CheckpointDirectory dir = new CheckpointDirectory(folder.resolve("prefix"));
        Backend backend = new CpuBackend(threads);
        TrainingResult first = new TrainingLoop(shorter, backend, threads).checkpoints(dir, 0).run(train, test, null);
        assertEquals(0, first.resumedAtEpoch());
        assertTrue(Files.exists(dir.file(3, true)), "the last epoch's checkpoint is kept");
        TrainingResult continued = new TrainingLoop(longer, backend, threads).checkpoints(dir, 0).run(train, test, null);
        assertEquals(3, continued.resumedAtEpoch());
        assertSameRun(new TrainingLoop(longer, backend, threads).run(train, test, null), continued, "continued from epoch 3");
        TrainingResult again = new TrainingLoop(shorter, backend, threads).checkpoints(dir, 0).run(train, test, null);
        assertEquals(3, again.resumedAtEpoch(), "the shorter run is read back, not trained again");
        assertSameRun(first, again, "the shorter run read back");
    }

    @Test
    void earlyStoppingStateTravelsInTheCheckpoint() {
        // patience 2 on a noisy validation set stops the long run; the shorter prefixes end before it stops
        Examples train = regression(60, 6, 2, 5);
        Examples validation = regression(15, 6, 2, 6);
        Examples test = regression(20, 6, 2, 7);
        Optimiser adam = new Optimiser.Adam(0.2);
        TrainingConfig full = config(REGRESSION, Loss.SQUARED_ERROR, adam, 4, 40, 2);
        TrainingResult expected = new TrainingLoop(full, new ReferenceBackend(), 1).run(train, test, validation);
        assertTrue(expected.stoppedEarly(), "the configuration must stop early for this test to mean anything");
        int stop = expected.epochs().size();
        CheckpointDirectory dir = new CheckpointDirectory(folder.resolve("early"));
        for (int e : new int[] {1, stop - 1, stop, 40}) {
            TrainingResult r = new TrainingLoop(config(REGRESSION, Loss.SQUARED_ERROR, adam, 4, e, 2), new ReferenceBackend(), 1)
                    .checkpoints(dir, 1).run(train, test, validation);
            TrainingResult uninterrupted = new TrainingLoop(config(REGRESSION, Loss.SQUARED_ERROR, adam, 4, e, 2),
                    new ReferenceBackend(), 1).run(train, test, validation);
            assertSameRun(uninterrupted, r, e + " epochs");
        }
        assertSameRun(expected, new TrainingLoop(full, new ReferenceBackend(), 1).checkpoints(dir, 1).run(train, test, validation),
                "the stopped run read back");
    }

    @Test
    void aDamagedCheckpointIsSkippedForThePreviousGoodOne() throws IOException {
        TrainingConfig config = config(REGRESSION, Loss.SQUARED_ERROR, new Optimiser.Momentum(0.02, 0.9), 8, EPOCHS, 0);
        Examples train = regression(53, 6, 2, 1);
        TrainingResult expected = new TrainingLoop(config, new CpuBackend(1), 1).run(train, null, null);
        CheckpointDirectory dir = new CheckpointDirectory(folder.resolve("damaged"));
        assertThrows(Kill.class, () -> new TrainingLoop(config, new CpuBackend(1), 1).checkpoints(dir, 1)
                .listener(r -> {
                    if (r.epoch() == 5) {
                        throw new Kill(5);
                    }
                }).run(train, null, null));
        Path newest = dir.file(4, false);
        byte[] bytes = Files.readAllBytes(newest);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(newest, bytes);
        TrainingResult resumed = new TrainingLoop(config, new CpuBackend(1), 1).checkpoints(dir, 1).run(train, null, null);
        assertEquals(3, resumed.resumedAtEpoch(), "epoch 4's checkpoint is damaged, epoch 3's is the one kept behind it");
        assertSameRun(expected, resumed, "resumed past a damaged checkpoint");

        Files.write(dir.file(EPOCHS, true), new byte[] {1, 2, 3});
        TrainingResult fromScratch = new TrainingLoop(config, new CpuBackend(1), 1).checkpoints(dir, 1).run(train, null, null);
        assertEquals(EPOCHS - 1, fromScratch.resumedAtEpoch(), "a truncated last checkpoint falls back to the resume one behind it");
        assertSameRun(expected, fromScratch, "resumed past a truncated checkpoint");
    }

    @Test
    void onlyTheLastEpochAndOneResumeCheckpointBehindTheNewestStay() throws IOException {
        TrainingConfig config = config(REGRESSION, Loss.SQUARED_ERROR, new Optimiser.Sgd(0.05), 8, 6, 0);
        CheckpointDirectory dir = new CheckpointDirectory(folder.resolve("pruned"));
        new TrainingLoop(config, new ReferenceBackend(), 1).checkpoints(dir, 1).run(regression(30, 6, 2, 1), null, null);
        try (Stream<Path> files = Files.list(dir.folder())) {
            assertEquals(List.of("epoch-000005.resume.ckpt", "epoch-000006.ckpt"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aCheckpointOfAnotherTrainingSetIsNotUsed() {
        TrainingConfig config = config(REGRESSION, Loss.SQUARED_ERROR, new Optimiser.Sgd(0.05), 8, 4, 0);
        CheckpointDirectory dir = new CheckpointDirectory(folder.resolve("other-data"));
        new TrainingLoop(config(REGRESSION, Loss.SQUARED_ERROR, new Optimiser.Sgd(0.05), 8, 2, 0), new ReferenceBackend(), 1)
                .checkpoints(dir, 1).run(regression(30, 6, 2, 1), null, null);
        TrainingResult other = new TrainingLoop(config, new ReferenceBackend(), 1).checkpoints(dir, 1)
                .run(regression(31, 6, 2, 1), null, null);
        assertEquals(0, other.resumedAtEpoch(), "a permutation of 30 patterns cannot continue a run on 31");
    }

    private static TrainingConfig config(Architecture arch, Loss loss, Optimiser optimiser, int batch, int epochs, int patience) {
        return new TrainingConfig(arch, new Initialiser.PyTorchDefault(), loss, Reduction.MEAN, optimiser, batch, epochs, 11, patience);
    }

    /** {@link #assertSameTraining} and the measurements between batches bitwise. */
    static void assertSameRun(TrainingResult expected, TrainingResult actual, String what) {
        assertSameTraining(expected, actual, what);
        assertEquals(expected.probes().size(), actual.probes().size(), what + ": probes");
        for (int i = 0; i < expected.probes().size(); i++) {
            ProbeRecord x = expected.probes().get(i);
            ProbeRecord y = actual.probes().get(i);
            String at = what + ", probe at " + x.updates() + " updates: ";
            assertEquals(x.epoch(), y.epoch(), at + "epoch");
            assertEquals(x.updates(), y.updates(), at + "updates");
            assertBits(x.testLoss(), y.testLoss(), at + "test loss");
            assertBits(x.testMse(), y.testMse(), at + "test mse");
            assertBits(x.testAccuracy(), y.testAccuracy(), at + "test accuracy");
        }
    }

    /** Every record field but the two times bitwise, the final parameters bitwise, and the run's outcome. */
    static void assertSameTraining(TrainingResult expected, TrainingResult actual, String what) {
        assertEquals(expected.epochs().size(), actual.epochs().size(), what + ": epochs");
        for (int e = 0; e < expected.epochs().size(); e++) {
            EpochRecord x = expected.epochs().get(e);
            EpochRecord y = actual.epochs().get(e);
            String at = what + ", epoch " + x.epoch() + ": ";
            assertEquals(x.epoch(), y.epoch(), at + "epoch");
            assertBits(x.trainLoss(), y.trainLoss(), at + "train loss");
            assertBits(x.trainMse(), y.trainMse(), at + "train mse");
            assertBits(x.testMse(), y.testMse(), at + "test mse");
            assertBits(x.trainAccuracy(), y.trainAccuracy(), at + "train accuracy");
            assertBits(x.testAccuracy(), y.testAccuracy(), at + "test accuracy");
            assertBits(x.testLoss(), y.testLoss(), at + "test loss");
            assertEquals(x.updates(), y.updates(), at + "updates");
        }
        assertTrue(expected.parameters().bitwiseEquals(actual.parameters()), what + ": final parameters differ by "
                + expected.parameters().maxAbsDifference(actual.parameters()));
        assertEquals(expected.finalEpoch(), actual.finalEpoch(), what + ": final epoch");
        assertEquals(expected.divergedAtEpoch(), actual.divergedAtEpoch(), what + ": diverged at");
        assertEquals(expected.stoppedEarly(), actual.stoppedEarly(), what + ": stopped early");
        assertFalse(expected.epochs().isEmpty(), what + ": no epoch ran");
    }

    private static void assertBits(double expected, double actual, String what) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual), what + ": " + expected + " vs " + actual);
    }

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
                d[p * outputs + k] = (float) (Math.tanh(s) + 0.3 * (r.nextDouble() - 0.5));
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
}
