package ffnlab.nn;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * Builds a binary file in memory: integers, floats and doubles little-endian, text as an int32 byte count and UTF-8,
 * and {@link #finish} appends the CRC-32C of everything before it (little-endian int32). The formats of
 * {@link ParametersFile} and the training checkpoints are written with it and read with {@link LittleEndianInput}.
 */
public final class LittleEndianOutput {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ByteBuffer scratch = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);

    public LittleEndianOutput ascii(String magic) {
        bytes.writeBytes(magic.getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    public LittleEndianOutput int32(int v) {
        bytes.write(scratch.clear().putInt(v).array(), 0, Integer.BYTES);
        return this;
    }

    public LittleEndianOutput int64(long v) {
        bytes.write(scratch.clear().putLong(v).array(), 0, Long.BYTES);
        return this;
    }

    public LittleEndianOutput float64(double v) {
        return int64(Double.doubleToRawLongBits(v));
    }

    public LittleEndianOutput float32s(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        bytes.writeBytes(b.array());
        return this;
    }

    public LittleEndianOutput int32s(int[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asIntBuffer().put(values);
        bytes.writeBytes(b.array());
        return this;
    }

    public LittleEndianOutput text(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        int32(utf8.length);
        bytes.writeBytes(utf8);
        return this;
    }

    /** The bytes written, followed by their CRC-32C. */
    public byte[] finish() {
        CRC32C crc = new CRC32C();
        byte[] body = bytes.toByteArray();
        crc.update(body);
        int32((int) crc.getValue());
        return bytes.toByteArray();
    }
}
