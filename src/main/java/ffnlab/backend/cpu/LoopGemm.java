package ffnlab.backend.cpu;

/**
 * GEMM in plain Java loops, in the orders the JIT vectorises: for op(B) = B the i-t-j order (a row of C
 * accumulates alpha a_it times row t of B, stride 1), for op(B) = B^T dot products of rows. Accumulates in
 * float in a fixed order, so results are deterministic. Used for tiny products (W2's [8, 64, 1]) where a
 * native call costs more than the arithmetic, and as the fallback when OpenBLAS does not load.
 */
final class LoopGemm implements GemmKernel {
    static final LoopGemm INSTANCE = new LoopGemm();

    private LoopGemm() {
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                     float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                     float beta, float[] c, int cOffset, int ldc) {
        for (int i = 0; i < m; i++) {
            int ci = cOffset + i * ldc;
            if (beta == 0f) {
                for (int j = 0; j < n; j++) {
                    c[ci + j] = 0f;
                }
            } else if (beta != 1f) {
                for (int j = 0; j < n; j++) {
                    c[ci + j] *= beta;
                }
            }
            if (transB) {
                for (int j = 0; j < n; j++) {
                    int bj = bOffset + j * ldb;
                    float sum = 0f;
                    for (int t = 0; t < k; t++) {
                        float ait = transA ? a[aOffset + t * lda + i] : a[aOffset + i * lda + t];
                        sum += ait * b[bj + t];
                    }
                    c[ci + j] += alpha * sum;
                }
            } else {
                for (int t = 0; t < k; t++) {
                    float ait = alpha * (transA ? a[aOffset + t * lda + i] : a[aOffset + i * lda + t]);
                    int bt = bOffset + t * ldb;
                    for (int j = 0; j < n; j++) {
                        c[ci + j] += ait * b[bt + j];
                    }
                }
            }
        }
    }

    @Override
    public String name() {
        return "java loops";
    }
}
