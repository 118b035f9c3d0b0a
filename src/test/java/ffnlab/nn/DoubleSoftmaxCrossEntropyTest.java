package ffnlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The chapter's printed Example 5 loss (nn.Softmax, then CrossEntropyLoss) on a one-layer network U = X W + b,
 * against J(u) = -log softmax(softmax(u))_k written out in this test, and the saturation that makes it learn slowly.
 */
class DoubleSoftmaxCrossEntropyTest {
    private static final Architecture ONE_LAYER = Architecture.of(Activation.RELU, Activation.SOFTMAX, 2, 3);
    private static final List<double[][]> W = List.<double[][]>of(new double[][] {{0.7, -1.2, 0.4}, {0.3, 0.9, -0.8}});
    private static final List<double[]> B = List.of(new double[] {0.1, -0.2, 0.05});

    /** -log softmax(softmax(u))_label in double, with no code from ffnlab. */
    private static double printedLoss(double[] u, int label) {
        double[] y = softmax(u);
        double[] z = softmax(y);
        return -Math.log(z[label]);
    }

    private static double[] softmax(double[] v) {
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            max = Math.max(max, x);
        }
        double sum = 0;
        double[] e = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            e[j] = Math.exp(v[j] - max);
            sum += e[j];
        }
        for (int j = 0; j < v.length; j++) {
            e[j] /= sum;
        }
        return e;
    }

    @Test
    void costAndOutputGradientEqualTheWrittenOutLossAndItsFiniteDifferences() {
        double[][] x = {{1.5, -0.5}, {-2.0, 0.25}, {0.3, 3.0}};
        int[] labels = {2, 0, 1};
        double[][] k = new double[3][3];
        for (int p = 0; p < 3; p++) {
            k[p][labels[p]] = 1;
        }
        for (Reduction reduction : Reduction.values()) {
            Backpropagation bp = new Backpropagation(ONE_LAYER, Loss.DOUBLE_SOFTMAX_CROSS_ENTROPY, reduction);
            Backpropagation.Forward f = bp.forward(W, B, x);
            double[][] gradU = bp.backward(W, f, k).gradU(1);
            double perPattern = reduction == Reduction.MEAN ? 1.0 / 3 : 1.0;
            double expectedJ = 0;
            for (int p = 0; p < 3; p++) {
                double[] u = f.u(1)[p].clone();
                expectedJ += perPattern * printedLoss(u, labels[p]);
                for (int j = 0; j < 3; j++) {
                    double keep = u[j];
                    double h = 1e-6;
                    u[j] = keep + h;
                    double plus = printedLoss(u, labels[p]);
                    u[j] = keep - h;
                    double minus = printedLoss(u, labels[p]);
                    u[j] = keep;
                    assertEquals(perPattern * (plus - minus) / (2 * h), gradU[p][j], 1e-9,
                            reduction.key() + " grad_U J[" + p + "][" + j + "]");
                }
            }
            assertEquals(expectedJ, bp.cost(f, k), 1e-12, reduction.key() + " J");
        }
    }

    @Test
    void aConfidentlyWrongPatternHasAVanishingGradientUnlikeTheChaptersCrossEntropy() {
        // W = 0, b = (0, 50, 0): every pattern gets y = f(u) ~ (0, 1, 0), its label is 0.
        List<double[][]> w = List.<double[][]>of(new double[2][3]);
        List<double[]> b = List.of(new double[] {0, 50, 0});
        double[][] x = {{1, 1}};
        double[][] k = {{1, 0, 0}};
        Backpropagation printed = new Backpropagation(ONE_LAYER, Loss.DOUBLE_SOFTMAX_CROSS_ENTROPY, Reduction.SUM);
        Backpropagation chapter = new Backpropagation(ONE_LAYER, Loss.CROSS_ENTROPY, Reduction.SUM);
        Backpropagation.Forward f = printed.forward(w, b, x);
        double[] single = chapter.backward(w, f, k).gradU(1)[0];
        double[] twice = printed.backward(w, f, k).gradU(1)[0];
        // -(K - f(U)) = (-1, 1, 0); the double softmax multiplies by y . (...), about e^-50 here.
        assertEquals(-1, single[0], 1e-12);
        assertEquals(1, single[1], 1e-12);
        for (double g : twice) {
            assertTrue(Math.abs(g) < 1e-20, "double-softmax gradient " + g);
        }
        // J = -log(1 / (2 + e)): bounded, where the chapter's cross-entropy is 50.
        assertEquals(Math.log(2 + Math.E), printed.cost(f, k), 1e-12);
        assertEquals(50, chapter.cost(f, k), 1e-12);
    }

    @Test
    void itNeedsASoftmaxOutputAndTrainsOnLabels() {
        assertTrue(Loss.DOUBLE_SOFTMAX_CROSS_ENTROPY.accepts(Activation.SOFTMAX));
        assertTrue(!Loss.DOUBLE_SOFTMAX_CROSS_ENTROPY.accepts(Activation.LINEAR));
        assertTrue(Loss.DOUBLE_SOFTMAX_CROSS_ENTROPY.isClassification());
        assertTrue(!Loss.SQUARED_ERROR.isClassification());
        assertEquals(Loss.DOUBLE_SOFTMAX_CROSS_ENTROPY, Loss.parse("double_softmax_cross_entropy"));
        assertEquals(Loss.CROSS_ENTROPY, Loss.naturalFor(Activation.SOFTMAX), "the chapter's math stays the default");
    }
}
