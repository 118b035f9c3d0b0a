package ffnlab.backend;

import ffnlab.data.Examples;
import ffnlab.nn.Architecture;
import ffnlab.nn.Parameters;

/**
 * The chapter's mini-batch loop on the host, written once: for each batch of the epoch's order, gather it
 * into the reused {@link BatchWorkspace}, run {@link #forward} (U^l = H^{l-1} W^l + B^l, H^l = f^l(U^l)),
 * then {@link #update} (output gradient, backward by equation (D), weight gradients, optimiser step).
 * Evaluation and prediction run the same {@link #forward} in chunks. Subclasses say how the two hooks are
 * computed: {@link OperationsEngine} one {@link Backend} operation at a time, the cpu backend fused and
 * multithreaded. Workspaces are allocated once, for the largest batch, so a steady-state step allocates nothing.
 */
public abstract class HostTrainingEngine implements TrainingEngine {
    private static final int EVALUATION_CHUNK = 1024;

    protected final EngineSpec spec;
    protected final Architecture arch;
    protected final Examples train;
    /** theta: the parameters being trained. */
    protected final Parameters theta;
    /** grad_theta J of the current batch. */
    protected final Parameters grad;
    private BatchWorkspace workspace;

    protected HostTrainingEngine(EngineSpec spec, Examples train) {
        this.spec = spec;
        this.arch = spec.architecture();
        if (train.features() != arch.inputs() || train.outputs() != arch.outputs()) {
            throw new IllegalArgumentException("data has " + train.features() + " inputs and " + train.outputs()
                    + " outputs, the network " + arch);
        }
        this.train = train;
        this.theta = spec.initial().copy();
        this.grad = new Parameters(arch);
    }

    /** U^l and H^l, l = 1..L, of the first {@code rows} patterns of {@code ws.x} under theta. */
    protected abstract void forward(BatchWorkspace ws, int rows);

    /**
     * After {@link #forward} on a gathered batch of {@code rows} patterns: grad_{U^L} J, backpropagation,
     * and one optimiser step on theta. Returns the batch's raw loss (see {@link Backend#outputGradient}).
     */
    protected abstract double update(BatchWorkspace ws, int rows);

    /** The reduction's factor for a batch of {@code rows} patterns (see {@link ffnlab.nn.Reduction}). */
    protected final float gradientScale(int rows) {
        return (float) spec.reduction().gradientScale(spec.loss(), rows, arch.outputs());
    }

    private BatchWorkspace workspace(int rows) {
        if (workspace == null || workspace.capacity < rows) {
            workspace = new BatchWorkspace(arch, rows);
        }
        return workspace;
    }

    @Override
    public final double trainEpoch(int[] order, int batchSize) {
        int total = order.length;
        int b = Math.min(Math.max(batchSize, 1), total);
        BatchWorkspace ws = workspace(b);
        double raw = 0;
        for (int start = 0; start < total; start += b) {
            int rows = Math.min(b, total - start);
            ws.gather(train, order, start, rows);
            forward(ws, rows);
            raw += update(ws, rows);
        }
        return raw;
    }

    @Override
    public final Evaluation evaluate(Examples data) {
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
    public final float[] predict(float[] x, int rows) {
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
    public final Parameters parameters() {
        return theta.copy();
    }

    /** "<what>, N thread(s)". */
    protected final String withThreads(String what) {
        return what + ", " + spec.threads() + (spec.threads() == 1 ? " thread" : " threads");
    }

    @Override
    public void close() {
        workspace = null;
    }
}
