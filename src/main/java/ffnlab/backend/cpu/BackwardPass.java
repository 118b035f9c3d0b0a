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

    /** Runs one of the two on the team. */
    private void run(Parameters theta, Parameters grad, BatchWorkspace ws, int l, int rows, boolean propagating) {
        team.run(this, prepare(theta, grad, ws, l, rows, propagating));
    }

    /**
     * Binds the operands and partition of one of the two without running anything: blocks of n_{l-1} columns to
     * propagate ({@code grad} unused), of n_l columns for the gradients. Returns the number of blocks.
     */
    int prepare(Parameters theta, Parameters grad, BatchWorkspace ws, int l, int rows, boolean propagating) {
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
            return ColumnBlocks.count(in, width);
        }
        width = ColumnBlocks.width(out, (long) in * rows);
        kernel = GemmKernel.forShape(in, width, rows);
        return ColumnBlocks.count(out, width);
    }

    /** The bound partition's block width in columns (the last block may be narrower). */
    int width() {
        return width;
    }

    @Override
    public void run(int block) {
        if (propagating) {
            propagationProduct(block);
            activationDerivative(block);
        } else {
            biasGradient(block);
            weightProduct(block);
            biasStep(block);
        }
    }

    private int first(int block) {
        return block * width;
    }

    private int end(int block, int n) {
        return Math.min(n, block * width + width);
    }

    /** grad_{U^{l-1}}[:, j0:j1] = grad_{U^l} (W^l[j0:j1, :])^T: P x w x n_l multiply-adds. */
    void propagationProduct(int block) {
        int in = arch.width(layer - 1);
        int out = arch.width(layer);
        int j0 = first(block);
        kernel.gemm(false, true, rows, end(block, in) - j0, out, 1f, ws.gradU[layer], 0, out, theta.weights(layer),
                j0 * out, out, 0f, ws.gradU[layer - 1], j0, in);
    }

    /** grad_{U^{l-1}}[:, j0:j1] .= f^{l-1}'(U^{l-1}[:, j0:j1]), from H^{l-1}. */
    void activationDerivative(int block) {
        int in = arch.width(layer - 1);
        LayerKernels.activationBackward(arch.activation(layer - 1), ws.h[layer - 1], ws.gradU[layer - 1], rows, in,
                first(block), end(block, in));
    }

    /** grad_{b^l}[j0:j1] = (grad_{U^l}[:, j0:j1])^T 1_P, into grad's biases of layer l. */
    void biasGradient(int block) {
        int out = arch.width(layer);
        LayerKernels.columnSums(ws.gradU[layer], rows, out, first(block), end(block, out), grad.biases(layer));
    }

    /**
     * (H^{l-1})^T grad_{U^l}[:, j0:j1], n_{l-1} x w x P multiply-adds: fused, W^l[:, j0:j1] &lt;- W^l[:, j0:j1] - alpha
     * times it; otherwise into grad's weights.
     */
    void weightProduct(int block) {
        int in = arch.width(layer - 1);
        int out = arch.width(layer);
        int j0 = first(block);
        int cols = end(block, out) - j0;
        if (fusesUpdate()) {
            kernel.gemm(true, false, in, cols, rows, -learningRate, ws.h[layer - 1], 0, in, ws.gradU[layer], j0, out,
                    1f, theta.weights(layer), j0, out);
        } else {
            kernel.gemm(true, false, in, cols, rows, 1f, ws.h[layer - 1], 0, in, ws.gradU[layer], j0, out,
                    0f, grad.weights(layer), j0, out);
        }
    }

    /** Fused SGD only: b^l[j0:j1] &lt;- b^l[j0:j1] - alpha grad_{b^l}[j0:j1]. */
    void biasStep(int block) {
        if (!fusesUpdate()) {
            return;
        }
        float[] b = theta.biases(layer);
        float[] gradB = grad.biases(layer);
        int j1 = end(block, arch.width(layer));
        for (int j = first(block); j < j1; j++) {
            b[j] -= learningRate * gradB[j];
        }
    }
}
