package ffnlab.spec;

import java.util.List;

/**
 * One setting of a trial's configuration: its dotted name (snake_case, as in the experiment file),
 * its type, its default and, for names, the allowed values. {@link ConfigKeys} lists them all.
 *
 * @param path         dotted key, e.g. {@code training.batch_size}
 * @param type         what the value must be
 * @param defaultValue the value when the file leaves it out (Long, Double, Boolean, String, List or null)
 * @param choices      allowed values for a {@link Type#CHOICE}, else empty
 * @param doc          one line for experiments/README.md
 */
public record ConfigKey(String path, Type type, Object defaultValue, List<String> choices, String doc) {
    public ConfigKey {
        choices = List.copyOf(choices);
    }

    /** What a value must be. */
    public enum Type { TEXT, CHOICE, INTEGER, NUMBER, INTEGER_LIST, TEXT_LIST }

    public String section() {
        return path.substring(0, path.indexOf('.'));
    }

    public String name() {
        return path.substring(path.indexOf('.') + 1);
    }
}
