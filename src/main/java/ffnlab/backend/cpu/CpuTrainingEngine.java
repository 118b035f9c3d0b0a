package ffnlab.backend.cpu;

import ffnlab.backend.EngineSpec;
import ffnlab.backend.HostTrainingEngine;
import ffnlab.data.Examples;
import ffnlab.nn.optim.Optimiser;
import ffnlab.nn.optim.OptimiserState;

/**
 * The cpu backend's training engine: the layer operations of the {@link ffnlab.backend.MiniBatchEngine}
 * ({@link ForwardPass}, {@link BackwardPass}: one dispatch a layer each way) on a {@link WorkerTeam} of
 * {@code spec.threads()} threads. Plain SGD
 * is fused into the weight-gradient GEMMs; momentum and Adam use the optimiser state of
 * {@code ffnlab.nn.optim} on the gradients. The loop, output layer, evaluation and workspaces are
 * {@link HostTrainingEngine}'s; the training set is read in place (never copied). Not final only so that a
 * test can inject a fault into the engine that production trials run.
 */
class CpuTrainingEngine extends HostTrainingEngine {
    private final OptimiserState optimiser;
    private final WorkerTeam team;
    private final ForwardPass forwardPass;
    private final BackwardPass backwardPass;

    CpuTrainingEngine(EngineSpec spec, Examples train) {
        super(spec, train);
        boolean sgd = spec.optimiser() instanceof Optimiser.Sgd;
        this.optimiser = sgd ? null : spec.optimiser().newState(arch);
        this.team = new WorkerTeam(spec.threads(), "ffnlab-cpu");
        this.forwardPass = new ForwardPass(arch, team);
        this.backwardPass = new BackwardPass(arch, team, sgd ? (float) spec.optimiser().learningRate() : Float.NaN);
    }

    @Override
    protected void forwardLayer(int l, int rows) {
        forwardPass.layer(theta, ws, l, rows);
    }

    /**
     * Left to {@link #layerGradients}, which the loop calls next for the same layer: the propagation and the layer's
     * gradients run as one dispatch over blocks of rows of W^l ({@link BackwardPass}).
     */
    @Override
    protected void propagate(int l, int rows) {
    }

    /** grad_{U^{l-1}} J and layer l's gradients; with plain SGD, the step itself (fused into the weight-gradient GEMM). */
    @Override
    protected void layerGradients(int l, int rows) {
        backwardPass.layer(theta, grad, ws, l, rows);
    }

    /** Momentum or Adam; plain SGD has already been applied by {@link #layerGradients}. */
    @Override
    protected void update(int rows) {
        if (optimiser != null) {
            optimiser.step(theta, grad);
        }
    }

    /** Null for plain SGD, whose step is fused into {@link #layerGradients}. */
    @Override
    protected OptimiserState optimiserState() {
        return optimiser;
    }

    @Override
    public String device() {
        return withThreads("cpu (" + GemmKernel.forShape(Integer.MAX_VALUE, 1, 1).name() + ")");
    }

    @Override
    public void close() {
        team.close();
        super.close();
    }
}
