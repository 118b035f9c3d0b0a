package ffnlab.bench;

import ffnlab.data.Examples;
import ffnlab.nn.Activation;
import ffnlab.nn.Architecture;
import ffnlab.nn.Loss;
import java.util.SplittableRandom;

/**
 * A benchmark workload: a network shape, its loss and a synthetic training set of the real dataset's size
 * (timing does not depend on the values; synthetic data keeps the benchmark free of downloads).
 *
 * @param name     "W1" or "W2"
 * @param widths   layer widths, input first
 * @param patterns P, training patterns per epoch
 */
public record Workload(String name, int[] widths, int patterns, boolean classification) {

    /** The chapter's Fashion-MNIST network [784, 512, 512, 10], ReLU, softmax + cross-entropy, 60000 patterns. */
    public static final Workload W1 = new Workload("W1", new int[] {784, 512, 512, 10}, 60000, true);
    /** California-housing shape [8, 64, 1], ReLU, squared error, 14448 patterns. */
    public static final Workload W2 = new Workload("W2", new int[] {8, 64, 1}, 14448, false);

    public static Workload named(String name) {
        return switch (name) {
            case "W1" -> W1;
            case "W2" -> W2;
            default -> throw new IllegalArgumentException("unknown workload " + name + "; expected W1 or W2");
        };
    }

    public Architecture architecture() {
        return Architecture.of(Activation.RELU, classification ? Activation.SOFTMAX : Activation.LINEAR, widths);
    }

    public Loss loss() {
        return classification ? Loss.CROSS_ENTROPY : Loss.SQUARED_ERROR;
    }

    public int inputs() {
        return widths[0];
    }

    public int outputs() {
        return widths[widths.length - 1];
    }

    /** Multiply-adds x 2 of one epoch by the usual convention: 6 x parameters x patterns (forward 2, backward 4). */
    public double flopsPerEpoch() {
        return 6.0 * architecture().parameterCount() * patterns;
    }

    /** Inputs in [0, 1) (pixels) or standardised-like values, labels or targets, all from the seed. */
    public Examples examples(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = inputs();
        float[] x = new float[patterns * n];
        for (int i = 0; i < x.length; i++) {
            x[i] = classification ? (float) r.nextDouble() : (float) (2 * r.nextDouble() - 1);
        }
        if (classification) {
            int[] labels = new int[patterns];
            for (int p = 0; p < patterns; p++) {
                labels[p] = r.nextInt(outputs());
            }
            return Examples.classification(patterns, n, x, outputs(), labels);
        }
        float[] d = new float[patterns * outputs()];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) r.nextGaussian();
        }
        return Examples.regression(patterns, n, x, outputs(), d);
    }

    /** The epoch's order: a seeded Fisher-Yates shuffle of 0..P-1 (the same on both sides). */
    public int[] shuffledOrder(long seed) {
        int[] order = new int[patterns];
        for (int i = 0; i < patterns; i++) {
            order[i] = i;
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = patterns - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
