package ffnlab.spec;

/**
 * Where something was written: a file (or "-Dset", "profile smoke") with a 1-based line and column.
 * Line 0 means "no position" (e.g. a value given on the command line as a whole).
 */
public record Mark(String source, int line, int column) {
    /** A mark for text that has no lines, such as a command-line override. */
    public static Mark of(String source) {
        return new Mark(source, 0, 0);
    }

    @Override
    public String toString() {
        return line == 0 ? source : source + ":" + line + ":" + column;
    }
}
