package ffnlab.results;

import ffnlab.nn.Architecture;
import ffnlab.nn.Parameters;
import java.util.List;

/**
 * parameters.csv: {@code layer,kind,row,col,value} with kind W (W^l[row][col], n_{l-1} x n_l) or b
 * (b^l[col], row 0); written for networks of at most {@link #MAX_PARAMETERS} parameters.
 */
public final class ParametersCsv {
    public static final int MAX_PARAMETERS = 10_000;
    public static final String HEADER = "layer,kind,row,col,value";

    private ParametersCsv() {
    }

    public static String write(Parameters p) {
        Architecture a = p.architecture();
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (int l = 1; l <= a.depth(); l++) {
            float[] w = p.weights(l);
            for (int i = 0; i < a.width(l - 1); i++) {
                for (int j = 0; j < a.width(l); j++) {
                    b.append(l).append(",W,").append(i).append(',').append(j).append(',').append(w[i * a.width(l) + j]).append('\n');
                }
            }
            float[] bias = p.biases(l);
            for (int j = 0; j < a.width(l); j++) {
                b.append(l).append(",b,0,").append(j).append(',').append(bias[j]).append('\n');
            }
        }
        return b.toString();
    }

    /** Reads {@link #write}'s output back into parameters of {@code architecture}. */
    public static Parameters read(List<String> lines, Architecture architecture) {
        Parameters p = new Parameters(architecture);
        for (int n = 1; n < lines.size(); n++) {
            String[] f = lines.get(n).split(",");
            if (f.length != 5) {
                throw new IllegalArgumentException("parameters.csv:" + (n + 1) + ": expected layer,kind,row,col,value");
            }
            int l = Integer.parseInt(f[0]);
            int i = Integer.parseInt(f[2]);
            int j = Integer.parseInt(f[3]);
            float v = Float.parseFloat(f[4]);
            if (f[1].equals("W")) {
                p.weights(l)[i * architecture.width(l) + j] = v;
            } else {
                p.biases(l)[j] = v;
            }
        }
        return p;
    }
}
