package ffnlab.backend;

import ffnlab.data.Examples;
import ffnlab.nn.optim.OptimiserState;

/**
 * The default engine of a {@link Backend}: each layer operation of the {@link MiniBatchEngine} as one or two
 * backend operations, then the optimiser's step from {@code ffnlab.nn.optim}. The reference backend trains this way.
 */
final class OperationsEngine extends HostTrainingEngine {
    private final Backend backend;
    private final OptimiserState optimiser;

    OperationsEngine(Backend backend, EngineSpec spec, Examples train) {
        super(spec, train);
        this.backend = backend;
        this.optimiser = spec.optimiser().newState(arch);
    }

    @Override
    protected void forwardLayer(int l, int rows) {
        int in = arch.width(l - 1);
        int out = arch.width(l);
        backend.gemm(false, false, rows, out, in, 1f, ws.h[l - 1], theta.weights(l), 0f, ws.u[l]);
        backend.biasActivation(arch.activation(l), ws.u[l], theta.biases(l), ws.h[l], rows, out);
    }

    @Override
    protected void propagate(int l, int rows) {
        int in = arch.width(l - 1);
        int out = arch.width(l);
        backend.gemm(false, true, rows, in, out, 1f, ws.gradU[l], theta.weights(l), 0f, ws.gradU[l - 1]);
        backend.activationBackward(arch.activation(l - 1), ws.h[l - 1], ws.gradU[l - 1], rows, in);
    }

    @Override
    protected void layerGradients(int l, int rows) {
        int in = arch.width(l - 1);
        int out = arch.width(l);
        backend.gemm(true, false, in, out, rows, 1f, ws.h[l - 1], ws.gradU[l], 0f, grad.weights(l));
        backend.columnSums(ws.gradU[l], rows, out, grad.biases(l));
    }

    @Override
    protected void update(int rows) {
        optimiser.step(theta, grad);
    }

    @Override
    protected OptimiserState optimiserState() {
        return optimiser;
    }

    @Override
    public String device() {
        return withThreads(backend.name());
    }
}
