package ffnlab.data;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding that says where it fails: the 1-based line and column (in characters) and the
 * 0-based byte offset of the first byte that is not UTF-8, for messages such as
 * {@code file:3:7: not UTF-8 text (byte 0xe9)}. The JDK's own exception only says "Input length = 1".
 */
public final class Utf8Text {
    private Utf8Text() {
    }

    /**
     * Where decoding stopped.
     *
     * @param offset 0-based byte offset of the offending byte
     * @param line   1-based line
     * @param column 1-based column, counted in decoded characters
     * @param value  the offending byte, 0..255
     */
    public record Malformed(long offset, long line, long column, int value) {
        /** "not UTF-8 text (byte 0xe9 at byte offset 41); save the file as UTF-8". */
        public String message() {
            return String.format("not UTF-8 text (byte 0x%02x at byte offset %d); save the file as UTF-8", value, offset);
        }
    }

    /** The text, or null when {@code bytes} is not UTF-8 (then {@link #firstMalformed} says where). */
    public static String decodeOrNull(byte[] bytes) {
        CharsetDecoder decoder = decoder();
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
    }

    /** The first byte that is not UTF-8, or null when all of {@code bytes} is. */
    public static Malformed firstMalformed(byte[] bytes) {
        CharsetDecoder decoder = decoder();
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(8192);
        long line = 1;
        long column = 1;
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            out.flip();
            while (out.hasRemaining()) {
                if (out.get() == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            out.clear();
            if (result.isError()) {
                int offset = in.position();
                return new Malformed(offset, line, column, bytes[offset] & 0xff);
            }
            if (result.isUnderflow()) {
                return null;
            }
        }
    }

    private static CharsetDecoder decoder() {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
