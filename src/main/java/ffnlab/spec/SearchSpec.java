package ffnlab.spec;

import java.util.List;

/**
 * A search over a sweep's space: trials proposed round by round, each round decided only from the finished trials of
 * earlier rounds (never from timing), so the same file gives the same trials on any machine and thread count. The
 * value of a configuration is the mean of {@link #metric} over its seeds.
 */
public sealed interface SearchSpec {
    /** The summary.yaml quantities a search may rank by; accuracies are maximised, everything else minimised. */
    List<String> METRICS = List.of("final_test_mse", "final_test_mse_orig", "final_test_loss", "final_test_accuracy",
            "best_test_mse", "best_test_accuracy", "final_train_loss", "final_train_mse", "final_train_accuracy");

    /** The summary.yaml key ranked by. */
    String metric();

    /** Where the search's section was written. */
    Mark mark();

    /** Whether a larger value of {@link #metric} is better. */
    default boolean maximise() {
        return metric().endsWith("accuracy");
    }

    /**
     * {@code sweep: {halving: {...}, grid|zip|list|random|derived|constraints: ...}}: successive halving over the space
     * the other sweep kinds define. Rung r trains every survivor with {@code budgetKey = rungs[r]}; after each rung the
     * best {@code keepNumerator / keepDenominator} of the configurations (at least one) go on to the next. With
     * {@code brackets} above one it is Hyperband (Li et al. 2018): bracket b is successive halving that starts at rung b
     * with {@link #bracketSize} configurations of the space drawn from {@code seed}; bracket 0 is the whole space.
     */
    record Halving(String metric, String budgetKey, List<Long> rungs, long keepNumerator, long keepDenominator, int brackets,
                   long seed, Mark mark) implements SearchSpec {
        public Halving {
            rungs = List.copyOf(rungs);
            if (brackets < 1 || brackets > rungs.size()) {
                throw new IllegalArgumentException("brackets must be between 1 and the number of rungs, " + rungs.size() + ": " + brackets);
            }
        }

        /** Plain successive halving: one bracket. */
        public Halving(String metric, String budgetKey, List<Long> rungs, long keepNumerator, long keepDenominator, Mark mark) {
            this(metric, budgetKey, rungs, keepNumerator, keepDenominator, 1, 0, mark);
        }

        /** Whether it is Hyperband (more than one bracket). */
        public boolean hyperband() {
            return brackets > 1;
        }

        /**
         * How many of a space of {@code space} configurations bracket {@code b} starts with, at rung b:
         * min(space, ceil(space x K / (K - b) x keep^b)) for K rungs. With space = eta^(K-1) and keep = 1/eta this is
         * Li et al.'s n = ceil((s_max + 1) / (s + 1) x eta^s) for s = K - 1 - b, so every bracket spends about the
         * same budget.
         */
        public int bracketSize(int space, int b) {
            int k = rungs.size();
            java.math.BigInteger num = java.math.BigInteger.valueOf(space).multiply(java.math.BigInteger.valueOf(k))
                    .multiply(java.math.BigInteger.valueOf(keepNumerator).pow(b));
            java.math.BigInteger den = java.math.BigInteger.valueOf(k - b).multiply(java.math.BigInteger.valueOf(keepDenominator).pow(b));
            java.math.BigInteger[] qr = num.divideAndRemainder(den);
            java.math.BigInteger ceil = qr[1].signum() == 0 ? qr[0] : qr[0].add(java.math.BigInteger.ONE);
            return ceil.min(java.math.BigInteger.valueOf(space)).max(java.math.BigInteger.ONE).intValueExact();
        }

        /** How many of {@code n} configurations go on to the next rung: floor(n x keep), at least one. */
        public int survivors(int n) {
            return (int) Math.max(1, n * keepNumerator / keepDenominator);
        }
    }

    /**
     * {@code sweep: {tpe: {trials, startup, batch, seed, metric, gamma, candidates, params}}}: the tree-structured Parzen
     * estimator (Bergstra et al. 2011) over {@code params}, written like a random sweep's. {@code trials} configurations
     * are proposed in rounds of {@code batch}; the first {@code startup} are drawn from the prior.
     */
    record Tpe(String metric, int trials, int startup, int batch, long seed, double gamma, int candidates,
               List<SweepAxis.Distribution> params, Mark mark) implements SearchSpec {
        public Tpe {
            params = List.copyOf(params);
        }
    }
}
