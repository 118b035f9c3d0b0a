package ffnlab.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * The chapter's batch-form forward and backward propagation, written out in double precision with plain
 * {@code double[][]} matrices so it can be read beside the chapter. It is the mathematical oracle: gradient
 * checks compare it with finite differences, and the float backends are compared with it.
 *
 * <pre>
 *   U^1 = X W^1 + B^1,  H^l = f^l(U^l),  U^{l+1} = H^l W^{l+1} + B^{l+1},  Y = f^L(U^L)
 *   grad_{U^L} J = -(D - Y)          (linear output, squared error)
 *                = -(K - f(U^L))     (softmax output, cross-entropy)
 *                = Y . (Z - K - ((Y . (Z - K)) 1_K) 1_K^T),  Z = f(Y)   (the double softmax, see {@link Loss})
 *   grad_{U^l} J = (grad_{U^{l+1}} J) (W^{l+1})^T . f^l'(U^l)      (D)
 *   grad_{W^l} J = (H^{l-1})^T grad_{U^l} J,   grad_{b^l} J = (grad_{U^l} J)^T 1_P
 * </pre>
 * The {@link Reduction} scales grad_{U^L} J (and so every gradient) by 1 (sum) or by PyTorch's mean factor.
 */
public final class Backpropagation {
    private final Architecture architecture;
    private final Loss loss;
    private final Reduction reduction;

    public Backpropagation(Architecture architecture, Loss loss, Reduction reduction) {
        loss.requireAccepts(architecture.output());
        this.architecture = architecture;
        this.loss = loss;
        this.reduction = reduction;
    }

    /**
     * Forward propagation of a batch.
     *
     * @param u U^l for l = 1..L (index l-1), each P x n_l
     * @param h H^l for l = 0..L (index l), H^0 = X, H^L = Y
     */
    public record Forward(List<double[][]> u, List<double[][]> h) {
        /** Y = f^L(U^L), P x K. */
        public double[][] y() {
            return h.getLast();
        }

        /** U^l, l = 1..L. */
        public double[][] u(int l) {
            return u.get(l - 1);
        }

        /** H^l, l = 0..L. */
        public double[][] h(int l) {
            return h.get(l);
        }
    }

    /**
     * The gradients dJ/dtheta of a batch.
     *
     * @param gradU grad_{U^l} J for l = 1..L (index l-1), P x n_l
     * @param gradW grad_{W^l} J, n_{l-1} x n_l
     * @param gradB grad_{b^l} J, n_l
     */
    public record Gradients(List<double[][]> gradU, List<double[][]> gradW, List<double[]> gradB) {
        public double[][] gradU(int l) {
            return gradU.get(l - 1);
        }

        public double[][] gradW(int l) {
            return gradW.get(l - 1);
        }

        public double[] gradB(int l) {
            return gradB.get(l - 1);
        }
    }

    /** Forward propagation: U^l = H^{l-1} W^l + B^l, H^l = f^l(U^l). */
    public Forward forward(List<double[][]> w, List<double[]> b, double[][] x) {
        List<double[][]> us = new ArrayList<>();
        List<double[][]> hs = new ArrayList<>();
        hs.add(x);
        double[][] h = x;
        for (int l = 1; l <= architecture.depth(); l++) {
            double[][] u = addRow(multiply(h, w.get(l - 1)), b.get(l - 1));
            h = activate(architecture.activation(l), u);
            us.add(u);
            hs.add(h);
        }
        return new Forward(us, hs);
    }

    /**
     * J of a batch under this loss and reduction. {@code d} holds the targets D (for the cross-entropies the
     * one-hot K).
     */
    public double cost(Forward f, double[][] d) {
        double raw = 0;
        double[][] y = f.y();
        double[][] u = f.u(architecture.depth());
        for (int p = 0; p < y.length; p++) {
            raw += switch (loss) {
                case SQUARED_ERROR -> {
                    double sum = 0;
                    for (int k = 0; k < y[p].length; k++) {
                        double e = d[p][k] - y[p][k];
                        sum += e * e;
                    }
                    yield sum;
                }
                case CROSS_ENTROPY -> crossEntropyOfLogits(u[p], d[p]);
                case DOUBLE_SOFTMAX_CROSS_ENTROPY -> crossEntropyOfLogits(y[p], d[p]);
            };
        }
        return reduction.reduce(loss, raw, y.length, architecture.outputs());
    }

    /** -sum_k d_k log softmax(logits)_k, by log-sum-exp. */
    private static double crossEntropyOfLogits(double[] logits, double[] d) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logits) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : logits) {
            sum += Math.exp(v - max);
        }
        double logSumExp = max + Math.log(sum);
        double raw = 0;
        for (int k = 0; k < logits.length; k++) {
            raw -= d[k] * (logits[k] - logSumExp);
        }
        return raw;
    }

    /** Backward propagation of the batch's gradients, output layer first. */
    public Gradients backward(List<double[][]> w, Forward f, double[][] d) {
        int depth = architecture.depth();
        int rows = f.y().length;
        double scale = reduction.gradientScale(loss, rows, architecture.outputs());
        double[][][] gradU = new double[depth][][];
        // Output layer: the chapter's grad_{U^L} J = -(D - Y) (times f'(U^L) for a sigmoid output), or the
        // double softmax's y . (z - k - (y^T (z - k)) 1) (see Loss).
        double[][] y = f.y();
        double[][] g = new double[rows][];
        for (int p = 0; p < rows; p++) {
            g[p] = loss == Loss.DOUBLE_SOFTMAX_CROSS_ENTROPY ? doubleSoftmaxGradient(y[p], d[p]) : chapterGradient(y[p], d[p]);
            for (int k = 0; k < g[p].length; k++) {
                g[p][k] *= scale;
            }
        }
        gradU[depth - 1] = g;
        // Hidden layers, equation (D): grad_{U^l} J = (grad_{U^{l+1}} J) (W^{l+1})^T . f^l'(U^l).
        for (int l = depth - 1; l >= 1; l--) {
            double[][] back = multiply(gradU[l], transpose(w.get(l)));
            double[][] h = f.h(l);
            Activation act = architecture.activation(l);
            for (int p = 0; p < rows; p++) {
                for (int j = 0; j < back[p].length; j++) {
                    back[p][j] *= act.derivativeFromOutput(h[p][j]);
                }
            }
            gradU[l - 1] = back;
        }
        List<double[][]> gradW = new ArrayList<>();
        List<double[]> gradB = new ArrayList<>();
        for (int l = 1; l <= depth; l++) {
            gradW.add(multiply(transpose(f.h(l - 1)), gradU[l - 1]));   // (H^{l-1})^T grad_{U^l} J
            gradB.add(columnSums(gradU[l - 1]));                         // (grad_{U^l} J)^T 1_P
        }
        return new Gradients(List.of(gradU), gradW, gradB);
    }

    /** -(d - y) of one pattern, times f'(u) = y (1 - y) for a sigmoid output. */
    private double[] chapterGradient(double[] y, double[] d) {
        double[] g = new double[y.length];
        for (int k = 0; k < y.length; k++) {
            g[k] = -(d[k] - y[k]);
            if (architecture.output() == Activation.SIGMOID) {
                g[k] *= Activation.SIGMOID.derivativeFromOutput(y[k]);
            }
        }
        return g;
    }

    /** grad_u J = y . (grad_y J - (y^T grad_y J) 1) with grad_y J = z - k, z = f(y), of one pattern. */
    private static double[] doubleSoftmaxGradient(double[] y, double[] k) {
        double[] z = activate(Activation.SOFTMAX, new double[][] {y})[0];
        double[] gradY = new double[y.length];
        double yDotGradY = 0;
        for (int j = 0; j < y.length; j++) {
            gradY[j] = z[j] - k[j];
            yDotGradY += y[j] * gradY[j];
        }
        double[] g = new double[y.length];
        for (int j = 0; j < y.length; j++) {
            g[j] = y[j] * (gradY[j] - yDotGradY);
        }
        return g;
    }

    /** Plain GD step: theta <- theta - alpha grad_theta J, in place. */
    public static void descend(List<double[][]> w, List<double[]> b, Gradients g, double alpha) {
        for (int l = 0; l < w.size(); l++) {
            double[][] wl = w.get(l);
            double[][] gw = g.gradW().get(l);
            for (int i = 0; i < wl.length; i++) {
                for (int j = 0; j < wl[i].length; j++) {
                    wl[i][j] -= alpha * gw[i][j];
                }
            }
            double[] bl = b.get(l);
            double[] gb = g.gradB().get(l);
            for (int j = 0; j < bl.length; j++) {
                bl[j] -= alpha * gb[j];
            }
        }
    }

    static double[][] activate(Activation f, double[][] u) {
        double[][] h = new double[u.length][];
        for (int p = 0; p < u.length; p++) {
            h[p] = new double[u[p].length];
            if (f == Activation.SOFTMAX) {
                double max = Double.NEGATIVE_INFINITY;
                for (double v : u[p]) {
                    max = Math.max(max, v);
                }
                double sum = 0;
                for (int k = 0; k < u[p].length; k++) {
                    h[p][k] = Math.exp(u[p][k] - max);
                    sum += h[p][k];
                }
                for (int k = 0; k < u[p].length; k++) {
                    h[p][k] /= sum;
                }
            } else {
                for (int k = 0; k < u[p].length; k++) {
                    h[p][k] = f.apply(u[p][k]);
                }
            }
        }
        return h;
    }

    /** A B for A (m x k), B (k x n). */
    public static double[][] multiply(double[][] a, double[][] b) {
        int m = a.length;
        int k = b.length;
        int n = b[0].length;
        double[][] c = new double[m][n];
        for (int i = 0; i < m; i++) {
            if (a[i].length != k) {
                throw new IllegalArgumentException("shape mismatch: " + a[i].length + " vs " + k);
            }
            for (int t = 0; t < k; t++) {
                double ait = a[i][t];
                for (int j = 0; j < n; j++) {
                    c[i][j] += ait * b[t][j];
                }
            }
        }
        return c;
    }

    public static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    static double[][] addRow(double[][] a, double[] row) {
        for (double[] r : a) {
            for (int j = 0; j < r.length; j++) {
                r[j] += row[j];
            }
        }
        return a;
    }

    static double[] columnSums(double[][] a) {
        double[] s = new double[a[0].length];
        for (double[] r : a) {
            for (int j = 0; j < r.length; j++) {
                s[j] += r[j];
            }
        }
        return s;
    }

    /** W^l of {@code p} as double[][] (l = 1..L). */
    public static List<double[][]> weightsOf(Parameters p) {
        List<double[][]> w = new ArrayList<>();
        Architecture a = p.architecture();
        for (int l = 1; l <= a.depth(); l++) {
            w.add(Matrices.toDouble(p.weights(l), a.width(l - 1), a.width(l)));
        }
        return w;
    }

    /** b^l of {@code p} as double[] (l = 1..L). */
    public static List<double[]> biasesOf(Parameters p) {
        List<double[]> b = new ArrayList<>();
        for (int l = 1; l <= p.architecture().depth(); l++) {
            float[] src = p.biases(l);
            double[] d = new double[src.length];
            for (int j = 0; j < src.length; j++) {
                d[j] = src[j];
            }
            b.add(d);
        }
        return b;
    }
}
