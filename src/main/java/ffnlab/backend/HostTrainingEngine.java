package ffnlab.backend;

import ffnlab.data.Examples;
import ffnlab.nn.Parameters;
import ffnlab.nn.optim.OptimiserMoments;
import ffnlab.nn.optim.OptimiserState;
import java.util.List;

/**
 * The {@link MiniBatchEngine} on the host: theta and grad_theta J as {@link Parameters}, one reused
 * {@link BatchWorkspace} (allocated for the largest batch or chunk, so a steady-state step allocates nothing),
 * and the output-layer calls on it: training by {@link OutputLayer#gradient}, evaluation by
 * {@link Evaluation.Sum}, prediction by copying Y. Subclasses supply the layer operations: {@link OperationsEngine}
 * one {@link Backend} operation at a time, the cpu backend fused and multithreaded.
 */
public abstract class HostTrainingEngine extends MiniBatchEngine {
    private static final int EVALUATION_CHUNK = 1024;

    /** theta: the parameters being trained. */
    protected final Parameters theta;
    /** grad_theta J of the current batch. */
    protected final Parameters grad;
    /** The buffers of the current batch or chunk. */
    protected BatchWorkspace ws;
    private int[] order;
    private Evaluation.Sum sum;

    protected HostTrainingEngine(EngineSpec spec, Examples train) {
        super(spec, train);
        this.theta = spec.initial().copy();
        this.grad = new Parameters(arch);
    }

    private void workspace(int rows) {
        if (ws == null || ws.capacity < rows) {
            ws = new BatchWorkspace(arch, rows);
        }
    }

    @Override
    protected final void beginEpoch(int[] order, int batchSize) {
        this.order = order;
        workspace(batchSize);
    }

    @Override
    protected final void gather(int start, int rows) {
        ws.gather(train, order, start, rows);
    }

    @Override
    protected final double trainingOutput(int rows) {
        int depth = arch.depth();
        boolean classification = train.isClassification();
        return OutputLayer.gradient(spec.loss(), arch.output(), ws.u[depth], ws.h[depth],
                classification ? null : ws.d, classification ? ws.labels : null,
                rows, arch.outputs(), gradientScale(rows), ws.gradU[depth]);
    }

    private int chunk(int rows) {
        int chunk = Math.min(EVALUATION_CHUNK, rows);
        workspace(chunk);
        return chunk;
    }

    @Override
    protected final int beginEvaluation(Examples data) {
        sum = new Evaluation.Sum(data, spec.loss());
        return chunk(data.rows());
    }

    @Override
    protected final void evaluationInputs(Examples data, int start, int rows) {
        predictionInputs(data.x(), start, rows);
    }

    @Override
    protected final void evaluationOutput(Examples data, int start, int rows) {
        sum.add(ws.u[arch.depth()], ws.h[arch.depth()], start, rows);
    }

    @Override
    protected final Evaluation endEvaluation(Examples data) {
        Evaluation total = sum.total();
        sum = null;
        return total;
    }

    @Override
    protected final int beginPrediction(int rows) {
        return chunk(rows);
    }

    @Override
    protected final void predictionInputs(float[] x, int start, int rows) {
        int n = arch.inputs();
        System.arraycopy(x, start * n, ws.x, 0, rows * n);
    }

    @Override
    protected final void predictionOutput(float[] y, int start, int rows) {
        int k = arch.outputs();
        System.arraycopy(ws.h[arch.depth()], 0, y, start * k, rows * k);
    }

    @Override
    public final Parameters parameters() {
        return theta.copy();
    }

    /**
     * The optimiser state that {@link #update} steps, or null when the engine keeps none because the update is fused
     * into the gradient computation (plain SGD on the cpu backend, whose only state is the step count).
     */
    protected abstract OptimiserState optimiserState();

    @Override
    public final OptimiserMoments optimiserMoments() {
        OptimiserState state = optimiserState();
        return new OptimiserMoments(steps(), state == null ? List.of() : state.moments().buffers());
    }

    @Override
    public final void restoreOptimiser(OptimiserMoments moments) {
        OptimiserState state = optimiserState();
        if (state != null) {
            state.restore(moments);
        } else if (!moments.buffers().isEmpty()) {
            throw new IllegalArgumentException("plain SGD keeps no buffers, the moments have " + moments.buffers().size());
        }
        steps(moments.steps());
    }

    /** "<what>, N thread(s)". */
    protected final String withThreads(String what) {
        return what + ", " + spec.threads() + (spec.threads() == 1 ? " thread" : " threads");
    }

    @Override
    public void close() {
        ws = null;
    }
}
