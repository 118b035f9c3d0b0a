package ffnlab.backend.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ffnlab.backend.ReferenceBackend;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The row-major-to-column-major mapping, checked without a GPU: a literal column-major SGEMM (as cuBLAS
 * defines it) fed with the mapped arguments must give the reference backend's row-major product.
 */
class ColumnMajorGemmTest {

    /** cuBLAS's definition: C(i,j) = sum_l op(A)(i,l) op(B)(l,j), column-major with leading dimensions. */
    private static void sgemm(ColumnMajorGemm g, float[] a, float[] b, float[] c) {
        for (int i = 0; i < g.m(); i++) {
            for (int j = 0; j < g.n(); j++) {
                double sum = 0;
                for (int l = 0; l < g.k(); l++) {
                    float av = g.opA() == Cublas.OP_N ? a[i + l * g.lda()] : a[l + i * g.lda()];
                    float bv = g.opB() == Cublas.OP_N ? b[l + j * g.ldb()] : b[j + l * g.ldb()];
                    sum += (double) av * bv;
                }
                c[i + j * g.ldc()] = (float) sum;
            }
        }
    }

    private static float[] random(int n, SplittableRandom r) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return v;
    }

    @Test
    void everyTransposeCombinationMatchesTheRowMajorProduct() {
        SplittableRandom r = new SplittableRandom(3);
        int m = 7;
        int n = 5;
        int k = 11;
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                float[] a = random(m * k, r);
                float[] b = random(k * n, r);
                float[] expected = new float[m * n];
                new ReferenceBackend().gemm(ta, tb, m, n, k, 1f, a, b, 0f, expected);
                float[] actual = new float[m * n];
                // cuBLAS's first operand is the row-major B, its second the row-major A
                sgemm(ColumnMajorGemm.ofRowMajor(ta, tb, m, n, k), b, a, actual);
                assertArrayEquals(expected, actual, 1e-6f, "transA " + ta + ", transB " + tb);
            }
        }
    }

    @Test
    void forwardProductIsTheProbesCall() {
        // U (64 x 512) = H (64 x 784) W (784 x 512): sgemm(N, N, 512, 64, 784, W, 512, H, 784, U, 512)
        ColumnMajorGemm g = ColumnMajorGemm.ofRowMajor(false, false, 64, 512, 784);
        assertEquals(new ColumnMajorGemm(Cublas.OP_N, Cublas.OP_N, 512, 64, 784, 512, 784, 512), g);
    }

    @Test
    void rejectsEmptyDimensions() {
        assertThrows(IllegalArgumentException.class, () -> ColumnMajorGemm.ofRowMajor(false, false, 0, 3, 3));
    }
}
