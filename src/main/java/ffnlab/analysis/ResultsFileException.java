package ffnlab.analysis;

import java.nio.file.Path;

/**
 * A results file that cannot be read as the results layout promises. {@link #getMessage()} is the one-line user
 * error {@code "<file>:<line>: <what was expected>"}; the command line prints it and exits with status 2.
 */
public final class ResultsFileException extends RuntimeException {

    /**
     * @param file     the file that is wrong
     * @param line     1-based line number (0 when the whole file is meant)
     * @param expected what was expected there, and what was found
     */
    public ResultsFileException(Path file, int line, String expected) {
        super(file + ":" + Math.max(line, 1) + ": " + expected);
    }

    public ResultsFileException(Path file, int line, String expected, Throwable cause) {
        super(file + ":" + Math.max(line, 1) + ": " + expected, cause);
    }
}
