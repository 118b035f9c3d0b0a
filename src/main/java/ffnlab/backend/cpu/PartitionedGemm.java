package ffnlab.backend.cpu;

/**
 * C = alpha op(A) op(B) + beta C on whole row-major matrices, split into the fixed column blocks of
 * {@link ColumnBlocks} and run on a {@link WorkerTeam}. Each block C[:, j0:j1] = alpha op(A) op(B)[:, j0:j1]
 * + beta C[:, j0:j1] is one single-threaded kernel call, so the result is the same for every thread count.
 * The operands of the current call live in fields: a call allocates nothing.
 */
final class PartitionedGemm implements WorkerTeam.Blocks {
    private final WorkerTeam team;
    private boolean transA;
    private boolean transB;
    private int m;
    private int n;
    private int k;
    private float alpha;
    private float beta;
    private float[] a;
    private float[] b;
    private float[] c;
    private int width;
    private GemmKernel kernel;

    PartitionedGemm(WorkerTeam team) {
        this.team = team;
    }

    /** See {@link ffnlab.backend.Backend#gemm}. */
    void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, float[] b, float beta, float[] c) {
        this.transA = transA;
        this.transB = transB;
        this.m = m;
        this.n = n;
        this.k = k;
        this.alpha = alpha;
        this.beta = beta;
        this.a = a;
        this.b = b;
        this.c = c;
        this.width = ColumnBlocks.width(n, (long) m * k);
        this.kernel = GemmKernel.forShape(m, width, k);
        try {
            team.run(this, ColumnBlocks.count(n, width));
        } finally {
            this.a = null;
            this.b = null;
            this.c = null;
        }
    }

    @Override
    public void run(int block) {
        int j0 = block * width;
        int cols = Math.min(width, n - j0);
        // op(B)[:, j0:j1] is B's columns j0.. (ldb n), or B^T's: rows j0.. of the stored n x k matrix (ldb k)
        int bOffset = transB ? j0 * k : j0;
        kernel.gemm(transA, transB, m, cols, k, alpha, a, 0, transA ? m : k, b, bOffset, transB ? k : n,
                beta, c, j0, n);
    }
}
