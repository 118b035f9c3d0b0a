package ffnlab;

import java.util.Optional;

/**
 * Input the user can fix: an experiment, a data file, a results or baseline file, or a scheduler's answer that is not
 * what was expected. The first line of {@link #getMessage()} names where (file, line, column when known) and what was
 * expected; a message may list several problems, one a line. The command line turns every user error into that one
 * line and exit status 2, with no stack trace. It sits in the root package so that every layer may throw it.
 */
public abstract class UserError extends RuntimeException {
    private final String file;
    private final long line;
    private final long column;

    /**
     * @param file    the file (or other source, such as {@code -Dset}) the problem is in; null when none applies
     * @param line    1-based line, 0 when unknown
     * @param column  1-based column, 0 when unknown
     * @param message the problems, one a line, each naming where it is
     * @param cause   the underlying failure, for the log; null when none
     */
    protected UserError(String file, long line, long column, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    /**
     * A single problem: {@code <file>:<line>: <expected>}, or {@code <file>: <expected>} when {@code line} is 0.
     */
    protected UserError(Object file, long line, String expected, Throwable cause) {
        this(String.valueOf(file), line, 0, file + (line > 0 ? ":" + line : "") + ": " + expected, cause);
    }

    /** The file (or source) the first problem is in, when one applies. */
    public Optional<String> file() {
        return Optional.ofNullable(file);
    }

    /** The first problem's 1-based line; 0 when unknown. */
    public long line() {
        return line;
    }

    /** The first problem's 1-based column; 0 when unknown. */
    public long column() {
        return column;
    }

    /** How many problems the message lists, one a line. */
    public int problemCount() {
        return 1;
    }
}
