package ffnlab.backend.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ffnlab.backend.ReferenceBackend;
import ffnlab.nn.Activation;
import ffnlab.nn.Loss;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Each device operation against the reference backend on odd shapes. Needs a GPU; skipped without one. */
@Tag("gpu")
class GpuKernelsTest {
    private static GpuBackend gpu;
    private final ReferenceBackend ref = new ReferenceBackend();
    private final SplittableRandom random = new SplittableRandom(20261126);

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

    private float[] random(int n, double scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) ((random.nextDouble() * 2 - 1) * scale);
        }
        return v;
    }

    /** max |a - b| / (1 + |b|) over all entries. */
    private static void assertClose(float[] expected, float[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            assertTrue(Float.isFinite(actual[i]), what + "[" + i + "] is " + actual[i]);
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]) / (1 + Math.abs(expected[i])));
        }
        assertTrue(worst <= tolerance, what + ": worst relative difference " + worst);
    }

    @Test
    void gemmMatchesForEveryTransposeAndScalars() {
        int m = 37;
        int n = 29;
        int k = 53;
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                float[] a = random(m * k, 1);
                float[] b = random(k * n, 1);
                float[] expected = new float[m * n];
                float[] actual = new float[m * n];
                Arrays.fill(actual, Float.NaN);   // beta = 0 must ignore C's contents
                ref.gemm(ta, tb, m, n, k, 1f, a, b, 0f, expected);
                gpu.gemm(ta, tb, m, n, k, 1f, a, b, 0f, actual);
                assertClose(expected, actual, 1e-5, "gemm " + ta + " " + tb);
                float[] c0 = random(m * n, 1);
                float[] c1 = c0.clone();
                ref.gemm(ta, tb, m, n, k, 0.5f, a, b, 2f, c0);
                gpu.gemm(ta, tb, m, n, k, 0.5f, a, b, 2f, c1);
                assertClose(c0, c1, 1e-5, "gemm with alpha, beta " + ta + " " + tb);
            }
        }
    }

    @Test
    void biasActivationMatchesForEveryActivation() {
        int rows = 13;
        int cols = 7;
        for (Activation f : Activation.values()) {
            float[] u0 = random(rows * cols, 3);
            float[] bias = random(cols, 1);
            float[] u1 = u0.clone();
            float[] h0 = new float[rows * cols];
            float[] h1 = new float[rows * cols];
            ref.biasActivation(f, u0, bias, h0, rows, cols);
            gpu.biasActivation(f, u1, bias, h1, rows, cols);
            assertClose(u0, u1, 0, f + " U + b");
            assertClose(h0, h1, 1e-6, f + " H");
        }
    }

    @Test
    void outputGradientMatchesForEachLossAndOutput() {
        int rows = 13;
        int cols = 5;
        int[] labels = new int[rows];
        for (int p = 0; p < rows; p++) {
            labels[p] = random.nextInt(cols);
        }
        for (Activation output : new Activation[] {Activation.LINEAR, Activation.SIGMOID, Activation.SOFTMAX}) {
            Loss loss = Loss.naturalFor(output);
            float[] u = random(rows * cols, 2);
            float[] y = new float[rows * cols];
            ref.biasActivation(output, u, new float[cols], y, rows, cols);
            float[] d = loss == Loss.SQUARED_ERROR ? random(rows * cols, 1) : null;
            int[] l = loss == Loss.CROSS_ENTROPY ? labels : null;
            float[] g0 = new float[rows * cols];
            float[] g1 = new float[rows * cols];
            double raw0 = ref.outputGradient(loss, output, u, y, d, l, rows, cols, 0.25f, g0);
            double raw1 = gpu.outputGradient(loss, output, u, y, d, l, rows, cols, 0.25f, g1);
            assertClose(g0, g1, 1e-6, output + " grad U");
            assertEquals(raw0, raw1, 1e-9 * Math.abs(raw0), output + " raw loss");
        }
    }

    @Test
    void activationBackwardMatchesForEveryHiddenActivation() {
        int rows = 11;
        int cols = 19;
        for (Activation f : new Activation[] {Activation.SIGMOID, Activation.TANH, Activation.RELU, Activation.LINEAR}) {
            float[] u = random(rows * cols, 3);
            float[] h = new float[rows * cols];
            ref.biasActivation(f, u, new float[cols], h, rows, cols);
            float[] g0 = random(rows * cols, 1);
            float[] g1 = g0.clone();
            ref.activationBackward(f, h, g0, rows, cols);
            gpu.activationBackward(f, h, g1, rows, cols);
            assertClose(g0, g1, 0, f + " backward");
        }
    }

    @Test
    void columnSumsMatch() {
        int rows = 301;
        int cols = 13;
        float[] g = random(rows * cols, 1);
        float[] s0 = new float[cols];
        float[] s1 = new float[cols];
        ref.columnSums(g, rows, cols, s0);
        gpu.columnSums(g, rows, cols, s1);
        assertClose(s0, s1, 1e-5, "column sums");
    }
}
