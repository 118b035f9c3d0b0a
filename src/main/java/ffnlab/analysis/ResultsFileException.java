package ffnlab.analysis;

import ffnlab.UserError;
import java.nio.file.Path;

/**
 * A results file that cannot be read as the results layout promises. {@link #getMessage()} is the one-line user
 * error {@code "<file>:<line>: <what was expected>"}.
 */
public final class ResultsFileException extends UserError {

    /**
     * @param file     the file that is wrong
     * @param line     1-based line number (0 when the whole file is meant)
     * @param expected what was expected there, and what was found
     */
    public ResultsFileException(Path file, int line, String expected) {
        this(file, line, expected, null);
    }

    public ResultsFileException(Path file, int line, String expected, Throwable cause) {
        super(String.valueOf(file), line, 0, file + ":" + Math.max(line, 1) + ": " + expected, cause);
    }
}
