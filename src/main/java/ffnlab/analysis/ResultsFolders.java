package ffnlab.analysis;

import ffnlab.results.ResultsStore;
import ffnlab.spec.Diagnostics;
import ffnlab.spec.Profile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * The experiment folders of a results root and the experiment file each belongs to. A folder is named after its
 * experiment, with {@code -PROFILE} for a profile's results and {@code @VARIANT} for a variant's:
 * {@code width-sweep}, {@code width-sweep-smoke}, {@code width-sweep@lr-0.01}.
 */
public final class ResultsFolders {
    private ResultsFolders() {
    }

    /** The experiment folders under {@code root} (those with experiment.yaml, plan.txt or trials/), sorted by name. */
    public static List<String> names(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(ResultsFolders::isExperimentFolder).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
        }
    }

    /**
     * The experiment of {@code experiments} that folder {@code folder} belongs to, or null: its name without the
     * variant ({@code @...}), and without a profile's suffix unless an experiment has the longer name.
     */
    public static String owner(String folder, Collection<String> experiments) {
        int at = folder.indexOf('@');
        String base = at < 0 ? folder : folder.substring(0, at);
        if (experiments.contains(base)) {
            return base;
        }
        for (Profile p : Profile.values()) {
            String suffix = "-" + p.key();
            if (base.endsWith(suffix) && experiments.contains(base.substring(0, base.length() - suffix.length()))) {
                return base.substring(0, base.length() - suffix.length());
            }
        }
        return null;
    }

    /**
     * {@code root/name}, which must be an experiment folder; otherwise (or for a name that is no folder name) a one-line
     * error naming the closest folder there is.
     */
    public static Path existing(Path root, String name) {
        Path dir = new ResultsStore(root).experiment(name).path();
        if (isExperimentFolder(dir)) {
            return dir;
        }
        List<String> known = names(root);
        String hint = Diagnostics.closest(name, known);
        throw new IllegalArgumentException("no results for '" + name + "' in " + root
                + (hint != null ? "; did you mean '" + hint + "'?"
                : known.isEmpty() ? "; run the experiment first" : "; there are: " + String.join(", ", known)));
    }

    private static boolean isExperimentFolder(Path dir) {
        return Files.isDirectory(dir) && Stream.of("experiment.yaml", "plan.txt", "trials").anyMatch(f -> Files.exists(dir.resolve(f)));
    }
}
