package ffnlab.backend;

import ffnlab.data.Examples;
import ffnlab.nn.Architecture;

/**
 * The buffers of one batch of up to {@code capacity} patterns, allocated once and reused by every step:
 * the batch X (= H^0) and D or labels, and per layer l the P x n_l matrices U^l, H^l and grad_{U^l} J
 * (index l; index 0 of {@code h} is X). Shared by the host engines; fields are the live arrays.
 */
public final class BatchWorkspace {
    public final int capacity;
    public final float[] x;
    public final float[] d;
    public final int[] labels;
    public final float[][] u;
    public final float[][] h;
    public final float[][] gradU;

    public BatchWorkspace(Architecture arch, int capacity) {
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

    /** Copies patterns {@code order[start .. start + rows - 1]} of {@code data} into X and D (or the labels). */
    public void gather(Examples data, int[] order, int start, int rows) {
        int n = data.features();
        int k = data.outputs();
        for (int i = 0; i < rows; i++) {
            int r = order[start + i];
            System.arraycopy(data.x(), r * n, x, i * n, n);
            if (data.isClassification()) {
                labels[i] = data.labels()[r];
            } else {
                System.arraycopy(data.targets(), r * k, d, i * k, k);
            }
        }
    }
}
