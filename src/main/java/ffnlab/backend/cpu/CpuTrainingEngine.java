package ffnlab.backend.cpu;

import ffnlab.backend.EngineSpec;
import ffnlab.backend.BatchWorkspace;
import ffnlab.backend.Evaluation;
import ffnlab.backend.TrainingEngine;
import ffnlab.data.Examples;
import ffnlab.nn.Architecture;
import ffnlab.nn.Parameters;
import ffnlab.nn.optim.Optimiser;
import ffnlab.nn.optim.OptimiserState;

/**
 * The cpu backend's training engine: the chapter's mini-batch step (gather, {@link ForwardPass}, fused
 * output gradient, {@link BackwardPass}, update) on reused float32 workspaces and a {@link WorkerTeam} of
 * {@code spec.threads()} threads. Plain SGD is fused into the weight-gradient GEMMs; momentum and Adam use
 * the optimiser state of {@code ffnlab.nn.optim} on the gradients. A steady-state step allocates nothing.
 * The training set is read in place (never copied).
 */
final class CpuTrainingEngine implements TrainingEngine {
    private static final int EVALUATION_CHUNK = 1024;

    private final EngineSpec spec;
    private final Architecture arch;
    private final Examples train;
    private final Parameters theta;
    private final Parameters grad;
    private final OptimiserState optimiser;
    private final WorkerTeam team;
    private final ForwardPass forward;
    private final BackwardPass backward;
    private BatchWorkspace workspace;

    CpuTrainingEngine(EngineSpec spec, Examples train) {
        this.spec = spec;
        this.arch = spec.architecture();
        if (train.features() != arch.inputs() || train.outputs() != arch.outputs()) {
            throw new IllegalArgumentException("data has " + train.features() + " inputs and " + train.outputs()
                    + " outputs, the network " + arch);
        }
        this.train = train;
        this.theta = spec.initial().copy();
        this.grad = new Parameters(arch);
        boolean sgd = spec.optimiser() instanceof Optimiser.Sgd;
        this.optimiser = sgd ? null : spec.optimiser().newState(arch);
        this.team = new WorkerTeam(spec.threads(), "ffnlab-cpu");
        this.forward = new ForwardPass(arch, team);
        this.backward = new BackwardPass(arch, team, sgd ? (float) spec.optimiser().learningRate() : Float.NaN);
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
            raw += step(order, start, rows, ws);
        }
        return raw;
    }

    /** One update on the patterns order[start .. start+rows); returns the batch's raw loss. */
    private double step(int[] order, int start, int rows, BatchWorkspace ws) {
        ws.gather(train, order, start, rows);
        forward.run(theta, ws, rows);
        int depth = arch.depth();
        int k = arch.outputs();
        float scale = (float) spec.reduction().gradientScale(spec.loss(), rows, k);
        boolean classification = train.isClassification();
        double raw = LayerKernels.outputGradient(spec.loss(), arch.output(), ws.u[depth], ws.h[depth],
                classification ? null : ws.d, classification ? ws.labels : null, rows, k, scale, ws.gradU[depth]);
        backward.run(theta, grad, ws, rows);
        if (optimiser != null) {
            optimiser.step(theta, grad);
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
            forward.run(theta, ws, rows);
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
            forward.run(theta, ws, r);
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
        return "cpu (" + GemmKernel.forShape(Integer.MAX_VALUE, 1, 1).name() + "), " + spec.threads()
                + (spec.threads() == 1 ? " thread" : " threads");
    }

    @Override
    public void close() {
        team.close();
        workspace = null;
    }
}
