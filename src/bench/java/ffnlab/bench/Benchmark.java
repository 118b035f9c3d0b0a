package ffnlab.bench;

import ffnlab.backend.cpu.CpuBackend;
import ffnlab.backend.cpu.SgemmCeiling;
import ffnlab.data.Examples;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cpu backend's benchmark ({@code mvn -q -Pbench exec:java -Dexp=bench}): W1 and W2 on ffnlab's cpu
 * backend beside PyTorch through DJL (fresh JVMs, median and range) and the OpenBLAS sgemm ceiling, all in
 * one run, as ratios, each row's min / median / max; before them {@link ffnlab.backend.cpu.StepBreakdown}'s profile
 * of one W1 step per batch size (GEMM shapes and GFLOP/s, element-wise passes, the team's hand-offs), measured apart
 * from the timed epochs; then ffnlab's time per update against the batch size. Settings (system properties):
 * bench.batches (16,32,64,128,256), bench.threads (2), bench.epochs (3), bench.peer (true),
 * bench.peer.jvms (3), bench.peer.epochs (1), bench.peer.warmup (100 updates), bench.curve (true),
 * bench.profile.batches (16,64,256; empty for none), bench.profile.steps (200 a phase).
 */
public final class Benchmark {
    private Benchmark() {
    }

    private static String prop(String key, String fallback) {
        return System.getProperty(key, fallback);
    }

    private static List<Integer> ints(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Integer::valueOf).toList();
    }

    public static void main(String[] args) throws IOException {
        Locale.setDefault(Locale.ROOT);
        List<Integer> batches = ints(prop("bench.batches", "16,32,64,128,256"));
        int threads = Integer.parseInt(prop("bench.threads", "2"));
        int epochs = Integer.parseInt(prop("bench.epochs", "3"));
        boolean peer = Boolean.parseBoolean(prop("bench.peer", "true"));
        int jvms = Integer.parseInt(prop("bench.peer.jvms", "3"));
        int peerEpochs = Integer.parseInt(prop("bench.peer.epochs", "1"));
        int peerWarmup = Integer.parseInt(prop("bench.peer.warmup", "100"));
        boolean curve = Boolean.parseBoolean(prop("bench.curve", "true"));
        List<Integer> profiled = ints(prop("bench.profile.batches", "16,64,256"));
        int profileSteps = Integer.parseInt(prop("bench.profile.steps", "200"));

        System.out.printf("machine: %s, %d cores, JDK %s, %s; load average at start %.2f%n", cpuModel(),
                Runtime.getRuntime().availableProcessors(), Runtime.version(), System.getProperty("os.name"), load());
        System.out.println("cpu backend GEMM: " + CpuBackend.gemmKernel() + " (tiny products: java loops)");
        double ceilingShape1 = Double.NaN;
        double ceilingShape = Double.NaN;
        double ceilingLarge1 = Double.NaN;
        double ceilingLarge = Double.NaN;
        double ceilingCpu = Double.NaN;
        if (SgemmCeiling.available()) {
            ceilingShape1 = SgemmCeiling.gflops(64, 512, 784, 1, 1);
            ceilingShape = SgemmCeiling.gflops(64, 512, 784, threads, 1);
            ceilingLarge1 = SgemmCeiling.gflops(2048, 2048, 2048, 1, 2);
            ceilingLarge = SgemmCeiling.gflops(2048, 2048, 2048, threads, 2);
            ceilingCpu = SgemmCeiling.gflopsPerCpuSecond(2048, 2048, 2048, 1);
            System.out.printf("sgemm ceiling (OpenBLAS, its own threads): 64x784 x 784x512: %.0f GFLOP/s on 1 thread, %.0f on %d;"
                    + " 2048^3: %.0f on 1 thread, %.0f on %d; 2048^3 on 1 thread in its cpu time: %.0f GFLOP per cpu-second"
                    + " (load %.2f)%n", ceilingShape1, ceilingShape, threads, ceilingLarge1, ceilingLarge, threads, ceilingCpu, load());
        }
        if (SgemmCeiling.available()) {
            System.out.println("GEMM kernel per call, 1 thread (ns): shape m x n x k: java loops | OpenBLAS");
            for (int[] shape : new int[][] {{1, 1, 1}, {4, 4, 4}, {8, 8, 8}, {32, 1, 64}, {32, 64, 8}, {8, 64, 32}, {64, 64, 64}, {64, 64, 784}}) {
                double[] ns = SgemmCeiling.kernelNanos(shape[0], shape[1], shape[2]);
                System.out.printf("  %d x %d x %d (%d multiply-adds): %.0f | %.0f%n", shape[0], shape[1], shape[2],
                        shape[0] * shape[1] * shape[2], ns[0], ns[1]);
            }
        }
        Examples w1 = Workload.W1.examples(1);
        FfnlabTiming w1Timing = new FfnlabTiming(Workload.W1, w1);
        for (int b : profiled) {
            System.out.println();
            w1Timing.stepBreakdown(b, threads, profileSteps).forEach(System.out::println);
        }
        Path cache = Path.of("target", "djl-cache").toAbsolutePath();
        Files.createDirectories(cache);
        PeerRunner runner = new PeerRunner(cache);

        List<Row> rows = new ArrayList<>();
        Map<Integer, double[]> w1Peer = peer ? runner.run(Workload.W1, threads, peerWarmup, peerEpochs, jvms, batches) : Map.of();
        for (int b : batches) {
            rows.add(new Row(Workload.W1, b, threads, w1Timing.epochTimes(b, threads, 1, epochs), w1Peer.get(b)));
        }
        if (threads != 1 && batches.contains(64)) {
            Map<Integer, double[]> p1 = peer ? runner.run(Workload.W1, 1, peerWarmup, peerEpochs, jvms, List.of(64)) : Map.of();
            rows.add(new Row(Workload.W1, 64, 1, w1Timing.epochTimes(64, 1, 1, epochs), p1.get(64)));
        }
        Examples w2 = Workload.W2.examples(2);
        FfnlabTiming w2Timing = new FfnlabTiming(Workload.W2, w2);
        for (int t : threads == 1 ? List.of(1) : List.of(1, threads)) {
            Map<Integer, double[]> p2 = peer ? runner.run(Workload.W2, t, peerWarmup, Math.max(peerEpochs, 3), jvms, List.of(32)) : Map.of();
            rows.add(new Row(Workload.W2, 32, t, w2Timing.epochTimes(32, t, 5, Math.max(epochs, 5)), p2.get(32)));
        }

        System.out.println();
        System.out.printf("%nload average before the table's epochs ran: see above; now %.2f%n", load());
        System.out.println("| workload | batch | threads | ffnlab s/epoch min / median / max (epochs) | PyTorch-via-DJL s/epoch min / median / max (JVMs)"
                + " | ratio of medians | target | ffnlab GFLOP/s (median) | % of sgemm ceiling (median; best epoch)"
                + " | GFLOP per process cpu-second (median) | % of the per-core cpu ceiling |");
        System.out.println("| --- | ---: | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (Row r : rows) {
            double ceiling = r.threads == 1 ? ceilingLarge1 : ceilingLarge;
            System.out.println(r.format(ceiling, ceilingCpu));
        }
        System.out.printf("%nGFLOP/s = 6 x parameters x patterns / epoch time (W1: %.0f GFLOP per epoch); ceiling = OpenBLAS sgemm 2048^3"
                + " on the same thread count, measured above. GFLOP per process cpu-second counts every thread of this JVM"
                + " (spinning included) and not other processes: on a shared machine it is the load-independent figure,"
                + " against one core's sgemm 2048^3 in its own cpu time.%n", Workload.W1.flopsPerEpoch() / 1e9);

        if (curve) {
            System.out.println();
            System.out.println("time per update vs batch size (W1, ffnlab cpu, " + threads + " threads)");
            System.out.println("| batch | us/update | s/epoch (60000 patterns) |");
            System.out.println("| ---: | ---: | ---: |");
            for (int b : new int[] {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024}) {
                double us = w1Timing.microsecondsPerUpdate(b, threads, b <= 8 ? 2000 : Math.max(60, 30000 / b));
                System.out.printf("| %d | %.1f | %.2f |%n", b, us, us * 1e-6 * Math.ceil(60000.0 / b));
            }
        }
        System.out.printf("%nload average at end %.2f%n", load());
    }

    private record Row(Workload workload, int batch, int threads, FfnlabTiming.EpochTimes times, double[] peer) {
        String format(double ceiling, double ceilingCpu) {
            double[] ffnlab = times.wall();
            double f = PeerRunner.median(ffnlab);
            String p = "n/a";
            String ratio = "n/a";
            if (peer != null && peer.length > 0) {
                double pm = PeerRunner.median(peer);
                p = String.format("%.3f / %.3f / %.3f (%d)", peer[0], pm, peer[peer.length - 1], peer.length);
                ratio = String.format("%.2f", f / pm);
            }
            String target = workload == Workload.W2 ? "< 0.02 s" : batch <= 64 ? "<= 0.5" : "<= 0.8";
            double gflops = workload.flopsPerEpoch() / f / 1e9;
            double best = workload.flopsPerEpoch() / ffnlab[0] / 1e9;
            double perCpuSecond = workload.flopsPerEpoch() / PeerRunner.median(times.cpu()) / 1e9;
            return String.format("| %s | %d | %d | %.3f / %.3f / %.3f (%d) | %s | %s | %s | %.1f | %.0f%%; %.0f%% | %.1f | %.0f%% |",
                    workload.name(), batch, threads, ffnlab[0], f, ffnlab[ffnlab.length - 1], ffnlab.length, p, ratio, target,
                    gflops, 100 * gflops / ceiling, 100 * best / ceiling, perCpuSecond, 100 * perCpuSecond / ceilingCpu);
        }
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch");
    }
}
