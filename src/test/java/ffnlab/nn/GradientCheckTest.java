package ffnlab.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Analytic gradients (the chapter's backpropagation, in double) against central differences of J, for every
 * hidden activation x output x loss that output accepts (softmax: cross-entropy and the double softmax), both
 * reductions, depths 1 to 5 with odd widths.
 * Relative error ||a - n|| / (||a|| + ||n||) must stay below 1e-6.
 */
class GradientCheckTest {
    private static final int[] ODD_WIDTHS = {3, 5, 7, 3, 5, 1};

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        Activation[] hidden = {Activation.SIGMOID, Activation.TANH, Activation.RELU};
        Activation[] outputs = {Activation.LINEAR, Activation.SIGMOID, Activation.SOFTMAX};
        for (Activation h : hidden) {
            for (Activation o : outputs) {
                for (Loss loss : Loss.values()) {
                    for (int depth = 1; loss.accepts(o) && depth <= 5; depth++) {
                        for (Reduction r : Reduction.values()) {
                            all.add(Arguments.of(h, o, loss, depth, r));
                        }
                    }
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} hidden, {1} output, {2}, depth {3}, {4}")
    @MethodSource("cases")
    void backpropagationEqualsFiniteDifferences(Activation hidden, Activation output, Loss loss, int depth, Reduction reduction) {
        int[] widths = new int[depth + 1];
        widths[0] = 5;
        for (int l = 1; l < depth; l++) {
            widths[l] = ODD_WIDTHS[l - 1];
        }
        widths[depth] = output == Activation.SOFTMAX ? 3 : (depth % 2 == 0 ? 1 : 3);
        Architecture arch = new Architecture(widths, hidden, output);
        Backpropagation bp = new Backpropagation(arch, loss, reduction);
        SplittableRandom random = new SplittableRandom(31L * depth + hidden.ordinal() * 7L + output.ordinal()
                + (loss == Loss.naturalFor(output) ? 0 : 1000L));
        int patterns = 7;
        double[][] x = randomMatrix(random, patterns, widths[0], 1.0);
        double[][] d = targets(random, patterns, widths[depth], output);
        List<double[][]> w = new ArrayList<>();
        List<double[]> b = new ArrayList<>();
        for (int l = 1; l <= depth; l++) {
            w.add(randomMatrix(random, widths[l - 1], widths[l], 0.8));
            b.add(randomMatrix(random, 1, widths[l], 0.3)[0]);
        }
        Backpropagation.Gradients g = bp.backward(w, bp.forward(w, b, x), d);

        double diff = 0;
        double analyticNorm = 0;
        double numericNorm = 0;
        double h = 1e-6;
        for (int l = 0; l < depth; l++) {
            double[][] wl = w.get(l);
            for (int i = 0; i < wl.length; i++) {
                for (int j = 0; j < wl[i].length; j++) {
                    double keep = wl[i][j];
                    wl[i][j] = keep + h;
                    double plus = bp.cost(bp.forward(w, b, x), d);
                    wl[i][j] = keep - h;
                    double minus = bp.cost(bp.forward(w, b, x), d);
                    wl[i][j] = keep;
                    double numeric = (plus - minus) / (2 * h);
                    double analytic = g.gradW(l + 1)[i][j];
                    diff += sq(analytic - numeric);
                    analyticNorm += sq(analytic);
                    numericNorm += sq(numeric);
                }
            }
            double[] bl = b.get(l);
            for (int j = 0; j < bl.length; j++) {
                double keep = bl[j];
                bl[j] = keep + h;
                double plus = bp.cost(bp.forward(w, b, x), d);
                bl[j] = keep - h;
                double minus = bp.cost(bp.forward(w, b, x), d);
                bl[j] = keep;
                double numeric = (plus - minus) / (2 * h);
                double analytic = g.gradB(l + 1)[j];
                diff += sq(analytic - numeric);
                analyticNorm += sq(analytic);
                numericNorm += sq(numeric);
            }
        }
        double relative = Math.sqrt(diff) / (Math.sqrt(analyticNorm) + Math.sqrt(numericNorm));
        assertTrue(analyticNorm > 0, "gradient should not vanish entirely");
        assertTrue(relative < 1e-6, "relative error " + relative + " for " + arch + " " + loss.key() + " " + reduction.key());
    }

    private static double[][] targets(SplittableRandom random, int rows, int cols, Activation output) {
        double[][] d = new double[rows][cols];
        for (int p = 0; p < rows; p++) {
            if (output == Activation.SOFTMAX) {
                d[p][random.nextInt(cols)] = 1.0;
            } else {
                for (int k = 0; k < cols; k++) {
                    d[p][k] = output == Activation.SIGMOID ? random.nextDouble() : random.nextDouble(-2, 2);
                }
            }
        }
        return d;
    }

    private static double[][] randomMatrix(SplittableRandom random, int rows, int cols, double scale) {
        double[][] m = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m[i][j] = random.nextDouble(-scale, scale);
            }
        }
        return m;
    }

    private static double sq(double v) {
        return v * v;
    }
}
