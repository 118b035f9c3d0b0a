package ffnlab.backend.gpu;

/**
 * A row-major product C = op(A) op(B) (C is m x n, op(A) m x k, op(B) k x n) expressed as cuBLAS's
 * column-major SGEMM. A row-major matrix read column-major is its transpose, so the product is computed as
 * C^T = op(B)^T op(A)^T: cuBLAS gets B first, the dimensions n, m, k, and each matrix's row length as its
 * leading dimension. For example U = H W (P x n_l = (P x n_{l-1}) (n_{l-1} x n_l)) becomes
 * {@code sgemm(N, N, n_l, P, n_{l-1}, W, n_l, H, n_{l-1}, U, n_l)}.
 *
 * @param opA cuBLAS's first operand's operation (applies to the row-major B)
 * @param opB cuBLAS's second operand's operation (applies to the row-major A)
 * @param m   cuBLAS's m: the row-major C's columns
 * @param n   cuBLAS's n: the row-major C's rows
 * @param k   the inner dimension
 * @param lda leading dimension of cuBLAS's first operand (the row-major B)
 * @param ldb leading dimension of cuBLAS's second operand (the row-major A)
 * @param ldc leading dimension of C: its row length
 */
record ColumnMajorGemm(int opA, int opB, int m, int n, int k, int lda, int ldb, int ldc) {

    /**
     * The cuBLAS call for row-major C (m x n) = op(A) op(B): A stored m x k (k x m when {@code transA}),
     * B stored k x n (n x k when {@code transB}).
     */
    static ColumnMajorGemm ofRowMajor(boolean transA, boolean transB, int m, int n, int k) {
        if (m <= 0 || n <= 0 || k <= 0) {
            throw new IllegalArgumentException("gemm needs positive dimensions, got m " + m + ", n " + n + ", k " + k);
        }
        return new ColumnMajorGemm(transB ? Cublas.OP_T : Cublas.OP_N, transA ? Cublas.OP_T : Cublas.OP_N,
                n, m, k, transB ? k : n, transA ? m : k, n);
    }

    @Override
    public String toString() {
        return (opA == Cublas.OP_T ? "T" : "N") + (opB == Cublas.OP_T ? "T" : "N") + " m=" + m + " n=" + n + " k=" + k;
    }
}
