package ffnlab.spec;

/**
 * One thing wrong with an experiment: where (file:line:column), which YAML path, and what was expected.
 *
 * @param mark    position of the offending value or key
 * @param path    dotted YAML path, e.g. {@code training.lr} or {@code sweep.grid.model.hidden[2]}
 * @param message what is wrong and what was expected
 */
public record Problem(Mark mark, String path, String message) {
    @Override
    public String toString() {
        return mark + ": " + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
