package ffnlab.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where datasets are looked for. The override root comes from the system property {@code data.dir} or, when
 * that is unset, the environment variable {@code FFNLAB_DATA}; it may be a folder holding one folder per
 * dataset ({@code fashion-mnist/}, {@code california-housing/}) or a folder holding one dataset's files
 * directly. After it comes {@code data/<dataset>/}, relative to the working directory (Maven runs from the
 * repository root).
 *
 * @param override the data.dir / FFNLAB_DATA root, or null
 * @param local    the project's {@code data/} folder
 */
public record DataDirectories(Path override, Path local) {

    /** The property, the environment and {@code data/} of the working directory. */
    public static DataDirectories fromEnvironment() {
        String property = System.getProperty("data.dir");
        String env = System.getenv("FFNLAB_DATA");
        String root = property != null && !property.isBlank() ? property : env != null && !env.isBlank() ? env : null;
        return new DataDirectories(root == null ? null : Path.of(root), Path.of("data"));
    }

    /**
     * The candidate folders for a dataset, in search order: override/dataset, override itself, data/dataset.
     */
    public List<Path> candidates(String dataset) {
        List<Path> dirs = new ArrayList<>();
        if (override != null) {
            dirs.add(override.resolve(dataset));
            dirs.add(override);
        }
        dirs.add(local.resolve(dataset));
        return dirs;
    }

    /** The first candidate folder that holds every one of the given files (or its gzip). */
    public java.util.Optional<Path> find(String dataset, List<String> files) {
        return find(candidates(dataset), files);
    }

    static java.util.Optional<Path> find(List<Path> dirs, List<String> files) {
        for (Path dir : dirs) {
            if (files.stream().allMatch(f -> Files.isRegularFile(dir.resolve(f)))) {
                return java.util.Optional.of(dir);
            }
        }
        return java.util.Optional.empty();
    }

    /** How the search order reads in a message. */
    public String describe(String dataset) {
        StringBuilder sb = new StringBuilder();
        if (override == null) {
            sb.append("-Ddata.dir=DIR or FFNLAB_DATA=DIR (unset)");
        } else {
            sb.append(override).append(" (data.dir / FFNLAB_DATA) or ").append(override.resolve(dataset));
        }
        sb.append(", then ").append(local.resolve(dataset));
        return sb.toString();
    }
}
