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
     * Products of at most this many multiply-adds (m n k) go to {@link LoopGemm}: below it a native call's
     * fixed cost (packing, dispatch, about a microsecond) exceeds the arithmetic. Measured on the W2 shapes
     * ([8, 64, 1] at batch 32), see the benchmark note.
     */
    long SMALL_PRODUCT = 32 * 1024;

    /** The kernel for a product of this shape: loops for tiny products, OpenBLAS (when it loads) otherwise. */
    static GemmKernel forShape(long m, long n, long k) {
        if (m * n * k <= SMALL_PRODUCT) {
            return LoopGemm.INSTANCE;
        }
        return OpenBlasGemm.instance().map(g -> (GemmKernel) g).orElse(LoopGemm.INSTANCE);
    }
}
