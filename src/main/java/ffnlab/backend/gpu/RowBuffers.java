package ffnlab.backend.gpu;

import ffnlab.nn.Architecture;

/**
 * The device buffers whose size grows with the number of rows a pass handles, for up to {@link #capacity} rows:
 * per layer U^l, H^l and grad_{U^l} J (capacity x n_l), and the gathered batch X, D (regression) or labels
 * (classification). Allocated all or nothing: when one allocation fails, those already made are freed and the
 * failure is thrown, so the arena holds exactly what it held before. Index 0 of {@link #h} is not owned: the
 * forward pass points it at its input.
 */
final class RowBuffers {
    final int capacity;
    final long[] u;
    final long[] h;
    final long[] g;
    final long x;
    final long targets;
    final long labels;
    private final DeviceArena memory;
    private final Architecture arch;

    private RowBuffers(DeviceArena memory, Architecture arch, int capacity, long[] u, long[] h, long[] g, long x, long targets,
                       long labels) {
        this.memory = memory;
        this.arch = arch;
        this.capacity = capacity;
        this.u = u;
        this.h = h;
        this.g = g;
        this.x = x;
        this.targets = targets;
        this.labels = labels;
    }

    /**
     * Allocates the buffers for {@code capacity} rows in {@code memory}.
     *
     * @throws CudaException when an allocation fails; nothing of this call stays allocated
     */
    static RowBuffers allocate(DeviceArena memory, Architecture arch, boolean classification, int capacity) {
        int depth = arch.depth();
        long[] u = new long[depth + 1];
        long[] h = new long[depth + 1];
        long[] g = new long[depth + 1];
        long x = 0;
        long targets = 0;
        long labels = 0;
        try {
            for (int l = 1; l <= depth; l++) {
                long size = (long) capacity * arch.width(l);
                u[l] = memory.floats(size, "U^" + l);
                h[l] = memory.floats(size, "H^" + l);
                g[l] = memory.floats(size, "grad U^" + l);
            }
            x = memory.floats((long) capacity * arch.inputs(), "batch X");
            if (classification) {
                labels = memory.ints(capacity, "batch labels");
            } else {
                targets = memory.floats((long) capacity * arch.outputs(), "batch D");
            }
        } catch (RuntimeException e) {
            new RowBuffers(memory, arch, capacity, u, h, g, x, targets, labels).freeAll(e);
            throw e;
        }
        return new RowBuffers(memory, arch, capacity, u, h, g, x, targets, labels);
    }

    /** Frees every buffer; the first failure is thrown once all were tried. */
    void free() {
        freeAll(null);
    }

    private void freeAll(RuntimeException cause) {
        Cleanup steps = new Cleanup();
        for (int l = 1; l < u.length; l++) {
            long size = (long) capacity * arch.width(l) * Float.BYTES;
            long ul = u[l];
            long hl = h[l];
            long gl = g[l];
            steps.run(() -> memory.free(ul, size));
            steps.run(() -> memory.free(hl, size));
            steps.run(() -> memory.free(gl, size));
        }
        steps.run(() -> memory.free(x, (long) capacity * arch.inputs() * Float.BYTES));
        steps.run(() -> memory.free(targets, (long) capacity * arch.outputs() * Float.BYTES));
        steps.run(() -> memory.free(labels, (long) capacity * Integer.BYTES));
        if (cause != null) {
            steps.suppressInto(cause);
        } else {
            steps.rethrow();
        }
    }
}
