package ffnlab.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.backend.BatchWorkspace;
import ffnlab.backend.OutputLayer;
import ffnlab.nn.Activation;
import ffnlab.nn.Architecture;
import ffnlab.nn.Backpropagation;
import ffnlab.nn.Initialiser;
import ffnlab.nn.Loss;
import ffnlab.nn.Parameters;
import ffnlab.nn.Reduction;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * One step of the cpu engine's layer operations ({@link ForwardPass}, the output layer, {@link BackwardPass} a layer
 * at a time) on a [20, 300, 40, 5] tanh/softmax network whose layer 2 splits into several blocks of rows of W^2:
 * the gradients against {@link Backpropagation} in double precision, and bitwise equal on teams of 1, 2 and 3
 * threads, both left in grad (momentum, Adam) and fused into the SGD step.
 */
class BackwardPassTest {
    private static final Architecture ARCH = Architecture.of(Activation.TANH, Activation.SOFTMAX, 20, 300, 40, 5);
    private static final int ROWS = 32;
    private static final float ALPHA = 0.25f;

    private final Parameters initial = new Initialiser.PyTorchDefault().create(ARCH, 3);
    private final float[] x = new float[ROWS * ARCH.inputs()];
    private final int[] labels = new int[ROWS];

    BackwardPassTest() {
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (2 * r.nextDouble() - 1);
        }
        for (int p = 0; p < ROWS; p++) {
            labels[p] = r.nextInt(ARCH.outputs());
        }
    }

    /** theta after one step (fused SGD when alpha is a number) and grad (the gradients when alpha is NaN). */
    private record Step(Parameters theta, Parameters grad, float[] gradU1) {
    }

    private Step step(int threads, float alpha) {
        Parameters theta = initial.copy();
        Parameters grad = new Parameters(ARCH);
        BatchWorkspace ws = new BatchWorkspace(ARCH, ROWS);
        System.arraycopy(x, 0, ws.x, 0, x.length);
        System.arraycopy(labels, 0, ws.labels, 0, ROWS);
        try (WorkerTeam team = new WorkerTeam(threads, "backward-pass-test")) {
            ForwardPass forward = new ForwardPass(ARCH, team);
            BackwardPass backward = new BackwardPass(ARCH, team, alpha);
            for (int l = 1; l <= ARCH.depth(); l++) {
                forward.layer(theta, ws, l, ROWS);
            }
            int depth = ARCH.depth();
            OutputLayer.gradient(Loss.CROSS_ENTROPY, ARCH.output(), ws.u[depth], ws.h[depth], null, ws.labels, ROWS,
                    ARCH.outputs(), (float) Reduction.MEAN.gradientScale(Loss.CROSS_ENTROPY, ROWS, ARCH.outputs()),
                    ws.gradU[depth]);
            for (int l = depth; l >= 1; l--) {
                backward.layer(theta, grad, ws, l, ROWS);
            }
            assertTrue(backward.prepare(theta, grad, ws, 2, ROWS) > 2, "layer 2 splits into several row blocks");
        }
        return new Step(theta, grad, ws.gradU[1].clone());
    }

    private Backpropagation.Gradients oracle() {
        Backpropagation bp = new Backpropagation(ARCH, Loss.CROSS_ENTROPY, Reduction.MEAN);
        double[][] input = new double[ROWS][ARCH.inputs()];
        double[][] d = new double[ROWS][ARCH.outputs()];
        for (int p = 0; p < ROWS; p++) {
            for (int j = 0; j < ARCH.inputs(); j++) {
                input[p][j] = x[p * ARCH.inputs() + j];
            }
            d[p][labels[p]] = 1;
        }
        List<double[][]> w = Backpropagation.weightsOf(initial);
        return bp.backward(w, bp.forward(w, Backpropagation.biasesOf(initial), input), d);
    }

    private static void assertClose(double expected, double actual, double scale, String what) {
        assertTrue(Math.abs(expected - actual) <= 1e-5 * scale + 1e-7,
                what + ": expected " + expected + ", got " + actual + " (scale " + scale + ")");
    }

    private static double maxAbs(double[][] a) {
        double m = 0;
        for (double[] row : a) {
            for (double v : row) {
                m = Math.max(m, Math.abs(v));
            }
        }
        return m;
    }

    @Test
    void gradientsMatchDoublePrecisionBackpropagation() {
        Step step = step(2, Float.NaN);
        Backpropagation.Gradients g = oracle();
        for (int l = 1; l <= ARCH.depth(); l++) {
            double[][] gw = g.gradW(l);
            double scale = maxAbs(gw);
            int out = ARCH.width(l);
            for (int i = 0; i < ARCH.width(l - 1); i++) {
                for (int j = 0; j < out; j++) {
                    assertClose(gw[i][j], step.grad.weights(l)[i * out + j], scale, "grad W^" + l + "[" + i + "][" + j + "]");
                }
            }
            double[] gb = g.gradB(l);
            double bScale = maxAbs(new double[][] {gb});
            for (int j = 0; j < out; j++) {
                assertClose(gb[j], step.grad.biases(l)[j], bScale, "grad b^" + l + "[" + j + "]");
            }
        }
        double[][] gu = g.gradU(1);
        double uScale = maxAbs(gu);
        for (int p = 0; p < ROWS; p++) {
            for (int j = 0; j < ARCH.width(1); j++) {
                assertClose(gu[p][j], step.gradU1[p * ARCH.width(1) + j], uScale, "grad U^1[" + p + "][" + j + "]");
            }
        }
    }

    @Test
    void fusedStepIsThetaMinusAlphaTimesTheGradient() {
        Step fused = step(3, ALPHA);
        Backpropagation.Gradients g = oracle();
        for (int l = 1; l <= ARCH.depth(); l++) {
            int out = ARCH.width(l);
            double scale = ALPHA * maxAbs(g.gradW(l));
            for (int i = 0; i < ARCH.width(l - 1); i++) {
                for (int j = 0; j < out; j++) {
                    double expected = initial.weights(l)[i * out + j] - ALPHA * g.gradW(l)[i][j];
                    assertClose(expected, fused.theta.weights(l)[i * out + j], scale, "W^" + l + "[" + i + "][" + j + "]");
                }
            }
            double bScale = ALPHA * maxAbs(new double[][] {g.gradB(l)});
            for (int j = 0; j < out; j++) {
                double expected = initial.biases(l)[j] - ALPHA * g.gradB(l)[j];
                assertClose(expected, fused.theta.biases(l)[j], bScale, "b^" + l + "[" + j + "]");
            }
        }
    }

    @Test
    void gradientsAndFusedStepAreBitwiseEqualOnOneTwoAndThreeThreads() {
        Step gradOne = step(1, Float.NaN);
        Step fusedOne = step(1, ALPHA);
        for (int threads = 2; threads <= 3; threads++) {
            Step grads = step(threads, Float.NaN);
            assertTrue(gradOne.grad.bitwiseEquals(grads.grad), "gradients on " + threads + " threads");
            assertArrayEquals(gradOne.gradU1, grads.gradU1, "grad U^1 on " + threads + " threads");
            Step fused = step(threads, ALPHA);
            assertTrue(fusedOne.theta.bitwiseEquals(fused.theta), "fused SGD step on " + threads + " threads");
        }
    }
}
