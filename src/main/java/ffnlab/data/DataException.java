package ffnlab.data;

import java.nio.file.Path;

/**
 * Bad or missing input data. {@link #getMessage()} is the one line shown to the user:
 * {@code <file>:<line>: <what was expected>}, {@code <file>: byte <offset>: <what was expected>}, or
 * {@code <file>: <what was expected>} when no position applies (missing file, checksum). The command line
 * prints it and exits with status 2; nothing is half-written because loaders only return complete data.
 */
public final class DataException extends RuntimeException {
    private final String file;

    private DataException(String file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** A problem at a 1-based line of a text file. */
    public static DataException atLine(Path file, long line, String expected) {
        return new DataException(String.valueOf(file), file + ":" + line + ": " + expected, null);
    }

    /** A problem at a 0-based byte offset of a binary file (after decompression, when it is gzip). */
    public static DataException atByte(Path file, long offset, String expected) {
        return new DataException(String.valueOf(file), file + ": byte " + offset + ": " + expected, null);
    }

    /** A problem with a whole file. */
    public static DataException ofFile(Path file, String expected) {
        return new DataException(String.valueOf(file), file + ": " + expected, null);
    }

    /** As {@link #ofFile}, keeping the cause for the log (never for the user's line). */
    public static DataException ofFile(Path file, String expected, Throwable cause) {
        return new DataException(String.valueOf(file), file + ": " + expected, cause);
    }

    /** The file the message is about, as the user named it or as it was found. */
    public String file() {
        return file;
    }
}
