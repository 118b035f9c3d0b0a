package ffnlab.backend.cpu;

import ffnlab.backend.BatchWorkspace;
import ffnlab.backend.OutputLayer;
import ffnlab.data.Examples;
import ffnlab.nn.Activation;
import ffnlab.nn.Architecture;
import ffnlab.nn.Loss;
import ffnlab.nn.Parameters;
import ffnlab.nn.Reduction;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where one fused-SGD training step of the cpu engine spends its time, measured apart from the benchmark's timed
 * epochs (which carry no instrumentation). It drives the engine's own {@link ForwardPass} and {@link BackwardPass}
 * with the same partition and kernels, in two phases of {@code steps} steps each after a warm-up:
 * <ol>
 *   <li>one thread, piece by piece, timed by the thread's cpu time (a busy machine's other processes do not count,
 *       though they still share the caches): each GEMM of the step (block shape, blocks, time, GFLOP/s) and the element-wise
 *       passes (gather, bias + activation, softmax, softmax/loss gradient, activation derivative, bias sums, SGD
 *       bias step), each a separate loop over its blocks, so an element-wise pass here reads its block from cache
 *       less often than in the fused step;</li>
 *   <li>the team of {@code threads}: the step as the engine runs it, in wall time, each dispatch wrapped so that every block's
 *       thread and start and end times are recorded: the caller's wait (dispatch time the caller spends in no block,
 *       spinning for workers to finish), the hand-off latency (publish to a worker's first block), the share of
 *       blocks the workers run, and the process cpu time per step.</li>
 * </ol>
 * Figures are medians over the steps. The profile trains as it measures (SGD steps on its own copy of theta).
 */
public final class StepBreakdown {
    private static final String[] ELEMENT_WISE = {"gather X (copy the batch)", "bias + hidden activation",
        "bias + softmax (forward L)", "softmax/loss gradient", "activation derivative", "bias sums",
        "SGD bias step"};
    private static final int GATHER = 0;
    private static final int ACTIVATION = 1;
    private static final int SOFTMAX = 2;
    private static final int LOSS = 3;
    private static final int DERIVATIVE = 4;
    private static final int BIAS_SUMS = 5;
    private static final int BIAS_STEP = 6;

    private final Architecture arch;
    private final Loss loss;
    private final Examples data;
    private final float learningRate;
    private final int batch;
    private final int[] order;

    /**
     * @param initial the starting theta (copied), {@code data} a classification or regression set of at least
     *                {@code batch} patterns whose shape fits {@code arch}
     */
    public StepBreakdown(Architecture arch, Loss loss, Examples data, float learningRate, int batch) {
        if (data.rows() < batch) {
            throw new IllegalArgumentException("need at least " + batch + " patterns, got " + data.rows());
        }
        this.arch = arch;
        this.loss = loss;
        this.data = data;
        this.learningRate = learningRate;
        this.batch = batch;
        this.order = new int[data.rows()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
    }

    private int start(int step) {
        return (int) ((long) step * batch % (data.rows() - batch + 1));
    }

    /** The report: a GEMM table, an element-wise table and the team's hand-offs, as printable lines. */
    public List<String> profile(Parameters initial, int threads, int warmups, int steps) {
        List<String> out = new ArrayList<>();
        Parameters theta = initial.copy();
        Parameters grad = new Parameters(arch);
        BatchWorkspace ws = new BatchWorkspace(arch, batch);
        int depth = arch.depth();
        // GEMM index: forward l -> l - 1; propagate l -> depth + (l - 2); weights l -> 2 depth - 1 + (l - 1)
        int gemms = 3 * depth - 1;
        String[] gemmName = new String[gemms];
        String[] gemmShape = new String[gemms];
        double[] gemmFlops = new double[gemms];
        long[][] gemmNanos = new long[gemms][steps];
        long[][] elementNanos = new long[ELEMENT_WISE.length][steps];
        long[] stepNanos = new long[steps];
        java.lang.management.ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        try (WorkerTeam one = new WorkerTeam(1, "ffnlab-profile-single")) {
            ForwardPass forward = new ForwardPass(arch, one);
            BackwardPass backward = new BackwardPass(arch, one, learningRate);
            for (int s = -warmups; s < steps; s++) {
                boolean record = s >= 0;
                long stepStart = cpu.getCurrentThreadCpuTime();
                long t0 = cpu.getCurrentThreadCpuTime();
                ws.gather(data, order, start(s + warmups), batch);
                long t1 = cpu.getCurrentThreadCpuTime();
                if (record) {
                    elementNanos[GATHER][s] += t1 - t0;
                }
                for (int l = 1; l <= depth; l++) {
                    int blocks = forward.prepare(theta, ws, l, batch);
                    int g = l - 1;
                    gemmName[g] = "forward " + l + ": U^" + l + " = H^" + (l - 1) + " W^" + l;
                    gemmShape[g] = shape(batch, forward.width(), arch.width(l - 1), blocks);
                    gemmFlops[g] = 2.0 * batch * arch.width(l) * arch.width(l - 1);
                    t0 = cpu.getCurrentThreadCpuTime();
                    for (int b = 0; b < blocks; b++) {
                        forward.product(b);
                    }
                    t1 = cpu.getCurrentThreadCpuTime();
                    for (int b = 0; b < blocks; b++) {
                        forward.activation(b);
                    }
                    long t2 = cpu.getCurrentThreadCpuTime();
                    if (record) {
                        gemmNanos[g][s] = t1 - t0;
                        elementNanos[arch.activation(l) == Activation.SOFTMAX ? SOFTMAX : ACTIVATION][s] += t2 - t1;
                    }
                }
                t0 = cpu.getCurrentThreadCpuTime();
                outputGradient(ws, batch);
                t1 = cpu.getCurrentThreadCpuTime();
                if (record) {
                    elementNanos[LOSS][s] += t1 - t0;
                }
                for (int l = depth; l >= 1; l--) {
                    int blocks = backward.prepare(theta, grad, ws, l, batch);
                    t0 = cpu.getCurrentThreadCpuTime();
                    long t1p = t0;
                    long t2p = t0;
                    if (backward.propagates()) {
                        for (int b = 0; b < blocks; b++) {
                            backward.propagationProduct(b);
                        }
                        t1p = cpu.getCurrentThreadCpuTime();
                        for (int b = 0; b < blocks; b++) {
                            backward.activationDerivative(b);
                        }
                        t2p = cpu.getCurrentThreadCpuTime();
                    }
                    for (int b = 0; b < blocks; b++) {
                        backward.biasGradient(b);
                    }
                    long t3 = cpu.getCurrentThreadCpuTime();
                    for (int b = 0; b < blocks; b++) {
                        backward.weightProduct(b);
                    }
                    long t4 = cpu.getCurrentThreadCpuTime();
                    for (int b = 0; b < blocks; b++) {
                        backward.biasStep(b);
                    }
                    long t5 = cpu.getCurrentThreadCpuTime();
                    double flops = 2.0 * batch * arch.width(l) * arch.width(l - 1);
                    if (l > 1) {
                        int g = depth + l - 2;
                        gemmName[g] = "propagate " + l + ": grad U^" + (l - 1) + " = grad U^" + l + " (W^" + l + ")^T";
                        gemmShape[g] = shape(batch, backward.width(), arch.width(l), blocks);
                        gemmFlops[g] = flops;
                        if (record) {
                            gemmNanos[g][s] = t1p - t0;
                            elementNanos[DERIVATIVE][s] += t2p - t1p;
                        }
                    }
                    int g = 2 * depth - 1 + l - 1;
                    gemmName[g] = "weights " + l + ": W^" + l + " -= alpha (H^" + (l - 1) + ")^T grad U^" + l;
                    gemmShape[g] = shape(backward.width(), arch.width(l), batch, blocks);
                    gemmFlops[g] = flops;
                    if (record) {
                        elementNanos[BIAS_SUMS][s] += t3 - t2p;
                        gemmNanos[g][s] = t4 - t3;
                        elementNanos[BIAS_STEP][s] += t5 - t4;
                    }
                }
                if (record) {
                    stepNanos[s] = cpu.getCurrentThreadCpuTime() - stepStart;
                }
            }
        }
        double stepMedian = median(stepNanos);
        double flopsPerStep = Arrays.stream(gemmFlops).sum();
        out.add(String.format(Locale.ROOT, "step profile, %s, B = %d: one thread, piece by piece, its cpu time (median of %d"
                + " steps): %.0f us a step, %.1f GFLOP/s", arch, batch, steps, stepMedian * 1e-3, flopsPerStep / stepMedian));
        out.add("| GEMM | block shape m x n x k x blocks | us | GFLOP/s | share of step |");
        out.add("| --- | --- | ---: | ---: | ---: |");
        double gemmTotal = 0;
        for (int g = 0; g < gemms; g++) {
            if (gemmName[g] == null) {
                continue;
            }
            double ns = median(gemmNanos[g]);
            gemmTotal += ns;
            out.add(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.1f%% |", gemmName[g], gemmShape[g], ns * 1e-3,
                    gemmFlops[g] / ns, 100 * ns / stepMedian));
        }
        out.add(String.format(Locale.ROOT, "| all GEMMs | | %.1f | %.1f | %.1f%% |", gemmTotal * 1e-3,
                flopsPerStep / gemmTotal, 100 * gemmTotal / stepMedian));
        out.add("| element-wise pass | | us | | share of step |");
        double elementTotal = 0;
        for (int e = 0; e < ELEMENT_WISE.length; e++) {
            double ns = median(elementNanos[e]);
            elementTotal += ns;
            out.add(String.format(Locale.ROOT, "| %s | | %.1f | | %.1f%% |", ELEMENT_WISE[e], ns * 1e-3, 100 * ns / stepMedian));
        }
        out.add(String.format(Locale.ROOT, "| all element-wise | | %.1f | | %.1f%% |", elementTotal * 1e-3,
                100 * elementTotal / stepMedian));
        if (threads > 1) {
            out.add(handOffs(initial, threads, warmups, steps, flopsPerStep));
        }
        return out;
    }

    private static String shape(int m, int n, int k, int blocks) {
        return m + " x " + n + " x " + k + " x " + blocks;
    }

    private void outputGradient(BatchWorkspace ws, int rows) {
        int depth = arch.depth();
        boolean classification = data.isClassification();
        OutputLayer.gradient(loss, arch.output(), ws.u[depth], ws.h[depth], classification ? null : ws.d,
                classification ? ws.labels : null, rows, arch.outputs(),
                (float) Reduction.MEAN.gradientScale(loss, rows, arch.outputs()), ws.gradU[depth]);
    }

    /** Phase 2: the step on the team, each dispatch's blocks timed by thread. */
    private String handOffs(Parameters initial, int threads, int warmups, int steps, double flopsPerStep) {
        Parameters theta = initial.copy();
        Parameters grad = new Parameters(arch);
        BatchWorkspace ws = new BatchWorkspace(arch, batch);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long[] stepNanos = new long[steps];
        long[] waitNanos = new long[steps];
        long[] latency = new long[steps * 3 * arch.depth()];
        int latencies = 0;
        long blocksTotal = 0;
        long blocksByWorkers = 0;
        long dispatches = 0;
        long cpu0 = 0;
        try (WorkerTeam team = new WorkerTeam(threads, "ffnlab-profile")) {
            ForwardPass forward = new ForwardPass(arch, team);
            BackwardPass backward = new BackwardPass(arch, team, learningRate);
            TimedBlocks timed = new TimedBlocks();
            int depth = arch.depth();
            for (int s = -warmups; s < steps; s++) {
                if (s == 0) {
                    cpu0 = os.getProcessCpuTime();
                }
                timed.clearStep();
                long stepStart = System.nanoTime();
                ws.gather(data, order, start(s + warmups), batch);
                for (int l = 1; l <= depth; l++) {
                    timed.dispatch(team, forward, forward.prepare(theta, ws, l, batch));
                }
                outputGradient(ws, batch);
                for (int l = depth; l >= 1; l--) {
                    timed.dispatch(team, backward, backward.prepare(theta, grad, ws, l, batch));
                }
                if (s >= 0) {
                    stepNanos[s] = System.nanoTime() - stepStart;
                    waitNanos[s] = timed.callerWait;
                    blocksTotal += timed.blocks;
                    blocksByWorkers += timed.byWorkers;
                    dispatches += timed.dispatches;
                    for (int i = 0; i < timed.latencies; i++) {
                        latency[latencies++] = timed.latency[i];
                    }
                }
            }
        }
        double cpuPerStep = (os.getProcessCpuTime() - cpu0) / (double) steps;
        double wall = median(stepNanos);
        return String.format(Locale.ROOT, "on %d threads as the engine runs it: %.0f us a step (%.1f GFLOP/s), %.1f process"
                        + " cpu-us a step (%.1f GFLOP per cpu-second); %.1f dispatches a step; workers run %.0f%% of the blocks;"
                        + " the caller waits for workers %.1f us a step (%.1f%%); a worker's first block starts %.1f us after"
                        + " the dispatch is published (median, %d dispatches with a worker block)",
                threads, wall * 1e-3, flopsPerStep / wall, cpuPerStep * 1e-3, flopsPerStep / cpuPerStep,
                dispatches / (double) steps, 100.0 * blocksByWorkers / Math.max(1, blocksTotal), median(waitNanos) * 1e-3,
                100 * median(waitNanos) / wall, latencies == 0 ? Double.NaN : median(Arrays.copyOf(latency, latencies)) * 1e-3,
                latencies);
    }

    /** Wraps one dispatch's job: records which thread ran each block and when. */
    private static final class TimedBlocks implements WorkerTeam.Blocks {
        private final long[] blockStart = new long[WorkerTeam.MAX_COUNT];
        private final long[] blockEnd = new long[WorkerTeam.MAX_COUNT];
        private final boolean[] byCaller = new boolean[WorkerTeam.MAX_COUNT];
        private final long[] latency = new long[64];
        private WorkerTeam.Blocks job;
        private Thread caller;
        long callerWait;
        int blocks;
        int byWorkers;
        int dispatches;
        int latencies;

        void clearStep() {
            callerWait = 0;
            blocks = 0;
            byWorkers = 0;
            dispatches = 0;
            latencies = 0;
        }

        void dispatch(WorkerTeam team, WorkerTeam.Blocks target, int count) {
            job = target;
            caller = Thread.currentThread();
            long published = System.nanoTime();
            team.run(this, count);
            long returned = System.nanoTime();
            long callerBusy = 0;
            long firstWorker = Long.MAX_VALUE;
            for (int b = 0; b < count; b++) {
                if (byCaller[b]) {
                    callerBusy += blockEnd[b] - blockStart[b];
                } else {
                    byWorkers++;
                    firstWorker = Math.min(firstWorker, blockStart[b]);
                }
            }
            blocks += count;
            dispatches++;
            callerWait += returned - published - callerBusy;
            if (firstWorker != Long.MAX_VALUE && latencies < latency.length) {
                latency[latencies++] = firstWorker - published;
            }
        }

        @Override
        public void run(int block) {
            byCaller[block] = Thread.currentThread() == caller;
            blockStart[block] = System.nanoTime();
            job.run(block);
            blockEnd[block] = System.nanoTime();
        }
    }

    private static double median(long[] values) {
        long[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
    }
}
