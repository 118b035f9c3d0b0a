package ffnlab.data;

import ffnlab.nn.Initialiser;
import java.util.List;

/**
 * The chapter's Example 2: eight patterns mapping (x1, x2) to (d1, d2), learnt by a [2, 3, 2] network with
 * a sigmoid hidden layer and a linear output from the printed initial weights (b = c = 0), by full-batch GD
 * with alpha = 0.05 and the summed squared error.
 */
public final class ToyMapping {
    private ToyMapping() {
    }

    /** X, 8 x 2. */
    public static final double[][] X = {
        {0.77, 0.02}, {0.63, 0.75}, {0.50, 0.22}, {0.20, 0.76},
        {0.17, 0.09}, {0.69, 0.95}, {0.00, 0.51}, {0.81, 0.61},
    };

    /** D, 8 x 2. */
    public static final double[][] D = {
        {0.44, -0.42}, {0.84, 0.43}, {0.09, -0.72}, {-0.25, 0.35},
        {-0.12, -0.13}, {0.24, 0.03}, {0.30, 0.20}, {0.61, 0.04},
    };

    /** The initial hidden weights W (2 x 3). */
    public static final double[][] W0 = {{-3.97, 1.10, 0.42}, {2.79, -2.64, 3.13}};

    /** The initial output weights V (3 x 2). */
    public static final double[][] V0 = {{3.58, -1.58}, {-3.58, -1.75}, {-3.38, 2.88}};

    /** alpha. */
    public static final double LEARNING_RATE = 0.05;

    /** The chapter's initial weights with b = c = 0. */
    public static Initialiser initialiser() {
        return new Initialiser.Explicit(List.of(W0, V0), List.of(new double[3], new double[2]));
    }

    /** The eight patterns as training examples. */
    public static Examples examples() {
        float[] x = new float[16];
        float[] d = new float[16];
        for (int p = 0; p < 8; p++) {
            for (int j = 0; j < 2; j++) {
                x[p * 2 + j] = (float) X[p][j];
                d[p * 2 + j] = (float) D[p][j];
            }
        }
        return Examples.regression(8, 2, x, 2, d);
    }
}
