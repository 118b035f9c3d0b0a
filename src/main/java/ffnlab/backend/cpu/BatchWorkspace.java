package ffnlab.backend.cpu;

import ffnlab.nn.Architecture;

/**
 * The buffers of one batch of up to {@code capacity} patterns, allocated once and reused by every step:
 * the batch X (= H^0) and D or labels, and per layer l the P x n_l matrices U^l, H^l and grad_{U^l} J.
 */
final class BatchWorkspace {
    final int capacity;
    final float[] x;
    final float[] d;
    final int[] labels;
    final float[][] u;
    final float[][] h;
    final float[][] gradU;

    BatchWorkspace(Architecture arch, int capacity) {
        this.capacity = capacity;
        int depth = arch.depth();
        x = new float[capacity * arch.inputs()];
        d = new float[capacity * arch.outputs()];
        labels = new int[capacity];
        u = new float[depth + 1][];
        h = new float[depth + 1][];
        gradU = new float[depth + 1][];
        h[0] = x;
        for (int l = 1; l <= depth; l++) {
            u[l] = new float[capacity * arch.width(l)];
            h[l] = new float[capacity * arch.width(l)];
            gradU[l] = new float[capacity * arch.width(l)];
        }
    }
}
