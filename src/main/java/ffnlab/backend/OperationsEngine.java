package ffnlab.backend;

import ffnlab.data.Examples;
import ffnlab.nn.optim.OptimiserState;

/**
 * The default engine of a {@link Backend}: the chapter's forward and backward passes, one backend operation
 * at a time, then the optimiser's step from {@code ffnlab.nn.optim}. The reference backend trains this way.
 */
final class OperationsEngine extends HostTrainingEngine {
    private final Backend backend;
    private final OptimiserState optimiser;

    OperationsEngine(Backend backend, EngineSpec spec, Examples train) {
        super(spec, train);
        this.backend = backend;
        this.optimiser = spec.optimiser().newState(arch);
    }

    /** U^l = H^{l-1} W^l + B^l, H^l = f^l(U^l), l = 1..L. */
    @Override
    protected void forward(BatchWorkspace ws, int rows) {
        for (int l = 1; l <= arch.depth(); l++) {
            int in = arch.width(l - 1);
            int out = arch.width(l);
            backend.gemm(false, false, rows, out, in, 1f, ws.h[l - 1], theta.weights(l), 0f, ws.u[l]);
            backend.biasActivation(arch.activation(l), ws.u[l], theta.biases(l), ws.h[l], rows, out);
        }
    }

    /** grad_{U^L} J, then (D) down to layer 1 with grad_W and grad_b of every layer, then the optimiser's step. */
    @Override
    protected double update(BatchWorkspace ws, int rows) {
        int depth = arch.depth();
        boolean classification = train.isClassification();
        double raw = backend.outputGradient(spec.loss(), arch.output(), ws.u[depth], ws.h[depth],
                classification ? null : ws.d, classification ? ws.labels : null,
                rows, arch.outputs(), gradientScale(rows), ws.gradU[depth]);
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
        optimiser.step(theta, grad);
        return raw;
    }

    @Override
    public String device() {
        return withThreads(backend.name());
    }
}
