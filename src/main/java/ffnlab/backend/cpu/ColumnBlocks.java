package ffnlab.backend.cpu;

/**
 * The fixed partition of a matrix's n columns into blocks that threads share. The partition depends only
 * on the shape (n and the work per column), never on the thread count, so every block is computed by the
 * same kernel call with the same operands whether one thread or eight run it: results are bitwise equal for
 * any number of threads.
 *
 * <p>Blocks are {@link #ALIGN}-column multiples (the vector width of an AVX-512 register of floats), at most
 * {@link #MAX_BLOCKS} of them, and none smaller than {@link #MIN_WORK} multiply-adds unless the whole
 * matrix is.
 */
final class ColumnBlocks {
    /** Block widths are multiples of 16 floats (64 bytes, one cache line). */
    static final int ALIGN = 16;
    /** Enough blocks to balance up to 8 threads; more would only shrink each GEMM. */
    static final int MAX_BLOCKS = 8;
    /** Below about 64k multiply-adds per block, a hand-off to another thread costs more than it saves. */
    static final long MIN_WORK = 64 * 1024;

    private ColumnBlocks() {
    }

    /**
     * The block width for n columns costing {@code workPerColumn} multiply-adds each.
     *
     * @return a width w, multiple of {@link #ALIGN} unless w = n; the blocks are [0, w), [w, 2w), ...
     */
    static int width(int n, long workPerColumn) {
        long perColumn = Math.max(workPerColumn, 1);
        int byWork = (int) Math.min(n, Math.max(1, MIN_WORK / perColumn));
        int byCount = (n + MAX_BLOCKS - 1) / MAX_BLOCKS;
        int w = Math.max(byWork, byCount);
        w = (w + ALIGN - 1) / ALIGN * ALIGN;
        return Math.min(w, n);
    }

    /** Number of blocks of width w over n columns. */
    static int count(int n, int width) {
        return n == 0 ? 0 : (n + width - 1) / width;
    }
}
