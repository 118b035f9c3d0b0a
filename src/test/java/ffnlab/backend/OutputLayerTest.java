package ffnlab.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.nn.Activation;
import ffnlab.nn.Architecture;
import ffnlab.nn.Backpropagation;
import ffnlab.nn.Initialiser;
import ffnlab.nn.Loss;
import ffnlab.nn.Matrices;
import ffnlab.nn.Parameters;
import ffnlab.nn.Reduction;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The host's output-layer loss and gradient against the double-precision chapter math. */
class OutputLayerTest {

    @ParameterizedTest
    @CsvSource({"linear, sum, squared_error", "sigmoid, mean, squared_error", "softmax, mean, cross_entropy",
            "softmax, sum, cross_entropy", "softmax, mean, double_softmax_cross_entropy", "softmax, sum, double_softmax_cross_entropy"})
    void gradientAndLossEqualTheDoubleMath(String output, String reduction, String lossName) {
        Activation out = Activation.parse(output);
        Architecture arch = Architecture.of(Activation.TANH, out, 3, 4);
        Loss loss = Loss.parse(lossName);
        Reduction red = Reduction.parse(reduction);
        int rows = 6;
        int k = 4;
        SplittableRandom r = new SplittableRandom(11);
        float[] x = new float[rows * 3];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextDouble(-2, 2);
        }
        double[][] d = new double[rows][k];
        float[] targets = new float[rows * k];
        int[] labels = new int[rows];
        for (int p = 0; p < rows; p++) {
            labels[p] = r.nextInt(k);
            for (int j = 0; j < k; j++) {
                targets[p * k + j] = (float) r.nextDouble();
                d[p][j] = out == Activation.SOFTMAX ? (j == labels[p] ? 1 : 0) : targets[p * k + j];
            }
        }
        Parameters theta = new Initialiser.PyTorchDefault().create(arch, 2);
        Backpropagation bp = new Backpropagation(arch, loss, red);
        List<double[][]> w = Backpropagation.weightsOf(theta);
        Backpropagation.Forward f = bp.forward(w, Backpropagation.biasesOf(theta), Matrices.toDouble(x, rows, 3));
        float[] u = toFloat(f.u(1));
        float[] y = toFloat(f.y());
        float[] gradU = new float[rows * k];
        float scale = (float) red.gradientScale(loss, rows, k);
        double raw = OutputLayer.gradient(loss, out, u, y, out == Activation.SOFTMAX ? null : targets,
                out == Activation.SOFTMAX ? labels : null, rows, k, scale, gradU);
        assertEquals(bp.cost(f, d), red.reduce(loss, raw, rows, k), 1e-5 * Math.abs(bp.cost(f, d)), "J");
        double[][] expected = bp.backward(w, f, d).gradU(1);
        for (int p = 0; p < rows; p++) {
            for (int j = 0; j < k; j++) {
                assertEquals(expected[p][j], gradU[p * k + j], 1e-6, "grad_U J[" + p + "][" + j + "]");
            }
        }
    }

    @Test
    void softmaxAddsTheBiasAndNormalisesEachRow() {
        float[] u = {1f, 2f, 3f, 500f, 500f, -500f};
        float[] bias = {0.5f, -0.5f, 0f};
        float[] y = new float[6];
        OutputLayer.softmax(u, bias, y, 2, 3);
        assertEquals(1.5f, u[0], "U += 1_P b^T");
        double sum = Math.exp(1.5) + Math.exp(1.5) + Math.exp(3);
        assertEquals(Math.exp(1.5) / sum, y[0], 1e-7);
        assertEquals(Math.exp(3) / sum, y[2], 1e-7);
        assertEquals(1 / (1 + Math.exp(-1)), y[3], 1e-7, "max-shifted, so large U stays finite");
        assertEquals(0f, y[5]);
    }

    @Test
    void crossEntropyStaysFiniteForLargeInputs() {
        float[] u = {1000f, 0f, -1000f, 7f, 1000f, 1000f};
        assertEquals(0.0, OutputLayer.crossEntropy(u, 0, 3, 0), 1e-12);
        assertEquals(1000.0, OutputLayer.crossEntropy(u, 0, 3, 1), 1e-9);
        double twoWay = OutputLayer.crossEntropy(u, 3, 3, 1);
        assertTrue(Double.isFinite(twoWay));
        assertEquals(Math.log(2), twoWay, 1e-9, "two equal maxima share the probability");
    }

    private static float[] toFloat(double[][] a) {
        float[] f = new float[a.length * a[0].length];
        for (int p = 0; p < a.length; p++) {
            for (int j = 0; j < a[p].length; j++) {
                f[p * a[p].length + j] = (float) a[p][j];
            }
        }
        return f;
    }
}
