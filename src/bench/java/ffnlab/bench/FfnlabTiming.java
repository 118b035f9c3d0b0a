package ffnlab.bench;

import ffnlab.backend.EngineSpec;
import ffnlab.backend.TrainingEngine;
import ffnlab.backend.cpu.CpuBackend;
import ffnlab.backend.cpu.StepBreakdown;
import ffnlab.data.Examples;
import ffnlab.nn.Initialiser;
import ffnlab.nn.Parameters;
import ffnlab.nn.Reduction;
import ffnlab.nn.optim.Optimiser;
import java.util.Arrays;
import java.util.List;

/** Seconds per shuffled epoch of a workload on the cpu backend: a warm-up epoch, then the median of N. */
final class FfnlabTiming {
    private final Examples data;
    private final Workload workload;

    FfnlabTiming(Workload workload, Examples data) {
        this.workload = workload;
        this.data = data;
    }

    private static final double LEARNING_RATE = 0.001;

    private Parameters initial() {
        return new Initialiser.PyTorchDefault().create(workload.architecture(), 1);
    }

    private TrainingEngine open(int threads) {
        return open(threads, data);
    }

    private TrainingEngine open(int threads, Examples examples) {
        EngineSpec spec = new EngineSpec(workload.architecture(), initial(), workload.loss(), Reduction.MEAN,
                new Optimiser.Sgd(LEARNING_RATE), threads);
        return new CpuBackend(threads).open(spec, examples);
    }

    /** {@link StepBreakdown}'s profile of one step at batch size B: {@code steps} steps a phase after 20 warm-ups. */
    List<String> stepBreakdown(int batch, int threads, int steps) {
        return new StepBreakdown(workload.architecture(), workload.loss(), data, (float) LEARNING_RATE, batch)
                .profile(initial(), threads, 20, steps);
    }

    /**
     * Wall-clock and process cpu seconds of each timed epoch, each array sorted: the cpu time (all of the JVM's
     * threads, the workers' spinning included) does not count other processes' time on a shared machine.
     */
    record EpochTimes(double[] wall, double[] cpu) {
    }

    /** Sorted epoch times in seconds, after {@code warmups} untimed epochs. */
    double[] epochSeconds(int batch, int threads, int warmups, int epochs) {
        return epochTimes(batch, threads, warmups, epochs).wall();
    }

    /** {@code epochs} timed epochs after {@code warmups} untimed ones. */
    EpochTimes epochTimes(int batch, int threads, int warmups, int epochs) {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        try (TrainingEngine engine = open(threads)) {
            for (int w = 0; w < warmups; w++) {
                engine.trainEpoch(workload.shuffledOrder(100 + w), batch);
            }
            double[] s = new double[epochs];
            double[] cpu = new double[epochs];
            for (int e = 0; e < epochs; e++) {
                int[] order = workload.shuffledOrder(e);
                long c0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                double loss = engine.trainEpoch(order, batch);
                s[e] = (System.nanoTime() - t0) * 1e-9;
                cpu[e] = (os.getProcessCpuTime() - c0) * 1e-9;
                if (!Double.isFinite(loss)) {
                    throw new IllegalStateException(workload.name() + " diverged at batch " + batch);
                }
            }
            Arrays.sort(s);
            Arrays.sort(cpu);
            return new EpochTimes(s, cpu);
        }
    }

    /**
     * Heap bytes allocated by all threads of the JVM during one steady-state epoch (after {@code warmups}
     * epochs), divided by its updates: 0 when the step allocates nothing.
     */
    double allocatedBytesPerUpdate(int batch, int threads, int warmups) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        try (TrainingEngine engine = open(threads)) {
            for (int w = 0; w < warmups; w++) {
                engine.trainEpoch(workload.shuffledOrder(100 + w), batch);
            }
            int[] order = workload.shuffledOrder(1);
            long before = mx.getTotalThreadAllocatedBytes();
            engine.trainEpoch(order, batch);
            long after = mx.getTotalThreadAllocatedBytes();
            return (after - before) / Math.ceil((double) order.length / batch);
        }
    }

    /**
     * Microseconds per update at batch size B, over {@code updates} timed updates after a warm-up: the
     * chapter's time-per-update curve. The engine holds only the patterns of those updates, so batch 1 does not need a
     * full epoch of 60000 updates.
     */
    double microsecondsPerUpdate(int batch, int threads, int updates) {
        int[] full = workload.shuffledOrder(7);
        int length = (int) Math.min((long) batch * updates, full.length);
        // an engine trains whole epochs of its data: the patterns of the first `updates` batches of a shuffled epoch
        Examples subset = data.select(Arrays.copyOf(full, length));
        int[] order = new int[length];
        Arrays.setAll(order, i -> i);
        int steps = (length + batch - 1) / batch;
        try (TrainingEngine engine = open(threads, subset)) {
            engine.trainEpoch(order, batch);
            long t0 = System.nanoTime();
            engine.trainEpoch(order, batch);
            return (System.nanoTime() - t0) * 1e-3 / steps;
        }
    }
}
