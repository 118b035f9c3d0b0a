package ffnlab.nn;

import java.util.Arrays;

/**
 * The binary format of trained parameters ({@code parameters.bin}), for networks too large for parameters.csv.
 * All numbers little-endian:
 * <pre>
 *   8 bytes   magic "FFNLPARM"
 *   int32     version (1)
 *   int32     L, the number of layers
 *   int32 x (L+1)  widths n_0 .. n_L
 *   text      hidden activation key (int32 byte count, UTF-8), e.g. "relu"
 *   text      output activation key, e.g. "softmax"
 *   block     the parameters: for l = 1..L, W^l as float32 row-major n_{l-1} x n_l, then b^l as float32 x n_l
 *   int32     CRC-32C of every byte before it
 * </pre>
 * The block is the one the training checkpoints use for parameters and optimiser buffers ({@link #writeBlock}).
 */
public final class ParametersFile {
    public static final String MAGIC = "FFNLPARM";
    public static final int VERSION = 1;
    /** More layers than any network this framework trains: a larger count is a damaged file. */
    private static final int MAX_LAYERS = 1024;

    private ParametersFile() {
    }

    public static byte[] write(Parameters p) {
        LittleEndianOutput out = new LittleEndianOutput().ascii(MAGIC).int32(VERSION);
        Architecture a = p.architecture();
        writeShape(out, a);
        out.text(a.hidden().key()).text(a.output().key());
        writeBlock(out, p);
        return out.finish();
    }

    /** Reads {@link #write}'s bytes; {@code file} names the file in a {@link CorruptFileException}. */
    public static Parameters read(String file, byte[] bytes) {
        LittleEndianInput in = new LittleEndianInput(file, bytes, MAGIC);
        int version = in.int32();
        if (version != VERSION) {
            throw new CorruptFileException(file, "version " + version + ", this build reads version " + VERSION);
        }
        int[] widths = readShape(in);
        Architecture a;
        try {
            a = new Architecture(widths, Activation.parse(in.text()), Activation.parse(in.text()));
        } catch (IllegalArgumentException e) {
            throw new CorruptFileException(file, e.getMessage());
        }
        Parameters p = readBlock(in, a);
        in.end();
        return p;
    }

    /** L and the widths n_0 .. n_L. */
    public static void writeShape(LittleEndianOutput out, Architecture a) {
        out.int32(a.depth()).int32s(a.widths());
    }

    /** The widths {@link #writeShape} wrote, each at least 1. */
    public static int[] readShape(LittleEndianInput in) {
        int depth = in.int32("layer count", 1, MAX_LAYERS);
        int[] widths = in.int32s(depth + 1);
        if (Arrays.stream(widths).anyMatch(w -> w < 1)) {
            throw new CorruptFileException(in.file(), "a layer width below 1 in " + Arrays.toString(widths));
        }
        return widths;
    }

    /** W^1, b^1, ..., W^L, b^L as float32. */
    public static void writeBlock(LittleEndianOutput out, Parameters p) {
        for (int l = 1; l <= p.architecture().depth(); l++) {
            out.float32s(p.weights(l)).float32s(p.biases(l));
        }
    }

    /** A block of {@code architecture}'s shapes. */
    public static Parameters readBlock(LittleEndianInput in, Architecture architecture) {
        if (architecture.parameterCount() * Float.BYTES > in.remaining()) {
            throw new CorruptFileException(in.file(), "truncated: " + architecture + " needs "
                    + architecture.parameterCount() * Float.BYTES + " bytes of parameters, " + in.remaining() + " remain");
        }
        Parameters p = new Parameters(architecture);
        for (int l = 1; l <= architecture.depth(); l++) {
            in.float32s(p.weights(l));
            in.float32s(p.biases(l));
        }
        return p;
    }
}
