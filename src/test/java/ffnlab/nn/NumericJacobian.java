package ffnlab.nn;

import java.util.function.Function;

/**
 * The Jacobian dy/dx of y = f(x) by central differences, in double precision:
 * J[k][i] = (f_k(x + h e_i) - f_k(x - h e_i)) / (2h). Row k is output y_k, column i is input x_i,
 * as the chapter writes it (K x n).
 */
public final class NumericJacobian {
    private final double step;

    /** @param step h; about 1e-5 balances truncation against rounding for smooth functions in double. */
    public NumericJacobian(double step) {
        if (!(step > 0)) {
            throw new IllegalArgumentException("step must be positive, got " + step);
        }
        this.step = step;
    }

    public NumericJacobian() {
        this(1e-5);
    }

    public double[][] at(Function<double[], double[]> f, double[] x) {
        double[] probe = x.clone();
        int n = x.length;
        double[][] columns = new double[n][];
        int outputs = -1;
        for (int i = 0; i < n; i++) {
            probe[i] = x[i] + step;
            double[] plus = f.apply(probe);
            probe[i] = x[i] - step;
            double[] minus = f.apply(probe);
            probe[i] = x[i];
            if (outputs < 0) {
                outputs = plus.length;
            }
            double[] col = new double[outputs];
            for (int k = 0; k < outputs; k++) {
                col[k] = (plus[k] - minus[k]) / (2 * step);
            }
            columns[i] = col;
        }
        double[][] jacobian = new double[Math.max(outputs, 0)][n];
        for (int k = 0; k < outputs; k++) {
            for (int i = 0; i < n; i++) {
                jacobian[k][i] = columns[i][k];
            }
        }
        return jacobian;
    }

    /** The gradient of a scalar function J(x): the single row of the Jacobian, as a vector. */
    public double[] gradient(java.util.function.ToDoubleFunction<double[]> j, double[] x) {
        return at(v -> new double[] {j.applyAsDouble(v)}, x)[0];
    }
}
