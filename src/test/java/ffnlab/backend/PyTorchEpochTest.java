package ffnlab.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ffnlab.backend.cpu.CpuBackend;
import ffnlab.data.Examples;
import ffnlab.nn.Activation;
import ffnlab.nn.Architecture;
import ffnlab.nn.Initialiser;
import ffnlab.nn.Loss;
import ffnlab.nn.Parameters;
import ffnlab.nn.Reduction;
import ffnlab.nn.optim.Optimiser;
import ffnlab.train.TrainingConfig;
import ffnlab.train.TrainingLoop;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One epoch of Example 5's training as PyTorch runs it (a ReLU network, softmax outputs, CrossEntropyLoss with mean
 * reduction, plain SGD, batches of B in the epoch's order, the last one shorter and averaged over its own rows),
 * written out in double in this test with no code from ffnlab's math, against ffnlab's engines from the same initial
 * parameters and order.
 */
class PyTorchEpochTest {
    private static final int[] WIDTHS = {3, 4, 3};
    private static final int PATTERNS = 7;
    private static final int BATCH = 3;
    private static final double ALPHA = 0.3;
    private static final long SEED = 9;

    @ParameterizedTest
    @ValueSource(strings = {"reference", "cpu"})
    void anEpochOfMeanCrossEntropySgdEqualsPyTorchsArithmetic(String engine) {
        SplittableRandom r = new SplittableRandom(5);
        float[] x = new float[PATTERNS * WIDTHS[0]];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextDouble();
        }
        int[] labels = new int[PATTERNS];
        for (int p = 0; p < PATTERNS; p++) {
            labels[p] = r.nextInt(WIDTHS[2]);
        }
        Examples train = Examples.classification(PATTERNS, WIDTHS[0], x, WIDTHS[2], labels);
        TrainingConfig config = new TrainingConfig(Architecture.of(Activation.RELU, Activation.SOFTMAX, WIDTHS),
                new Initialiser.PyTorchDefault(), Loss.CROSS_ENTROPY, Reduction.MEAN, new Optimiser.Sgd(ALPHA), BATCH, 1, SEED, 0);
        Backend backend = engine.equals("cpu") ? new CpuBackend(2) : new ReferenceBackend();
        TrainingLoop loop = new TrainingLoop(config, backend, engine.equals("cpu") ? 2 : 1);
        Parameters initial = loop.initialParameters();
        Parameters trained = loop.run(train, null, null).parameters();

        double[][] w1 = matrix(initial.weights(1), WIDTHS[0], WIDTHS[1]);
        double[] b1 = vector(initial.biases(1));
        double[][] w2 = matrix(initial.weights(2), WIDTHS[1], WIDTHS[2]);
        double[] b2 = vector(initial.biases(2));
        int[] order = epochOrder();
        for (int start = 0; start < PATTERNS; start += BATCH) {
            int rows = Math.min(BATCH, PATTERNS - start);
            double[][] gw1 = new double[WIDTHS[0]][WIDTHS[1]];
            double[] gb1 = new double[WIDTHS[1]];
            double[][] gw2 = new double[WIDTHS[1]][WIDTHS[2]];
            double[] gb2 = new double[WIDTHS[2]];
            for (int i = 0; i < rows; i++) {
                int p = order[start + i];
                double[] in = new double[WIDTHS[0]];
                for (int j = 0; j < in.length; j++) {
                    in[j] = x[p * WIDTHS[0] + j];
                }
                double[] h = new double[WIDTHS[1]];
                for (int j = 0; j < h.length; j++) {
                    double u = b1[j];
                    for (int t = 0; t < in.length; t++) {
                        u += in[t] * w1[t][j];
                    }
                    h[j] = Math.max(0, u);
                }
                double[] logits = new double[WIDTHS[2]];
                double sum = 0;
                for (int k = 0; k < logits.length; k++) {
                    logits[k] = b2[k];
                    for (int j = 0; j < h.length; j++) {
                        logits[k] += h[j] * w2[j][k];
                    }
                }
                for (double v : logits) {
                    sum += Math.exp(v);
                }
                // d(mean over the batch of -log softmax(logits)_label)/d logits = (softmax - onehot) / rows
                double[] gradLogits = new double[WIDTHS[2]];
                for (int k = 0; k < gradLogits.length; k++) {
                    gradLogits[k] = (Math.exp(logits[k]) / sum - (k == labels[p] ? 1 : 0)) / rows;
                    gb2[k] += gradLogits[k];
                    for (int j = 0; j < h.length; j++) {
                        gw2[j][k] += h[j] * gradLogits[k];
                    }
                }
                for (int j = 0; j < h.length; j++) {
                    double gradH = 0;
                    for (int k = 0; k < gradLogits.length; k++) {
                        gradH += w2[j][k] * gradLogits[k];
                    }
                    double gradPre = h[j] > 0 ? gradH : 0;
                    gb1[j] += gradPre;
                    for (int t = 0; t < in.length; t++) {
                        gw1[t][j] += in[t] * gradPre;
                    }
                }
            }
            step(w1, gw1);
            step(w2, gw2);
            step(new double[][] {b1}, new double[][] {gb1});
            step(new double[][] {b2}, new double[][] {gb2});
        }
        assertClose(w1, trained.weights(1), "W^1");
        assertClose(new double[][] {b1}, trained.biases(1), "b^1");
        assertClose(w2, trained.weights(2), "W^2");
        assertClose(new double[][] {b2}, trained.biases(2), "b^2");
    }

    /** The order TrainingLoop's documented randomness gives the first epoch: the seed's second split shuffles. */
    private static int[] epochOrder() {
        SplittableRandom root = new SplittableRandom(SEED);
        root.split();
        int[] order = new int[PATTERNS];
        for (int i = 0; i < PATTERNS; i++) {
            order[i] = i;
        }
        TrainingLoop.shuffle(order, root.split());
        return order;
    }

    private static void step(double[][] theta, double[][] grad) {
        for (int i = 0; i < theta.length; i++) {
            for (int j = 0; j < theta[i].length; j++) {
                theta[i][j] -= ALPHA * grad[i][j];
            }
        }
    }

    private static double[][] matrix(float[] values, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m[i][j] = values[i * cols + j];
            }
        }
        return m;
    }

    private static double[] vector(float[] values) {
        double[] v = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            v[i] = values[i];
        }
        return v;
    }

    private static void assertClose(double[][] expected, float[] actual, String what) {
        int cols = expected[0].length;
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < cols; j++) {
                assertEquals(expected[i][j], actual[i * cols + j], 1e-5, what + "[" + i + "][" + j + "]");
            }
        }
    }
}
