package ffnlab.nn;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * Reads what {@link LittleEndianOutput} wrote. The constructor checks the trailing CRC-32C over all bytes before it
 * and the magic; every read past the end, a count out of range or bytes left over is a {@link CorruptFileException}
 * naming the file.
 */
public final class LittleEndianInput {
    private final String file;
    private final ByteBuffer in;

    /**
     * @param file  the file's name, for messages
     * @param bytes the whole file
     * @param magic the ASCII magic it must start with
     */
    public LittleEndianInput(String file, byte[] bytes, String magic) {
        this.file = file;
        int magicLength = magic.length();
        if (bytes.length < magicLength + Integer.BYTES) {
            throw new CorruptFileException(file, "truncated: " + bytes.length + " bytes");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - Integer.BYTES);
        int stored = ByteBuffer.wrap(bytes, bytes.length - Integer.BYTES, Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (stored != (int) crc.getValue()) {
            throw new CorruptFileException(file, "checksum mismatch (CRC-32C of " + (bytes.length - Integer.BYTES)
                    + " bytes), the file is truncated or damaged");
        }
        this.in = ByteBuffer.wrap(bytes, 0, bytes.length - Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        byte[] head = new byte[magicLength];
        in.get(head);
        if (!new String(head, StandardCharsets.US_ASCII).equals(magic)) {
            throw new CorruptFileException(file, "not a " + magic + " file (wrong magic)");
        }
    }

    public String file() {
        return file;
    }

    private void need(long bytes) {
        if (bytes < 0 || bytes > in.remaining()) {
            throw new CorruptFileException(file, "truncated: needs " + bytes + " more bytes at offset " + in.position()
                    + ", has " + in.remaining());
        }
    }

    public int int32() {
        need(Integer.BYTES);
        return in.getInt();
    }

    /** An int32 that must lie in [min, max]; {@code what} names it in the message. */
    public int int32(String what, int min, int max) {
        int v = int32();
        if (v < min || v > max) {
            throw new CorruptFileException(file, what + " " + v + " is outside " + min + ".." + max);
        }
        return v;
    }

    public long int64() {
        need(Long.BYTES);
        return in.getLong();
    }

    public double float64() {
        return Double.longBitsToDouble(int64());
    }

    public void float32s(float[] target) {
        need((long) target.length * Float.BYTES);
        in.asFloatBuffer().get(target);
        in.position(in.position() + target.length * Float.BYTES);
    }

    public int[] int32s(int count) {
        need((long) count * Integer.BYTES);
        int[] values = new int[count];
        in.asIntBuffer().get(values);
        in.position(in.position() + count * Integer.BYTES);
        return values;
    }

    public String text() {
        int length = int32("text length", 0, in.remaining());
        byte[] utf8 = new byte[length];
        in.get(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /** Bytes left before the checksum. */
    public int remaining() {
        return in.remaining();
    }

    /** Requires that every byte before the checksum was read. */
    public void end() {
        if (in.hasRemaining()) {
            throw new CorruptFileException(file, in.remaining() + " unexpected bytes before the checksum");
        }
    }
}
