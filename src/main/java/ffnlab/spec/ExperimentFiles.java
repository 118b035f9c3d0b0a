package ffnlab.spec;

import ffnlab.spec.yaml.YamlLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds experiment files ({@code <dir>/<name>.yaml}), follows {@code extends} chains (a child's keys override
 * its parent's, recursively; cycles are errors; {@code report.chapter} is never inherited), applies the profile and the command-line overrides, and
 * reads the result into an {@link ExperimentSpec}.
 */
public final class ExperimentFiles {
    private final Path directory;

    public ExperimentFiles(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /** The experiment names in the directory, sorted. */
    public List<String> names() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
        } catch (java.io.IOException e) {
            throw new SpecException(List.of(new Problem(Mark.of(directory.toString()), "", "cannot list experiments: " + e.getMessage())));
        }
    }

    /**
     * Loads {@code name} with its parents, then the profile (null = none) and the overrides.
     *
     * @param overrides dotted key to value, applied last (see {@link Overrides})
     */
    public ExperimentSpec load(String name, Profile profile, Map<String, Node> overrides) {
        Node.Mapping tree = merged(name, new ArrayList<>());
        if (profile != null) {
            tree = Overrides.apply(tree, profile.overrides(tree));
        }
        tree = Overrides.apply(tree, overrides);
        return ExperimentReader.read(name, tree);
    }

    /** The file's tree with every parent merged under it (no profile, no overrides). */
    public Node.Mapping merged(String name, List<String> chain) {
        Path file = directory.resolve(name + ".yaml");
        String label = directory.getFileName() == null ? file.toString() : directory.getFileName() + "/" + name + ".yaml";
        if (!Files.isRegularFile(file)) {
            String hint = Diagnostics.closest(name, names());
            throw new SpecException(List.of(new Problem(Mark.of(label), "", "no such experiment '" + name + "'"
                    + (hint != null ? "; did you mean '" + hint + "'?" : "; known: " + String.join(", ", names())))));
        }
        chain.add(name);
        Node root = YamlLoader.load(file, label);
        if (!(root instanceof Node.Mapping tree)) {
            throw new SpecException(List.of(new Problem(root.mark(), "", "an experiment file must be a mapping of sections")));
        }
        Node parent = tree.get("extends");
        if (parent == null) {
            return tree;
        }
        if (!(parent.plain() instanceof String parentName)) {
            throw new SpecException(List.of(new Problem(parent.mark(), "extends", "expected the name of another experiment")));
        }
        if (chain.contains(parentName)) {
            throw new SpecException(List.of(new Problem(parent.mark(), "extends", "extends forms a cycle: "
                    + String.join(" -> ", chain) + " -> " + parentName)));
        }
        Node.Mapping base;
        try {
            base = merged(parentName, chain);
        } catch (SpecException e) {
            if (e.problems().size() == 1 && e.problems().getFirst().message().startsWith("no such experiment")) {
                throw new SpecException(List.of(new Problem(parent.mark(), "extends", e.problems().getFirst().message())));
            }
            throw e;
        }
        Node.Mapping child = tree.without("extends");
        // the parent's description and sweep are not inherited blindly: a child that sweeps replaces the parent's sweep
        Node.Mapping result = withoutChapterClaims(base.without("extends"));
        if (child.get("sweep") != null) {
            result = result.without("sweep");
        }
        return (Node.Mapping) Node.merge(result, child);
    }

    /**
     * {@code tree} without {@code report.chapter}: the chapter's claims belong to the experiment that states them,
     * so a child is judged against its own claims or none, never its parent's.
     */
    private static Node.Mapping withoutChapterClaims(Node.Mapping tree) {
        if (tree.get("report") instanceof Node.Mapping report && report.get("chapter") != null) {
            return tree.with("report", report.without("chapter"), tree.keyMark("report"));
        }
        return tree;
    }
}
