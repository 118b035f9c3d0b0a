package ffnlab.backend.cpu;

import ffnlab.backend.BatchWorkspace;
import ffnlab.nn.Architecture;
import ffnlab.nn.Parameters;

/**
 * The backward operations of one layer l as one {@link WorkerTeam} dispatch, split into fixed blocks of rows
 * i0:i1 of W^l (which are columns i0:i1 of H^{l-1} and of grad_{U^{l-1}} J):
 * <pre>
 *   grad_{U^{l-1}} J[:, i0:i1] = (grad_{U^l} J) (W^l[i0:i1, :])^T . f^{l-1}'(U^{l-1}[:, i0:i1])     l &gt; 1
 *   grad_{W^l} J[i0:i1, :]     = (H^{l-1}[:, i0:i1])^T grad_{U^l} J
 *   grad_{b^l} J               = (grad_{U^l} J)^T 1_P, its columns shared out evenly among the blocks
 * </pre>
 * A block reads and writes only its own rows of W^l, so with plain SGD the update is fused into the
 * weight-gradient GEMM: W^l[i0:i1, :] &lt;- W^l[i0:i1, :] - alpha (H^{l-1}[:, i0:i1])^T grad_{U^l} J is one sgemm
 * with alpha' = -alpha and beta = 1, run after the block's propagation has read the old rows (the chapter's
 * algorithm propagates with the old W^l), while those rows are still in cache; b^l &lt;- b^l - alpha grad_b
 * follows the bias sums. Otherwise the gradients go to {@code grad} for the optimiser.
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
    private int width;
    private int count;
    private GemmKernel propagationKernel;
    private GemmKernel weightKernel;

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

    /**
     * Layer l's backward step for the first {@code rows} patterns in {@code ws}: grad_{U^{l-1}} J (l &gt; 1) from
     * ws.gradU[l] and the current W^l, and layer l's weight and bias gradients into {@code grad}, or, fused, the SGD
     * step on theta (grad's biases of layer l are then scratch).
     */
    void layer(Parameters theta, Parameters grad, BatchWorkspace ws, int l, int rows) {
        team.run(this, prepare(theta, grad, ws, l, rows));
    }

    /** Binds layer l's operands and partition without running anything; returns the number of blocks. */
    int prepare(Parameters theta, Parameters grad, BatchWorkspace ws, int l, int rows) {
        this.theta = theta;
        this.grad = grad;
        this.ws = ws;
        this.rows = rows;
        this.layer = l;
        int in = arch.width(l - 1);
        int out = arch.width(l);
        width = ColumnBlocks.width(in, (long) rows * out * (propagates() ? 2 : 1));
        count = ColumnBlocks.count(in, width);
        propagationKernel = GemmKernel.forShape(rows, width, out);
        weightKernel = GemmKernel.forShape(width, out, rows);
        return count;
    }

    /** Whether the bound layer propagates the gradient to the layer below (l &gt; 1). */
    boolean propagates() {
        return layer > 1;
    }

    /** The bound partition's block width in rows of W^l (the last block may be narrower). */
    int width() {
        return width;
    }

    @Override
    public void run(int block) {
        if (propagates()) {
            propagationProduct(block);
            activationDerivative(block);
        }
        biasGradient(block);
        weightProduct(block);
        biasStep(block);
    }

    private int first(int block) {
        return block * width;
    }

    private int end(int block) {
        return Math.min(arch.width(layer - 1), block * width + width);
    }

    /** grad_{U^{l-1}}[:, i0:i1] = grad_{U^l} (W^l[i0:i1, :])^T: P x w x n_l multiply-adds (l &gt; 1). */
    void propagationProduct(int block) {
        int in = arch.width(layer - 1);
        int out = arch.width(layer);
        int i0 = first(block);
        propagationKernel.gemm(false, true, rows, end(block) - i0, out, 1f, ws.gradU[layer], 0, out, theta.weights(layer),
                i0 * out, out, 0f, ws.gradU[layer - 1], i0, in);
    }

    /** grad_{U^{l-1}}[:, i0:i1] .= f^{l-1}'(U^{l-1}[:, i0:i1]), from H^{l-1} (l &gt; 1). */
    void activationDerivative(int block) {
        LayerKernels.activationBackward(arch.activation(layer - 1), ws.h[layer - 1], ws.gradU[layer - 1], rows,
                arch.width(layer - 1), first(block), end(block));
    }

    /** The block's share of the bias columns: [n_l block / count, n_l (block + 1) / count). */
    private int biasFirst(int block) {
        return (int) ((long) arch.width(layer) * block / count);
    }

    /** grad_{b^l}[c0:c1] = (grad_{U^l}[:, c0:c1])^T 1_P over the block's share of the columns, into grad's biases. */
    void biasGradient(int block) {
        LayerKernels.columnSums(ws.gradU[layer], rows, arch.width(layer), biasFirst(block), biasFirst(block + 1),
                grad.biases(layer));
    }

    /**
     * (H^{l-1}[:, i0:i1])^T grad_{U^l}, w x n_l x P multiply-adds: fused, W^l[i0:i1, :] &lt;- W^l[i0:i1, :] - alpha
     * times it; otherwise into grad's weights.
     */
    void weightProduct(int block) {
        int in = arch.width(layer - 1);
        int out = arch.width(layer);
        int i0 = first(block);
        int m = end(block) - i0;
        if (fusesUpdate()) {
            weightKernel.gemm(true, false, m, out, rows, -learningRate, ws.h[layer - 1], i0, in, ws.gradU[layer], 0, out,
                    1f, theta.weights(layer), i0 * out, out);
        } else {
            weightKernel.gemm(true, false, m, out, rows, 1f, ws.h[layer - 1], i0, in, ws.gradU[layer], 0, out,
                    0f, grad.weights(layer), i0 * out, out);
        }
    }

    /** Fused SGD only: b^l[c0:c1] &lt;- b^l[c0:c1] - alpha grad_{b^l}[c0:c1] over the block's share of the columns. */
    void biasStep(int block) {
        if (!fusesUpdate()) {
            return;
        }
        float[] b = theta.biases(layer);
        float[] gradB = grad.biases(layer);
        int c1 = biasFirst(block + 1);
        for (int j = biasFirst(block); j < c1; j++) {
            b[j] -= learningRate * gradB[j];
        }
    }
}
