package ffnlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.backend.Backend;
import ffnlab.backend.EngineSpec;
import ffnlab.backend.Evaluation;
import ffnlab.backend.ReferenceBackend;
import ffnlab.backend.TrainingEngine;
import ffnlab.backend.cpu.CpuBackend;
import ffnlab.data.Examples;
import ffnlab.nn.Activation;
import ffnlab.nn.Architecture;
import ffnlab.nn.Initialiser;
import ffnlab.nn.Loss;
import ffnlab.nn.Parameters;
import ffnlab.nn.Reduction;
import ffnlab.nn.optim.Optimiser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The test set measured between an epoch's batches ({@link TrainingLoop#evaluateEvery}): it changes no update (every
 * epoch record and the final parameters bitwise those of a run without it, on the reference backend and the cpu
 * backend on 1, 2 and 3 threads); it is taken after exactly the multiples of the interval that fall inside an epoch;
 * its numbers are those of the parameters after that many updates, which the test rebuilds another way (whole epochs
 * of the first k batches' patterns); and a run killed and resumed from its checkpoint keeps them.
 */
class EvaluationBetweenBatchesTest {
    private static final Architecture CLASSIFIER = Architecture.of(Activation.RELU, Activation.SOFTMAX, 6, 12, 3);
    private static final int PATTERNS = 61;
    private static final int BATCH = 4;
    private static final int EVERY = 5;
    private static final int EPOCHS = 4;

    @TempDir
    Path folder;

    private static TrainingConfig config(int epochs) {
        return new TrainingConfig(CLASSIFIER, new Initialiser.PyTorchDefault(), Loss.CROSS_ENTROPY, Reduction.MEAN,
                new Optimiser.Momentum(0.05, 0.9), BATCH, epochs, 5, 0);
    }

    @ParameterizedTest(name = "{0} thread(s)")
    @ValueSource(ints = {0, 1, 2, 3})
    void measuringBetweenBatchesChangesNoUpdate(int threads) {
        Backend backend = threads == 0 ? new ReferenceBackend() : new CpuBackend(threads);
        int t = Math.max(threads, 1);
        Examples train = CheckpointResumeTest.classification(PATTERNS, 6, 3, 3);
        Examples test = CheckpointResumeTest.classification(29, 6, 3, 4);
        TrainingResult plain = new TrainingLoop(config(EPOCHS), backend, t).run(train, test, null);
        TrainingResult probed = new TrainingLoop(config(EPOCHS), backend, t).evaluateEvery(EVERY).run(train, test, null);
        assertTrue(plain.probes().isEmpty());
        CheckpointResumeTest.assertSameTraining(plain, probed, threads + " thread(s)");
        // 16 updates an epoch (61 patterns, B = 4): multiples of 5 inside epochs, never at an epoch's end (16, 32, 48, 64)
        List<Long> expected = new ArrayList<>();
        for (long u = EVERY; u < EPOCHS * 16L; u += EVERY) {
            if (u % 16 != 0) {
                expected.add(u);
            }
        }
        assertEquals(expected, probed.probes().stream().map(ProbeRecord::updates).toList());
        for (ProbeRecord p : probed.probes()) {
            assertEquals((p.updates() - 1) / 16 + 1, p.epoch(), "probe at " + p.updates() + " updates");
            assertTrue(Double.isNaN(p.testMse()), "classification has no m.s.e.");
        }
    }

    @Test
    void aProbeMeasuresTheParametersAfterItsUpdates() {
        Examples train = CheckpointResumeTest.classification(PATTERNS, 6, 3, 3);
        Examples test = CheckpointResumeTest.classification(29, 6, 3, 4);
        Backend backend = new ReferenceBackend();
        TrainingLoop loop = new TrainingLoop(config(2), backend, 1).evaluateEvery(EVERY);
        TrainingResult probed = loop.run(train, test, null);
        // epoch 2's probes at 20, 25, 30 updates: the parameters after epoch 1 (16 updates) and k = 4, 9, 14 batches of
        // epoch 2's order, rebuilt as whole epochs over those batches' patterns taken in that order
        SplittableRandom root = new SplittableRandom(5);
        root.split();
        SplittableRandom shuffler = root.split();
        int[] order = new int[PATTERNS];
        for (int i = 0; i < PATTERNS; i++) {
            order[i] = i;
        }
        TrainingLoop.shuffle(order, shuffler);
        int[] first = order.clone();
        TrainingLoop.shuffle(order, shuffler);
        int[] second = order.clone();
        for (ProbeRecord p : probed.probes().stream().filter(p -> p.epoch() == 2).toList()) {
            int k = (int) (p.updates() - 16);
            EngineSpec spec = new EngineSpec(CLASSIFIER, loop.initialParameters(), Loss.CROSS_ENTROPY, Reduction.MEAN,
                    new Optimiser.Momentum(0.05, 0.9), 1);
            Evaluation e;
            try (TrainingEngine whole = backend.open(spec, train)) {
                whole.trainEpoch(first, BATCH);
                Parameters afterEpoch1 = whole.parameters();
                var moments = whole.optimiserMoments();
                Examples prefix = train.select(java.util.Arrays.copyOf(second, k * BATCH));
                int[] identity = new int[k * BATCH];
                for (int i = 0; i < identity.length; i++) {
                    identity[i] = i;
                }
                EngineSpec resumed = new EngineSpec(CLASSIFIER, afterEpoch1, Loss.CROSS_ENTROPY, Reduction.MEAN,
                        new Optimiser.Momentum(0.05, 0.9), 1);
                try (TrainingEngine part = backend.open(resumed, prefix)) {
                    part.restoreOptimiser(moments);
                    part.trainEpoch(identity, BATCH);
                    e = part.evaluate(test);
                }
            }
            assertEquals(Double.doubleToRawLongBits(e.accuracy()), Double.doubleToRawLongBits(p.testAccuracy()),
                    "accuracy after " + p.updates() + " updates");
            assertEquals(Double.doubleToRawLongBits(e.rawLoss() / e.rows()), Double.doubleToRawLongBits(p.testLoss()),
                    "loss after " + p.updates() + " updates");
        }
        assertEquals(3, probed.probes().stream().filter(p -> p.epoch() == 2).count());
    }

    @Test
    void aRunKilledAndResumedKeepsItsProbes() {
        Examples train = CheckpointResumeTest.classification(PATTERNS, 6, 3, 3);
        Examples test = CheckpointResumeTest.classification(29, 6, 3, 4);
        TrainingResult expected = new TrainingLoop(config(EPOCHS), new CpuBackend(2), 2).evaluateEvery(EVERY).run(train, test, null);
        CheckpointDirectory dir = new CheckpointDirectory(folder.resolve("probes"));
        assertThrows(IllegalStateException.class, () -> new TrainingLoop(config(EPOCHS), new CpuBackend(2), 2)
                .evaluateEvery(EVERY).checkpoints(dir, 1)
                .listener(r -> {
                    if (r.epoch() == 3) {
                        throw new IllegalStateException("killed after epoch 3");
                    }
                }).run(train, test, null));
        TrainingResult resumed = new TrainingLoop(config(EPOCHS), new CpuBackend(2), 2).evaluateEvery(EVERY).checkpoints(dir, 1)
                .run(train, test, null);
        assertEquals(2, resumed.resumedAtEpoch());
        CheckpointResumeTest.assertSameRun(expected, resumed, "killed after epoch 3");
    }
}
