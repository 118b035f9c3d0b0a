package ffnlab.nn;

/**
 * A binary file (a checkpoint, an exported parameters file) that cannot be read back: wrong magic or version,
 * truncated, checksum mismatch, shapes that do not fit. The message is one line that names the file.
 */
public final class CorruptFileException extends RuntimeException {
    public CorruptFileException(String file, String problem) {
        super(file + ": " + problem);
    }
}
