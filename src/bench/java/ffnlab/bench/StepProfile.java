package ffnlab.bench;

/**
 * Trains one workload for a few epochs on the cpu backend and prints each epoch's time: the target for a
 * JFR allocation profile of the steady-state step, after {@link ffnlab.backend.cpu.StepBreakdown}'s profile of one step. Arguments: workload (W1|W2), batch, threads, epochs.
 */
public final class StepProfile {
    private StepProfile() {
    }

    public static void main(String[] args) {
        Workload w = Workload.named(args[0]);
        int batch = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        int epochs = Integer.parseInt(args[3]);
        FfnlabTiming timing = new FfnlabTiming(w, w.examples(1));
        timing.stepBreakdown(batch, threads, 200).forEach(System.out::println);
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = mx.getCurrentThreadCpuTime();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long process0 = os.getProcessCpuTime();
        double[] s = timing.epochSeconds(batch, threads, 1, epochs);
        System.out.printf("calling thread's cpu time per epoch (warm-up included): %.4f s%n",
                (mx.getCurrentThreadCpuTime() - cpu0) * 1e-9 / (epochs + 1));
        double processSeconds = (os.getProcessCpuTime() - process0) * 1e-9 / (epochs + 1);
        System.out.printf("process cpu time per epoch (warm-up included): %.3f s, %.1f GFLOP per cpu-second%n",
                processSeconds, w.flopsPerEpoch() / processSeconds / 1e9);
        System.out.printf("heap bytes allocated per update in a steady-state epoch (all threads): %.1f%n",
                timing.allocatedBytesPerUpdate(batch, threads, 2));
        System.out.printf("%s batch %d threads %d: epoch seconds min %.4f median %.4f max %.4f%n", w.name(), batch, threads,
                s[0], PeerRunner.median(s), s[s.length - 1]);
    }
}
