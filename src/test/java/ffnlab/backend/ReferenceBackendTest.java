package ffnlab.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ffnlab.data.Examples;
import ffnlab.nn.Activation;
import ffnlab.nn.Architecture;
import ffnlab.nn.Backpropagation;
import ffnlab.nn.Initialiser;
import ffnlab.nn.Loss;
import ffnlab.nn.Parameters;
import ffnlab.nn.Reduction;
import ffnlab.nn.optim.Optimiser;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The float reference engine's one GD step equals the double-precision chapter math's, to float rounding. */
class ReferenceBackendTest {

    @ParameterizedTest
    @CsvSource({"relu, linear, sum", "sigmoid, sigmoid, mean", "tanh, softmax, mean", "relu, softmax, sum"})
    void oneStepEqualsTheDoubleMath(String hidden, String output, String reduction) {
        Activation out = Activation.parse(output);
        Architecture arch = Architecture.of(Activation.parse(hidden), out, 4, 7, 5, 3);
        Loss loss = Loss.naturalFor(out);
        Reduction red = Reduction.parse(reduction);
        SplittableRandom r = new SplittableRandom(5);
        int rows = 9;
        float[] x = new float[rows * 4];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextDouble(-1, 1);
        }
        double[][] d = new double[rows][3];
        Examples data;
        if (out == Activation.SOFTMAX) {
            int[] labels = new int[rows];
            for (int p = 0; p < rows; p++) {
                labels[p] = r.nextInt(3);
                d[p][labels[p]] = 1;
            }
            data = Examples.classification(rows, 4, x, 3, labels);
        } else {
            float[] t = new float[rows * 3];
            for (int i = 0; i < t.length; i++) {
                t[i] = (float) r.nextDouble(0, 1);
                d[i / 3][i % 3] = t[i];
            }
            data = Examples.regression(rows, 4, x, 3, t);
        }
        Parameters initial = new Initialiser.PyTorchDefault().create(arch, 3);
        double alpha = 0.1;
        EngineSpec spec = new EngineSpec(arch, initial, loss, red, new Optimiser.Sgd(alpha), 1);
        Parameters after;
        try (TrainingEngine engine = new ReferenceBackend().open(spec, data)) {
            int[] order = {0, 1, 2, 3, 4, 5, 6, 7, 8};
            engine.trainEpoch(order, rows);
            after = engine.parameters();
        }
        Backpropagation bp = new Backpropagation(arch, loss, red);
        List<double[][]> w = Backpropagation.weightsOf(initial);
        List<double[]> b = Backpropagation.biasesOf(initial);
        double[][] xs = ffnlab.nn.Matrices.toDouble(x, rows, 4);
        Backpropagation.descend(w, b, bp.backward(w, bp.forward(w, b, xs), d), alpha);
        for (int l = 1; l <= arch.depth(); l++) {
            double[][] wl = w.get(l - 1);
            for (int i = 0; i < wl.length; i++) {
                for (int j = 0; j < wl[i].length; j++) {
                    assertEquals(wl[i][j], after.weight(l, i, j), 2e-6, "W^" + l + "[" + i + "][" + j + "]");
                }
            }
            for (int j = 0; j < b.get(l - 1).length; j++) {
                assertEquals(b.get(l - 1)[j], after.biases(l)[j], 2e-6, "b^" + l + "[" + j + "]");
            }
        }
    }
}
