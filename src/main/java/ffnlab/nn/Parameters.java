package ffnlab.nn;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The weights W^l (n_{l-1} x n_l, row-major, so U^l = H^{l-1} W^l + B^l) and biases b^l (n_l) of every
 * layer l = 1..L. Also used for gradients of the same shapes. Mutable storage, copied explicitly.
 */
public final class Parameters {
    private final Architecture architecture;
    private final float[][] weights;
    private final float[][] biases;

    /** All-zero parameters of the given architecture. */
    public Parameters(Architecture architecture) {
        this.architecture = architecture;
        int layers = architecture.depth();
        this.weights = new float[layers][];
        this.biases = new float[layers][];
        for (int l = 1; l <= layers; l++) {
            weights[l - 1] = new float[architecture.width(l - 1) * architecture.width(l)];
            biases[l - 1] = new float[architecture.width(l)];
        }
    }

    public Architecture architecture() {
        return architecture;
    }

    /** W^l, row-major n_{l-1} x n_l, l = 1..L; the live array. */
    public float[] weights(int l) {
        return weights[l - 1];
    }

    /** b^l, length n_l, l = 1..L; the live array. */
    public float[] biases(int l) {
        return biases[l - 1];
    }

    /** W^l[i][j], the weight from unit i of layer l-1 to unit j of layer l. */
    public float weight(int l, int i, int j) {
        return weights[l - 1][i * architecture.width(l) + j];
    }

    public Parameters copy() {
        Parameters p = new Parameters(architecture);
        copyInto(p);
        return p;
    }

    public void copyInto(Parameters target) {
        for (int l = 0; l < weights.length; l++) {
            System.arraycopy(weights[l], 0, target.weights[l], 0, weights[l].length);
            System.arraycopy(biases[l], 0, target.biases[l], 0, biases[l].length);
        }
    }

    /** Sets every weight and bias to zero. */
    public void clear() {
        for (int l = 0; l < weights.length; l++) {
            Arrays.fill(weights[l], 0f);
            Arrays.fill(biases[l], 0f);
        }
    }

    /** Whether every value is bitwise identical (NaN equals NaN). */
    public boolean bitwiseEquals(Parameters other) {
        if (!architecture.equals(other.architecture)) {
            return false;
        }
        for (int l = 0; l < weights.length; l++) {
            if (!Arrays.equals(weights[l], other.weights[l]) || !Arrays.equals(biases[l], other.biases[l])) {
                return false;
            }
        }
        return true;
    }

    /** Largest absolute difference to another parameter set of the same architecture. */
    public double maxAbsDifference(Parameters other) {
        double max = 0;
        for (int l = 0; l < weights.length; l++) {
            for (int i = 0; i < weights[l].length; i++) {
                max = Math.max(max, Math.abs(weights[l][i] - other.weights[l][i]));
            }
            for (int i = 0; i < biases[l].length; i++) {
                max = Math.max(max, Math.abs(biases[l][i] - other.biases[l][i]));
            }
        }
        return max;
    }

    /** Whether every value is finite. */
    public boolean isFinite() {
        for (int l = 0; l < weights.length; l++) {
            for (float v : weights[l]) {
                if (!Float.isFinite(v)) {
                    return false;
                }
            }
            for (float v : biases[l]) {
                if (!Float.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** SHA-256 of the raw float bits, layer by layer (W^1, b^1, W^2, ...): a fingerprint for determinism checks. */
    public String sha256() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (int l = 0; l < weights.length; l++) {
                md.update(bits(weights[l]));
                md.update(bits(biases[l]));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bits(float[] values) {
        ByteBuffer buf = ByteBuffer.allocate(values.length * Float.BYTES);
        for (float v : values) {
            buf.putInt(Float.floatToRawIntBits(v));
        }
        return buf.array();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int l = 1; l <= weights.length; l++) {
            sb.append("W^").append(l).append(" = ").append(Matrices.format(weights(l), architecture.width(l - 1), architecture.width(l)))
              .append("\nb^").append(l).append(" = ").append(Matrices.format(biases(l), 1, architecture.width(l))).append('\n');
        }
        return sb.toString();
    }
}
