package ffnlab.backend;

import ffnlab.data.Examples;
import ffnlab.nn.Architecture;
import ffnlab.nn.Parameters;
import ffnlab.nn.optim.OptimiserState;

/**
 * The chapter's mini-batch loop on the host, one {@link Backend} operation at a time:
 * gather a batch, forward (U^l = H^{l-1} W^l + B^l, H^l = f^l(U^l)), output gradient, backward
 * (equation (D)), weight gradients, optimiser step. All workspaces are allocated once, for the largest
 * batch, so a steady-state step allocates nothing.
 */
final class HostTrainingEngine implements TrainingEngine {
    private static final int EVALUATION_CHUNK = 1024;

    private final Backend backend;
    private final EngineSpec spec;
    private final Architecture arch;
    private final Examples train;
    private final Parameters theta;
    private final Parameters grad;
    private final OptimiserState optimiser;
    private BatchWorkspace workspace;

    HostTrainingEngine(Backend backend, EngineSpec spec, Examples train) {
        this.backend = backend;
        this.spec = spec;
        this.arch = spec.architecture();
        if (train.features() != arch.inputs() || train.outputs() != arch.outputs()) {
            throw new IllegalArgumentException("data has " + train.features() + " inputs and " + train.outputs()
                    + " outputs, the network " + arch);
        }
        this.train = train;
        this.theta = spec.initial().copy();
        this.grad = new Parameters(arch);
        this.optimiser = spec.optimiser().newState(arch);
    }

    private BatchWorkspace workspace(int rows) {
        if (workspace == null || workspace.capacity < rows) {
            workspace = new BatchWorkspace(arch, rows);
        }
        return workspace;
    }

    @Override
    public double trainEpoch(int[] order, int batchSize) {
        int total = order.length;
        int b = Math.min(Math.max(batchSize, 1), total);
        BatchWorkspace ws = workspace(b);
        double raw = 0;
        for (int start = 0; start < total; start += b) {
            int rows = Math.min(b, total - start);
            ws.gather(train, order, start, rows);
            forward(ws, rows);
            raw += backward(ws, rows);
            optimiser.step(theta, grad);
        }
        return raw;
    }

    /** U^l = H^{l-1} W^l + B^l, H^l = f^l(U^l), l = 1..L. */
    private void forward(BatchWorkspace ws, int rows) {
        for (int l = 1; l <= arch.depth(); l++) {
            int in = arch.width(l - 1);
            int out = arch.width(l);
            backend.gemm(false, false, rows, out, in, 1f, ws.h[l - 1], theta.weights(l), 0f, ws.u[l]);
            backend.biasActivation(arch.activation(l), ws.u[l], theta.biases(l), ws.h[l], rows, out);
        }
    }

    /** grad_{U^L} J, then (D) down to layer 1, with grad_W and grad_b of every layer. Returns the raw loss. */
    private double backward(BatchWorkspace ws, int rows) {
        int depth = arch.depth();
        int k = arch.outputs();
        float scale = (float) spec.reduction().gradientScale(spec.loss(), rows, k);
        double raw = backend.outputGradient(spec.loss(), arch.output(), ws.u[depth], ws.h[depth],
                train.isClassification() ? null : ws.d, train.isClassification() ? ws.labels : null,
                rows, k, scale, ws.gradU[depth]);
        for (int l = depth; l >= 1; l--) {
            int in = arch.width(l - 1);
            int out = arch.width(l);
            // grad_{W^l} J = (H^{l-1})^T grad_{U^l} J ; grad_{b^l} J = (grad_{U^l} J)^T 1_P
            backend.gemm(true, false, in, out, rows, 1f, ws.h[l - 1], ws.gradU[l], 0f, grad.weights(l));
            backend.columnSums(ws.gradU[l], rows, out, grad.biases(l));
            if (l > 1) {
                // grad_{U^{l-1}} J = (grad_{U^l} J) (W^l)^T . f^{l-1}'(U^{l-1})
                backend.gemm(false, true, rows, in, out, 1f, ws.gradU[l], theta.weights(l), 0f, ws.gradU[l - 1]);
                backend.activationBackward(arch.activation(l - 1), ws.h[l - 1], ws.gradU[l - 1], rows, in);
            }
        }
        return raw;
    }

    @Override
    public Evaluation evaluate(Examples data) {
        int chunk = Math.min(EVALUATION_CHUNK, Math.max(data.rows(), 1));
        BatchWorkspace ws = workspace(chunk);
        int n = arch.inputs();
        Evaluation.Sum sum = new Evaluation.Sum(data);
        for (int start = 0; start < data.rows(); start += chunk) {
            int rows = Math.min(chunk, data.rows() - start);
            System.arraycopy(data.x(), start * n, ws.x, 0, rows * n);
            forward(ws, rows);
            sum.add(ws.u[arch.depth()], ws.h[arch.depth()], start, rows);
        }
        return sum.total();
    }

    @Override
    public float[] predict(float[] x, int rows) {
        int chunk = Math.min(EVALUATION_CHUNK, Math.max(rows, 1));
        BatchWorkspace ws = workspace(chunk);
        int n = arch.inputs();
        int k = arch.outputs();
        float[] out = new float[rows * k];
        for (int start = 0; start < rows; start += chunk) {
            int r = Math.min(chunk, rows - start);
            System.arraycopy(x, start * n, ws.x, 0, r * n);
            forward(ws, r);
            System.arraycopy(ws.h[arch.depth()], 0, out, start * k, r * k);
        }
        return out;
    }

    @Override
    public Parameters parameters() {
        return theta.copy();
    }

    @Override
    public String device() {
        return backend.name() + ", " + spec.threads() + (spec.threads() == 1 ? " thread" : " threads");
    }

    @Override
    public void close() {
        workspace = null;
    }
}
