package ffnlab.backend.cpu;

import ffnlab.backend.BatchWorkspace;
import ffnlab.nn.Architecture;
import ffnlab.nn.Parameters;

/**
 * The backward operations of one layer on a {@link WorkerTeam}, in fixed column blocks:
 * <pre>
 *   grad_{U^{l-1}} J = (grad_{U^l} J) (W^l)^T . f^{l-1}'(U^{l-1})      P x n_{l-1}, blocks of n_{l-1} columns
 *   grad_{W^l} J     = (H^{l-1})^T grad_{U^l} J                      n_{l-1} x n_l, blocks of n_l columns
 *   grad_{b^l} J     = (grad_{U^l} J)^T 1_P                          n_l, same blocks
 * </pre>
 * With plain SGD the update is fused into the weight-gradient GEMM: W^l &lt;- W^l - alpha (H^{l-1})^T grad_{U^l} J
 * is one sgemm with alpha' = -alpha and beta = 1, and b^l &lt;- b^l - alpha grad_b beside it; grad_{U^{l-1}} J is
 * computed first ({@link ffnlab.backend.MiniBatchEngine#step} propagates before it takes the layer's gradients),
 * from the old W^l, as the chapter's algorithm requires. Otherwise the gradients go to
 * {@code grad} for the optimiser.
 */
final class BackwardPass implements WorkerTeam.Blocks {
    private final Architecture arch;
    private final WorkerTeam team;
    private final float learningRate;
    private Parameters theta;
    private Parameters grad;
    private BatchWorkspace ws;
    private int rows;
    private int layer;
    private boolean propagating;
    private int width;
    private GemmKernel kernel;

    /**
     * @param learningRate alpha of a fused SGD update, or NaN to leave the gradients in {@code grad}
     */
    BackwardPass(Architecture arch, WorkerTeam team, float learningRate) {
        this.arch = arch;
        this.team = team;
        this.learningRate = learningRate;
    }

    boolean fusesUpdate() {
        return !Float.isNaN(learningRate);
    }

    /** grad_{U^{l-1}} J of the first {@code rows} patterns in {@code ws}, from ws.gradU[l] and the current W^l. */
    void propagate(Parameters theta, BatchWorkspace ws, int l, int rows) {
        run(theta, null, ws, l, rows, true);
    }

    /**
     * Layer l's weight and bias gradients into {@code grad}, or, fused, the SGD step on theta (grad's biases of
     * layer l are then scratch).
     */
    void layerGradients(Parameters theta, Parameters grad, BatchWorkspace ws, int l, int rows) {
        run(theta, grad, ws, l, rows, false);
    }

    /** Runs one of the two on the team: blocks of n_{l-1} columns to propagate, of n_l columns for the gradients. */
    private void run(Parameters theta, Parameters grad, BatchWorkspace ws, int l, int rows, boolean propagating) {
        this.theta = theta;
        this.grad = grad;
        this.ws = ws;
        this.rows = rows;
        this.layer = l;
        this.propagating = propagating;
        int in = arch.width(l - 1);
        int out = arch.width(l);
        if (propagating) {
            width = ColumnBlocks.width(in, (long) rows * out);
            kernel = GemmKernel.forShape(rows, width, out);
            team.run(this, ColumnBlocks.count(in, width));
        } else {
            width = ColumnBlocks.width(out, (long) in * rows);
            kernel = GemmKernel.forShape(in, width, rows);
            team.run(this, ColumnBlocks.count(out, width));
        }
    }

    @Override
    public void run(int block) {
        if (propagating) {
            propagate(block);
        } else {
            weightGradient(block);
        }
    }

    private void propagate(int block) {
        int in = arch.width(layer - 1);
        int out = arch.width(layer);
        int j0 = block * width;
        int j1 = Math.min(in, j0 + width);
        float[] below = ws.gradU[layer - 1];
        // grad_{U^{l-1}}[:, j0:j1] = grad_{U^l} (W^l[j0:j1, :])^T
        kernel.gemm(false, true, rows, j1 - j0, out, 1f, ws.gradU[layer], 0, out, theta.weights(layer), j0 * out, out,
                0f, below, j0, in);
        LayerKernels.activationBackward(arch.activation(layer - 1), ws.h[layer - 1], below, rows, in, j0, j1);
    }

    private void weightGradient(int block) {
        int in = arch.width(layer - 1);
        int out = arch.width(layer);
        int j0 = block * width;
        int j1 = Math.min(out, j0 + width);
        float[] gradB = grad.biases(layer);
        LayerKernels.columnSums(ws.gradU[layer], rows, out, j0, j1, gradB);
        if (fusesUpdate()) {
            // W^l[:, j0:j1] <- W^l[:, j0:j1] - alpha (H^{l-1})^T grad_{U^l}[:, j0:j1]
            kernel.gemm(true, false, in, j1 - j0, rows, -learningRate, ws.h[layer - 1], 0, in, ws.gradU[layer], j0, out,
                    1f, theta.weights(layer), j0, out);
            float[] b = theta.biases(layer);
            for (int j = j0; j < j1; j++) {
                b[j] -= learningRate * gradB[j];
            }
        } else {
            kernel.gemm(true, false, in, j1 - j0, rows, 1f, ws.h[layer - 1], 0, in, ws.gradU[layer], j0, out,
                    0f, grad.weights(layer), j0, out);
        }
    }
}
