package ffnlab.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ffnlab.data.Examples;
import ffnlab.nn.Activation;
import ffnlab.nn.Architecture;
import ffnlab.nn.Initialiser;
import ffnlab.nn.Loss;
import ffnlab.nn.Reduction;
import ffnlab.nn.optim.Optimiser;
import ffnlab.train.TrainingConfig;
import ffnlab.train.TrainingLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The same training run repeated many times on 1, 2 and 3 threads gives bitwise the same parameters every
 * time: a [50, 300, 10] softmax network, fused SGD, B = 64, whose weight-gradient GEMMs are split into column
 * blocks that the worker team hands out, so one block applied twice or skipped changes the hash. Two threads
 * spin beside the runs for the whole test, so the team's workers are descheduled at arbitrary points, as on a
 * shared machine.
 *
 * <p>{@code -Ddeterminism.runs=N} sets the repetitions per thread count (default 40, about 20 s on
 * 2 cores); the long version is
 * {@code mvn -B test -Dtest=ThreadCountDeterminismStressTest -Ddeterminism.runs=500}.
 */
class ThreadCountDeterminismStressTest {

    @Test
    void parametersAreBitwiseEqualOnEveryRunAndThreadCount() {
        int runs = Integer.getInteger("determinism.runs", 40);
        Architecture arch = Architecture.of(Activation.RELU, Activation.SOFTMAX, 50, 300, 10);
        TrainingConfig config = new TrainingConfig(arch, new Initialiser.PyTorchDefault(), Loss.CROSS_ENTROPY,
                Reduction.MEAN, new Optimiser.Sgd(0.1), 64, 25, 17, 0);
        Examples train = CpuTrainingTest.classification(320, 50, 10, 21);
        Examples test = CpuTrainingTest.classification(64, 50, 10, 22);
        String expected = new TrainingLoop(config, new CpuBackend(1), 1).run(train, test, null).parameters().sha256();
        List<String> mismatches = new ArrayList<>();
        AtomicBoolean done = new AtomicBoolean();
        List<Thread> load = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            load.add(Thread.ofPlatform().daemon().name("busy-" + i).start(() -> {
                while (!done.get()) {
                    Thread.onSpinWait();
                }
            }));
        }
        try {
            for (int run = 0; run < runs; run++) {
                for (int threads = 1; threads <= 3; threads++) {
                    String hash = new TrainingLoop(config, new CpuBackend(1), threads).run(train, test, null).parameters().sha256();
                    if (!hash.equals(expected)) {
                        mismatches.add("run " + run + ", " + threads + " threads: " + hash);
                    }
                }
            }
        } finally {
            done.set(true);
        }
        assertEquals(List.of(), mismatches, "parameter hashes that differ from the first 1-thread run (" + expected
                + ") out of " + 3 * runs);
    }
}
