package ffnlab.run.slurm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Frozen copies of what array tasks read from the project, so that tasks starting hours after submission run
 * exactly what was submitted, even if someone edits {@code experiments/} or rebuilds {@code target/} meanwhile
 * (an edited experiment gives new trial ids, and queued tasks would find no trial of theirs; rebuilt classes
 * could train differently). Copies live under {@code results/<experiment>/slurm/}, each in a folder named by
 * the first 16 hex characters of SHA-256 over its files' relative paths and contents, so identical submissions
 * share one copy.
 */
final class FrozenCopy {
    private FrozenCopy() {
    }

    /** A frozen copy of every {@code *.yaml} / {@code *.yml} file directly in {@code experiments}. */
    static Path experiments(Path experiments, Path slurmFolder) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(experiments)) {
            files = list.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
                    .map(experiments::relativize).toList();
        }
        return freeze(experiments, files, slurmFolder.resolve("experiments"));
    }

    /**
     * The classpath with the project's own code replaced by frozen copies: every folder inside {@code project}
     * (target/classes) and {@code ownCode} (target/classes or the ffnlab jar). Library jars (the Maven
     * repository's, or those copied to target/lib) are versioned files that a rebuild does not change: kept.
     */
    static List<Path> classpath(List<Path> entries, Path project, Path ownCode, Path slurmFolder) throws IOException {
        Path root = project.toAbsolutePath().normalize();
        List<Path> out = new ArrayList<>();
        for (Path entry : entries) {
            Path e = entry.toAbsolutePath().normalize();
            boolean own = e.equals(ownCode) || (Files.isDirectory(e) && e.startsWith(root));
            if (!own || e.startsWith(slurmFolder.toAbsolutePath().normalize())) {
                out.add(e);
            } else if (Files.isDirectory(e)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(e)) {
                    files = walk.filter(Files::isRegularFile).map(e::relativize).toList();
                }
                out.add(freeze(e, files, slurmFolder.resolve("classpath")));
            } else {
                out.add(freeze(e.getParent(), List.of(e.getFileName()), slurmFolder.resolve("classpath")).resolve(e.getFileName()));
            }
        }
        return out;
    }

    /** Copies {@code files} (relative to {@code base}) into {@code parent/<hash>/}, unless that folder exists. */
    private static Path freeze(Path base, List<Path> files, Path parent) throws IOException {
        List<Path> sorted = files.stream().sorted(Comparator.comparing(Path::toString)).toList();
        MessageDigest sha = sha256();
        for (Path f : sorted) {
            sha.update(f.toString().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(Files.readAllBytes(base.resolve(f)));
            sha.update((byte) 0);
        }
        Files.createDirectories(parent);
        Path target = parent.resolve(HexFormat.of().formatHex(sha.digest()).substring(0, 16));
        if (Files.isDirectory(target)) {
            return target;
        }
        Path tmp = Files.createTempDirectory(parent, ".copy");
        for (Path f : sorted) {
            Path to = tmp.resolve(f.toString());
            Files.createDirectories(to.getParent());
            Files.copy(base.resolve(f), to);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
            deleteTree(tmp);   // another submitter made the same copy first: use theirs
        }
        return target;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
