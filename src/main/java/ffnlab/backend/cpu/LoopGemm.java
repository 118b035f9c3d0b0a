package ffnlab.backend.cpu;

/**
 * GEMM in plain Java loops, each case in the order the JIT vectorises (inner loops of stride 1 over a row
 * of C): op(A) op(B) = A B as rows of C accumulating a_it times row t of B; A^T B (the weight gradient
 * H^T G) the same with A read by rows; A B^T (the backpropagated G W^T) as dot products of rows, or, for a
 * short k, as strided updates. Accumulates in float in a fixed order, so results are deterministic. Used
 * for tiny products (W2's [8, 64, 1]) where a native call costs more than the arithmetic, and as the
 * fallback when OpenBLAS does not load.
 */
final class LoopGemm implements GemmKernel {
    static final LoopGemm INSTANCE = new LoopGemm();
    /** Below this k, A B^T is done as k strided row updates instead of m n dot products of length k. */
    private static final int SHORT_K = 8;

    private LoopGemm() {
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                     float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                     float beta, float[] c, int cOffset, int ldc) {
        scale(m, n, beta, c, cOffset, ldc);
        if (!transB) {
            if (transA) {
                transposedTimes(m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, c, cOffset, ldc);
            } else {
                times(m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, c, cOffset, ldc);
            }
        } else if (!transA && k < SHORT_K) {
            timesTransposedShort(m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, c, cOffset, ldc);
        } else {
            dots(transA, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, c, cOffset, ldc);
        }
    }

    /** C = beta C, with beta = 0 overwriting (NaN included). */
    private static void scale(int m, int n, float beta, float[] c, int cOffset, int ldc) {
        if (beta == 1f) {
            return;
        }
        for (int i = 0; i < m; i++) {
            int ci = cOffset + i * ldc;
            if (beta == 0f) {
                java.util.Arrays.fill(c, ci, ci + n, 0f);
            } else {
                for (int j = 0; j < n; j++) {
                    c[ci + j] *= beta;
                }
            }
        }
    }

    /** C += alpha A B: C[i, :] += (alpha a_it) B[t, :]. */
    private static void times(int m, int n, int k, float alpha, float[] a, int aOffset, int lda,
                              float[] b, int bOffset, int ldb, float[] c, int cOffset, int ldc) {
        if (n == 1 && ldb == 1) {
            for (int i = 0; i < m; i++) {
                c[cOffset + i * ldc] += alpha * dot(a, aOffset + i * lda, b, bOffset, k);
            }
            return;
        }
        for (int i = 0; i < m; i++) {
            int ci = cOffset + i * ldc;
            int ai = aOffset + i * lda;
            for (int t = 0; t < k; t++) {
                float ait = alpha * a[ai + t];
                int bt = bOffset + t * ldb;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += ait * b[bt + j];
                }
            }
        }
    }

    /** C += alpha A^T B with A stored k x m: C[i, :] += (alpha a_ti) B[t, :], t outermost (A and B read by rows). */
    private static void transposedTimes(int m, int n, int k, float alpha, float[] a, int aOffset, int lda,
                                        float[] b, int bOffset, int ldb, float[] c, int cOffset, int ldc) {
        if (n == 1 && ldc == 1) {
            // one output column (a regression output layer): C[:, 0] += (alpha b_t) A[t, :], stride 1 over i
            for (int t = 0; t < k; t++) {
                float bt = alpha * b[bOffset + t * ldb];
                int at = aOffset + t * lda;
                for (int i = 0; i < m; i++) {
                    c[cOffset + i] += bt * a[at + i];
                }
            }
            return;
        }
        for (int t = 0; t < k; t++) {
            int at = aOffset + t * lda;
            int bt = bOffset + t * ldb;
            for (int i = 0; i < m; i++) {
                float ati = alpha * a[at + i];
                int ci = cOffset + i * ldc;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += ati * b[bt + j];
                }
            }
        }
    }

    /** C += alpha A B^T for short k, B stored n x k: C[i, :] += (alpha a_it) B[:, t] (stride ldb). */
    private static void timesTransposedShort(int m, int n, int k, float alpha, float[] a, int aOffset, int lda,
                                             float[] b, int bOffset, int ldb, float[] c, int cOffset, int ldc) {
        for (int i = 0; i < m; i++) {
            int ci = cOffset + i * ldc;
            int ai = aOffset + i * lda;
            for (int t = 0; t < k; t++) {
                float ait = alpha * a[ai + t];
                int bt = bOffset + t;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += ait * b[bt + j * ldb];
                }
            }
        }
    }

    /** sum_t x[xo + t] y[yo + t] with four partial sums (a fixed order, not latency-bound), then the tail. */
    private static float dot(float[] x, int xo, float[] y, int yo, int k) {
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        int t = 0;
        for (; t + 3 < k; t += 4) {
            s0 += x[xo + t] * y[yo + t];
            s1 += x[xo + t + 1] * y[yo + t + 1];
            s2 += x[xo + t + 2] * y[yo + t + 2];
            s3 += x[xo + t + 3] * y[yo + t + 3];
        }
        for (; t < k; t++) {
            s0 += x[xo + t] * y[yo + t];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** C += alpha op(A) B^T as dot products: c_ij += alpha sum_t op(A)_it b_jt. */
    private static void dots(boolean transA, int m, int n, int k, float alpha, float[] a, int aOffset, int lda,
                             float[] b, int bOffset, int ldb, float[] c, int cOffset, int ldc) {
        for (int i = 0; i < m; i++) {
            int ci = cOffset + i * ldc;
            for (int j = 0; j < n; j++) {
                int bj = bOffset + j * ldb;
                float sum;
                if (transA) {
                    sum = 0f;
                    for (int t = 0; t < k; t++) {
                        sum += a[aOffset + t * lda + i] * b[bj + t];
                    }
                } else {
                    sum = dot(a, aOffset + i * lda, b, bj, k);
                }
                c[ci + j] += alpha * sum;
            }
        }
    }

    @Override
    public String name() {
        return "java loops";
    }
}
