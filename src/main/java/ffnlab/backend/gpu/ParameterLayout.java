package ffnlab.backend.gpu;

import ffnlab.nn.Architecture;
import ffnlab.nn.Parameters;

/**
 * Where each W^l and b^l lives in one flat float vector: W^1 (n_0 x n_1, row-major), b^1 (n_1), W^2, b^2, ...
 * The device keeps parameters, gradients and optimiser state in this layout, so one optimiser kernel
 * updates the whole network per step.
 */
final class ParameterLayout {
    private final Architecture architecture;
    private final long[] weightOffset;
    private final long[] biasOffset;
    private final long size;

    ParameterLayout(Architecture architecture) {
        this.architecture = architecture;
        int depth = architecture.depth();
        weightOffset = new long[depth + 1];
        biasOffset = new long[depth + 1];
        long offset = 0;
        for (int l = 1; l <= depth; l++) {
            weightOffset[l] = offset;
            offset += (long) architecture.width(l - 1) * architecture.width(l);
            biasOffset[l] = offset;
            offset += architecture.width(l);
        }
        size = offset;
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(architecture + " has " + size + " parameters, more than one flat float array holds");
        }
    }

    /** Total number of floats: sum_l (n_{l-1} + 1) n_l. */
    int size() {
        return (int) size;
    }

    /** Offset of W^l, in floats. */
    long weights(int l) {
        return weightOffset[l];
    }

    /** Offset of b^l, in floats. */
    long biases(int l) {
        return biasOffset[l];
    }

    /** The parameters as one flat vector in this layout. */
    float[] pack(Parameters p) {
        if (!p.architecture().equals(architecture)) {
            throw new IllegalArgumentException("parameters of " + p.architecture() + " do not fit the layout of " + architecture);
        }
        float[] flat = new float[size()];
        for (int l = 1; l <= architecture.depth(); l++) {
            System.arraycopy(p.weights(l), 0, flat, (int) weightOffset[l], p.weights(l).length);
            System.arraycopy(p.biases(l), 0, flat, (int) biasOffset[l], p.biases(l).length);
        }
        return flat;
    }

    /** A flat vector in this layout as parameters. */
    Parameters unpack(float[] flat) {
        if (flat.length != size) {
            throw new IllegalArgumentException("flat vector has " + flat.length + " values, the layout " + size);
        }
        Parameters p = new Parameters(architecture);
        for (int l = 1; l <= architecture.depth(); l++) {
            System.arraycopy(flat, (int) weightOffset[l], p.weights(l), 0, p.weights(l).length);
            System.arraycopy(flat, (int) biasOffset[l], p.biases(l), 0, p.biases(l).length);
        }
        return p;
    }
}
