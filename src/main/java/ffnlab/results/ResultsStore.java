package ffnlab.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The results root ({@code results/} by default): one {@link ExperimentDirectory} per experiment, profile and
 * variant ({@code width-sweep}, {@code width-sweep-smoke}, {@code width-sweep@lr=0.01}). A trial's id is a content
 * hash of its configuration, seed, data and engine, so a trial with the same id in any experiment folder is the same
 * trial: {@link #finishedTrial} finds it wherever it was trained.
 */
public final class ResultsStore {
    /** Separates an experiment's results name from its variant's name. */
    public static final String VARIANT = "@";

    private final Path root;

    public ResultsStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    private static final java.util.regex.Pattern NAME =
            java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.=,+-]*(@[A-Za-z0-9][A-Za-z0-9_.=,+-]*)?");

    public ExperimentDirectory experiment(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a results name uses letters, digits, '-', '_', '.' (a variant's also '=', ',', '+')"
                    + " with at most one '@' before the variant, got '" + name + "'");
        }
        return new ExperimentDirectory(root.resolve(name));
    }

    /** The results name without its variant: {@code width-sweep} for {@code width-sweep@lr=0.01}. */
    public static String base(String resultsName) {
        int at = resultsName.indexOf(VARIANT);
        return at < 0 ? resultsName : resultsName.substring(0, at);
    }

    /** The folders under the root holding {@code trials/} or {@code experiment.yaml}, each base followed by its variants. */
    public List<String> names() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(root)) {
            return list.filter(p -> Files.isDirectory(p.resolve("trials")) || Files.exists(p.resolve(ExperimentDirectory.EXPERIMENT)))
                    .map(p -> p.getFileName().toString()).filter(n -> NAME.matcher(n).matches())
                    .sorted(Comparator.comparing(ResultsStore::base).thenComparing(Comparator.naturalOrder())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
        }
    }

    /** A finished trial with this id in any experiment folder but {@code except}, the first by folder name. */
    public Optional<TrialDirectory> finishedTrial(String id, String except) {
        return names().stream().filter(n -> !n.equals(except)).map(n -> experiment(n).trial(id)).filter(TrialDirectory::finished)
                .findFirst();
    }
}
