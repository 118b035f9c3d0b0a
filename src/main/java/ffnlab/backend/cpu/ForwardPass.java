package ffnlab.backend.cpu;

import ffnlab.backend.BatchWorkspace;
import ffnlab.backend.OutputLayer;
import ffnlab.nn.Activation;
import ffnlab.nn.Architecture;
import ffnlab.nn.Parameters;

/**
 * One layer of the forward pass, U^l = H^{l-1} W^l + 1_P (b^l)^T, H^l = f^l(U^l): the n_l columns are split
 * into fixed {@link ColumnBlocks}, and each block does its GEMM (P x n_{l-1} times n_{l-1} x w) and then its
 * bias + activation while the block is in cache. A softmax layer is one block (it needs whole rows).
 */
final class ForwardPass implements WorkerTeam.Blocks {
    private final Architecture arch;
    private final WorkerTeam team;
    private Parameters theta;
    private BatchWorkspace ws;
    private int rows;
    private int layer;
    private int width;
    private GemmKernel kernel;

    ForwardPass(Architecture arch, WorkerTeam team) {
        this.arch = arch;
        this.team = team;
    }

    /** Layer l of the forward pass of the first {@code rows} patterns in {@code ws}: fills ws.u[l] and ws.h[l]. */
    void layer(Parameters theta, BatchWorkspace ws, int l, int rows) {
        team.run(this, prepare(theta, ws, l, rows));
    }

    /** Binds layer l's operands and partition without running anything; returns the number of blocks. */
    int prepare(Parameters theta, BatchWorkspace ws, int l, int rows) {
        this.theta = theta;
        this.ws = ws;
        this.rows = rows;
        int in = arch.width(l - 1);
        int out = arch.width(l);
        layer = l;
        width = arch.activation(l) == Activation.SOFTMAX ? out : ColumnBlocks.width(out, (long) rows * in);
        kernel = GemmKernel.forShape(rows, width, in);
        return ColumnBlocks.count(out, width);
    }

    /** The bound partition's block width in columns (the last block may be narrower). */
    int width() {
        return width;
    }

    /** The GEMM of the bound layer's block, then its bias and activation. */
    @Override
    public void run(int block) {
        product(block);
        activation(block);
    }

    /** The block's GEMM U[:, j0:j1] = H^{l-1} W^l[:, j0:j1]: P x w x n_{l-1} multiply-adds. */
    void product(int block) {
        int in = arch.width(layer - 1);
        int out = arch.width(layer);
        int j0 = block * width;
        int j1 = Math.min(out, j0 + width);
        kernel.gemm(false, false, rows, j1 - j0, in, 1f, ws.h[layer - 1], 0, in, theta.weights(layer), j0, out, 0f,
                ws.u[layer], j0, out);
    }

    /** The block's bias and activation, H[:, j0:j1] = f(U[:, j0:j1] + 1_P b[j0:j1]^T) (softmax: whole rows). */
    void activation(int block) {
        int out = arch.width(layer);
        int j0 = block * width;
        int j1 = Math.min(out, j0 + width);
        float[] u = ws.u[layer];
        Activation f = arch.activation(layer);
        if (f == Activation.SOFTMAX) {
            OutputLayer.softmax(u, theta.biases(layer), ws.h[layer], rows, out);
        } else {
            LayerKernels.biasActivation(f, u, theta.biases(layer), ws.h[layer], rows, out, j0, j1);
        }
    }
}
