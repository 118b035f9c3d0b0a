package ffnlab.backend.cpu;

import ffnlab.backend.BatchWorkspace;
import ffnlab.backend.EngineSpec;
import ffnlab.backend.HostTrainingEngine;
import ffnlab.data.Examples;
import ffnlab.nn.optim.Optimiser;
import ffnlab.nn.optim.OptimiserState;

/**
 * The cpu backend's training engine: the chapter's mini-batch step ({@link ForwardPass}, fused output
 * gradient, {@link BackwardPass}, update) on a {@link WorkerTeam} of {@code spec.threads()} threads. Plain SGD
 * is fused into the weight-gradient GEMMs; momentum and Adam use the optimiser state of
 * {@code ffnlab.nn.optim} on the gradients. The loop, evaluation and workspaces are
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
    protected void forward(BatchWorkspace ws, int rows) {
        forwardPass.run(theta, ws, rows);
    }

    /** Fused grad_{U^L} J and loss, then backward (with SGD folded in), then momentum / Adam if chosen. */
    @Override
    protected double update(BatchWorkspace ws, int rows) {
        int depth = arch.depth();
        boolean classification = train.isClassification();
        double raw = LayerKernels.outputGradient(spec.loss(), arch.output(), ws.u[depth], ws.h[depth],
                classification ? null : ws.d, classification ? ws.labels : null, rows, arch.outputs(),
                gradientScale(rows), ws.gradU[depth]);
        backwardPass.run(theta, grad, ws, rows);
        if (optimiser != null) {
            optimiser.step(theta, grad);
        }
        return raw;
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
