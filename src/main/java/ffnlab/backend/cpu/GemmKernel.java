package ffnlab.backend.cpu;

/**
 * One single-threaded GEMM on sub-matrices of row-major float arrays:
 * C = alpha op(A) op(B) + beta C, op(A) m x k, op(B) k x n, C m x n, with leading dimensions (row strides)
 * and offsets so that a block of columns of C is one call. With beta = 0 the previous C is ignored.
 *
 * <p>A kernel is deterministic: the same call on the same inputs gives the same bits, whichever thread
 * makes it. Parallelism lives above it ({@link WorkerTeam}, {@link ColumnBlocks}).
 */
sealed interface GemmKernel permits OpenBlasGemm, LoopGemm {

    /**
     * @param a A, stored m x k (k x m when {@code transA}) from {@code aOffset} with row stride {@code lda}
     * @param b B, stored k x n (n x k when {@code transB}) from {@code bOffset} with row stride {@code ldb}
     * @param c C, m x n from {@code cOffset} with row stride {@code ldc}
     */
    void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
              float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
              float beta, float[] c, int cOffset, int ldc);

    /** For logs and the benchmark table: "openblas 0.3.31" or "java loops". */
    String name();

    /**
     * Products of at most this many multiply-adds (m n k) go to {@link LoopGemm}. Measured (benchmark,
     * one thread, ns per call, loops | OpenBLAS through FFM): 1x1x1 40 | 96, 4x4x4 138 | 184, 8x8x8 412 | 83,
     * 32x1x64 1217 | 185, 32x64x8 9702 | 408. OpenBLAS's fixed cost is about 0.1 us, and C2 does not
     * vectorise the loops (it cannot rule out that C aliases A or B), so the loops win only below a few
     * hundred multiply-adds.
     */
    long SMALL_PRODUCT = 256;

    /** The kernel for a product of this shape: loops for tiny products, OpenBLAS (when it loads) otherwise. */
    static GemmKernel forShape(long m, long n, long k) {
        if (m * n * k <= SMALL_PRODUCT) {
            return LoopGemm.INSTANCE;
        }
        return OpenBlasGemm.instance().map(g -> (GemmKernel) g).orElse(LoopGemm.INSTANCE);
    }
}
