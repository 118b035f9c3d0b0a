package ffnlab.data;

import ffnlab.UserError;
import java.nio.file.Path;

/**
 * Bad or missing input data. {@link #getMessage()} is the one line shown to the user:
 * {@code <file>:<line>: <what was expected>}, {@code <file>: byte <offset>: <what was expected>}, or
 * {@code <file>: <what was expected>} when no position applies (missing file, checksum). Nothing is half-written
 * because loaders only return complete data.
 */
public final class DataException extends UserError {
    private DataException(Path file, long line, String expected, Throwable cause) {
        super(file, line, expected, cause);
    }

    private DataException(Path file, String message) {
        super(String.valueOf(file), 0, 0, message, null);
    }

    /** A problem at a 1-based line of a text file. */
    public static DataException atLine(Path file, long line, String expected) {
        return new DataException(file, line, expected, null);
    }

    /** A problem at a 0-based byte offset of a binary file (after decompression, when it is gzip). */
    public static DataException atByte(Path file, long offset, String expected) {
        return new DataException(file, file + ": byte " + offset + ": " + expected);
    }

    /** A problem with a whole file. */
    public static DataException ofFile(Path file, String expected) {
        return new DataException(file, 0, expected, null);
    }

    /** As {@link #ofFile}, keeping the cause for the log (never for the user's line). */
    public static DataException ofFile(Path file, String expected, Throwable cause) {
        return new DataException(file, 0, expected, cause);
    }
}
