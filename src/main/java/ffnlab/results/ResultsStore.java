package ffnlab.results;

import java.nio.file.Path;

/** The results root ({@code results/} by default): one {@link ExperimentDirectory} per experiment. */
public final class ResultsStore {
    private final Path root;

    public ResultsStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public ExperimentDirectory experiment(String name) {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.@-]*")) {
            throw new IllegalArgumentException("an experiment name uses letters, digits, '-', '_', '.', got '" + name + "'");
        }
        return new ExperimentDirectory(root.resolve(name));
    }
}
