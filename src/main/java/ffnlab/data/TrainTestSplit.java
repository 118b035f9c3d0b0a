package ffnlab.data;

import java.util.SplittableRandom;

/**
 * A seeded random split of P rows into train and test: the rows are shuffled (Fisher-Yates from a
 * {@link SplittableRandom} seeded with the split seed), the first round(f P) shuffled rows are the test set
 * and the rest the training set, each kept in shuffled order. For housing, P = 20640 and f = 0.3 give the
 * chapter's 14448 / 6192.
 *
 * @param train row indices of the training split
 * @param test  row indices of the test split
 */
public record TrainTestSplit(int[] train, int[] test) {

    public static TrainTestSplit of(int rows, double testFraction, long seed) {
        if (!(testFraction >= 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test fraction must be in [0, 1), got " + testFraction);
        }
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = rows - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int testRows = (int) Math.round(testFraction * rows);
        return new TrainTestSplit(java.util.Arrays.copyOfRange(order, testRows, rows),
                java.util.Arrays.copyOfRange(order, 0, testRows));
    }

    /** The first {@code limit} rows of {@code indices}, or all of them when limit is 0. */
    static int[] limit(int[] indices, int limit) {
        return limit == 0 || limit >= indices.length ? indices : java.util.Arrays.copyOf(indices, limit);
    }

    @Override
    public int[] train() {
        return train.clone();
    }

    @Override
    public int[] test() {
        return test.clone();
    }
}
