package ffnlab.backend.cpu;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The machine's GEMM ceiling: OpenBLAS sgemm with its own threading (the best a BLAS call gets), in
 * GFLOP/s (2 m n k per product), median of repeated timed calls after warm-up. Lives in the benchmark
 * source tree; it switches OpenBLAS's threads on only for the measurement and back to 1 afterwards.
 */
public final class SgemmCeiling {
    private SgemmCeiling() {
    }

    /** Whether OpenBLAS loaded (else there is no ceiling to measure). */
    public static boolean available() {
        return OpenBlasGemm.instance().isPresent();
    }

    /** GFLOP/s of C = A B (m x k times k x n) on {@code threads} OpenBLAS threads, median of {@code repeats} timings. */
    public static double gflops(int m, int n, int k, int threads, double seconds) {
        OpenBlasGemm g = OpenBlasGemm.instance().orElseThrow(() -> new IllegalStateException("OpenBLAS did not load"));
        SplittableRandom r = new SplittableRandom(1);
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        float[] c = new float[m * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) r.nextDouble();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) r.nextDouble();
        }
        OpenBlasGemm.nativeThreads(threads);
        try {
            double flops = 2.0 * m * n * k;
            int calls = (int) Math.max(1, Math.min(100_000, 0.05 * 1e11 / flops));   // ~0.05 s per sample at 100 GFLOP/s
            for (int w = 0; w < 3; w++) {
                for (int i = 0; i < calls; i++) {
                    g.gemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n);
                }
            }
            int samples = (int) Math.max(5, seconds / 0.05);
            double[] rate = new double[samples];
            for (int s = 0; s < samples; s++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < calls; i++) {
                    g.gemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n);
                }
                rate[s] = flops * calls / ((System.nanoTime() - t0) * 1e-9) / 1e9;
            }
            Arrays.sort(rate);
            return rate[samples / 2];
        } finally {
            OpenBlasGemm.nativeThreads(1);
        }
    }

    /**
     * GFLOP per cpu-second of C = A B (m x k times k x n) on one OpenBLAS thread, timed by that thread's cpu time
     * (median of samples of about 0.05 cpu-seconds): the per-core ceiling that a busy machine's other processes do
     * not lower, to compare with an epoch's GFLOP per process cpu-second.
     */
    public static double gflopsPerCpuSecond(int m, int n, int k, double seconds) {
        OpenBlasGemm g = OpenBlasGemm.instance().orElseThrow(() -> new IllegalStateException("OpenBLAS did not load"));
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        SplittableRandom r = new SplittableRandom(1);
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        float[] c = new float[m * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) r.nextDouble();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) r.nextDouble();
        }
        double flops = 2.0 * m * n * k;
        int samples = (int) Math.max(5, seconds / 0.05);
        double[] rate = new double[samples];
        for (int s = -2; s < samples; s++) {
            long c0 = mx.getCurrentThreadCpuTime();
            int calls = 0;
            long used;
            do {
                g.gemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n);
                calls++;
                used = mx.getCurrentThreadCpuTime() - c0;
            } while (used < 50_000_000L);
            if (s >= 0) {
                rate[s] = flops * calls / (used * 1e-9) / 1e9;
            }
        }
        Arrays.sort(rate);
        return rate[samples / 2];
    }

    /**
     * Nanoseconds per single-threaded call of C = A B (m x k times k x n) for the Java loops and for
     * OpenBLAS: the measurement behind {@link GemmKernel#SMALL_PRODUCT}. Returns {loops, openblas}.
     */
    public static double[] kernelNanos(int m, int n, int k) {
        SplittableRandom r = new SplittableRandom(2);
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        float[] c = new float[m * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) r.nextDouble();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) r.nextDouble();
        }
        GemmKernel[] kernels = {LoopGemm.INSTANCE, OpenBlasGemm.instance().orElseThrow()};
        double[] nanos = new double[2];
        int calls = (int) Math.max(20, Math.min(200_000, 2e8 / (2.0 * m * n * k)));
        for (int which = 0; which < 2; which++) {
            GemmKernel g = kernels[which];
            double[] samples = new double[5];
            for (int s = -2; s < samples.length; s++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < calls; i++) {
                    g.gemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n);
                }
                if (s >= 0) {
                    samples[s] = (System.nanoTime() - t0) / (double) calls;
                }
            }
            Arrays.sort(samples);
            nanos[which] = samples[2];
        }
        return nanos;
    }
}
