package ffnlab.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.backend.ReferenceBackend;
import ffnlab.nn.Activation;
import ffnlab.nn.Loss;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every {@link CpuBackend} operation against the {@link ReferenceBackend} oracle on odd shapes. */
class CpuOperationsTest {
    private static final ReferenceBackend REFERENCE = new ReferenceBackend();
    private static CpuBackend cpu;

    @BeforeAll
    static void open() {
        cpu = new CpuBackend(2);
    }

    @AfterAll
    static void close() {
        cpu.close();
    }

    static float[] random(int size, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = (float) (2 * r.nextDouble() - 1);
        }
        return v;
    }

    /** Batch 1, primes, widths that are not multiples of the vector width, and products large enough for OpenBLAS and several blocks. */
    static Stream<Arguments> gemmShapes() {
        int[][] shapes = {{1, 1, 1}, {1, 7, 3}, {3, 1, 5}, {13, 17, 19}, {1, 513, 29}, {37, 131, 61}, {64, 300, 97}, {127, 257, 33}, {5, 1000, 7}};
        Stream.Builder<Arguments> b = Stream.builder();
        for (int[] s : shapes) {
            for (boolean ta : new boolean[] {false, true}) {
                for (boolean tb : new boolean[] {false, true}) {
                    b.add(Arguments.of(s[0], s[1], s[2], ta, tb));
                }
            }
        }
        return b.build();
    }

    /** The activations with an element-wise derivative: all but softmax, which is fused with cross-entropy. */
    static Stream<Arguments> elementWiseActivationShapes() {
        return activationShapes().filter(a -> a.get()[0] != Activation.SOFTMAX);
    }

    @Test
    void softmaxHasNoElementWiseBackward() {
        float[] h = new float[6];
        float[] g = random(6, 7);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> cpu.activationBackward(Activation.SOFTMAX, h, g, 2, 3));
    }

    @ParameterizedTest(name = "{0}x{1}x{2} transA={3} transB={4}")
    @MethodSource("gemmShapes")
    void gemmMatchesReference(int m, int n, int k, boolean transA, boolean transB) {
        float[] a = random(m * k, 1);
        float[] b = random(k * n, 2);
        float[] c0 = random(m * n, 3);
        float tolerance = 2e-6f * k + 1e-6f;
        // beta = 0 must ignore C, NaN included
        float[] expected = new float[m * n];
        float[] actual = new float[m * n];
        java.util.Arrays.fill(actual, Float.NaN);
        REFERENCE.gemm(transA, transB, m, n, k, 1f, a, b, 0f, expected);
        cpu.gemm(transA, transB, m, n, k, 1f, a, b, 0f, actual);
        assertClose(expected, actual, tolerance, "beta 0");
        // alpha and beta as the fused SGD update uses them
        expected = c0.clone();
        actual = c0.clone();
        REFERENCE.gemm(transA, transB, m, n, k, -0.37f, a, b, 1f, expected);
        cpu.gemm(transA, transB, m, n, k, -0.37f, a, b, 1f, actual);
        assertClose(expected, actual, tolerance, "alpha -0.37, beta 1");
        expected = c0.clone();
        actual = c0.clone();
        REFERENCE.gemm(transA, transB, m, n, k, 2f, a, b, 0.5f, expected);
        cpu.gemm(transA, transB, m, n, k, 2f, a, b, 0.5f, actual);
        assertClose(expected, actual, 2 * tolerance, "alpha 2, beta 0.5");
    }

    @ParameterizedTest(name = "{0} {1}x{2}")
    @MethodSource("activationShapes")
    void biasActivationMatchesReference(Activation f, int rows, int cols) {
        float[] u = random(rows * cols, 4);
        float[] bias = random(cols, 5);
        float[] expectedU = u.clone();
        float[] actualU = u.clone();
        float[] expectedH = new float[rows * cols];
        float[] actualH = new float[rows * cols];
        REFERENCE.biasActivation(f, expectedU, bias, expectedH, rows, cols);
        cpu.biasActivation(f, actualU, bias, actualH, rows, cols);
        assertClose(expectedU, actualU, 0f, "U + b");
        assertClose(expectedH, actualH, 1e-7f, "H");
    }

    static Stream<Arguments> activationShapes() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (Activation f : Activation.values()) {
            for (int[] s : new int[][] {{1, 2}, {7, 3}, {13, 37}, {2, 129}}) {
                b.add(Arguments.of(f, s[0], s[1]));
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} {1}x{2}")
    @MethodSource("elementWiseActivationShapes")
    void activationBackwardMatchesReference(Activation f, int rows, int cols) {
        float[] h = new float[rows * cols];
        float[] u = random(rows * cols, 6);
        cpu.biasActivation(f, u, new float[cols], h, rows, cols);
        float[] g = random(rows * cols, 7);
        float[] expected = g.clone();
        float[] actual = g.clone();
        REFERENCE.activationBackward(f, h, expected, rows, cols);
        cpu.activationBackward(f, h, actual, rows, cols);
        assertClose(expected, actual, 1e-7f, "G . f'");
    }

    @Test
    void columnSumsMatchReference() {
        for (int[] s : new int[][] {{1, 1}, {1, 17}, {31, 3}, {257, 19}}) {
            float[] g = random(s[0] * s[1], 8);
            float[] expected = new float[s[1]];
            float[] actual = random(s[1], 9);
            REFERENCE.columnSums(g, s[0], s[1], expected);
            cpu.columnSums(g, s[0], s[1], actual);
            assertClose(expected, actual, 1e-6f * s[0], "column sums " + s[0] + "x" + s[1]);
        }
    }

    @Test
    void squaredErrorGradientMatchesReference() {
        for (Activation output : new Activation[] {Activation.LINEAR, Activation.SIGMOID}) {
            for (int[] s : new int[][] {{1, 1}, {5, 3}, {33, 2}}) {
                int rows = s[0];
                int cols = s[1];
                float[] u = random(rows * cols, 10);
                float[] y = new float[rows * cols];
                cpu.biasActivation(output, u, new float[cols], y, rows, cols);
                float[] d = random(rows * cols, 11);
                float[] expected = new float[rows * cols];
                float[] actual = new float[rows * cols];
                double expectedLoss = REFERENCE.outputGradient(Loss.SQUARED_ERROR, output, u, y, d, null, rows, cols, 0.25f, expected);
                double actualLoss = cpu.outputGradient(Loss.SQUARED_ERROR, output, u, y, d, null, rows, cols, 0.25f, actual);
                assertEquals(expectedLoss, actualLoss, 1e-12 * rows * cols);
                assertClose(expected, actual, 0f, "grad_U " + output);
            }
        }
    }

    @Test
    void softmaxCrossEntropyGradientMatchesReference() {
        for (int[] s : new int[][] {{1, 2}, {7, 3}, {61, 10}, {3, 37}}) {
            int rows = s[0];
            int cols = s[1];
            float[] u = random(rows * cols, 12);
            for (int i = 0; i < u.length; i++) {
                u[i] *= 20;   // large logits: log-sum-exp must stay finite
            }
            float[] y = new float[rows * cols];
            cpu.biasActivation(Activation.SOFTMAX, u, new float[cols], y, rows, cols);
            int[] labels = new int[rows];
            SplittableRandom r = new SplittableRandom(13);
            for (int p = 0; p < rows; p++) {
                labels[p] = r.nextInt(cols);
            }
            float[] expected = new float[rows * cols];
            float[] actual = new float[rows * cols];
            double expectedLoss = REFERENCE.outputGradient(Loss.CROSS_ENTROPY, Activation.SOFTMAX, u, y, null, labels, rows, cols, 1f / rows, expected);
            double actualLoss = cpu.outputGradient(Loss.CROSS_ENTROPY, Activation.SOFTMAX, u, y, null, labels, rows, cols, 1f / rows, actual);
            assertTrue(Double.isFinite(actualLoss));
            assertEquals(expectedLoss, actualLoss, 1e-9 * Math.abs(expectedLoss));
            assertClose(expected, actual, 0f, "grad_U softmax " + rows + "x" + cols);
        }
    }

    static void assertClose(float[] expected, float[] actual, float tolerance, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            float e = expected[i];
            float bound = tolerance * Math.max(1f, Math.abs(e));
            if (!(Math.abs(e - actual[i]) <= bound)) {
                throw new AssertionError(what + ": element " + i + " expected " + e + " but was " + actual[i]
                        + " (tolerance " + bound + ")");
            }
        }
    }
}
