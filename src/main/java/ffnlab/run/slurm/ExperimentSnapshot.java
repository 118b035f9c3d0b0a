package ffnlab.run.slurm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A frozen copy of the experiment files, so that array tasks that start hours after submission run exactly the
 * sweep that was submitted, even if someone edits {@code experiments/} meanwhile (an edit would otherwise give
 * new trial ids, and the queued tasks would find no trial of theirs). The copy lives in
 * {@code results/<experiment>/slurm/experiments/<hash>/}, named by the first 16 hex characters of SHA-256 over
 * the files' names and contents, so identical submissions share one copy.
 */
final class ExperimentSnapshot {
    private ExperimentSnapshot() {
    }

    /** The snapshot of every {@code *.yaml} / {@code *.yml} file in {@code experiments}, created under {@code slurmFolder} if new. */
    static Path of(Path experiments, Path slurmFolder) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(experiments)) {
            files = list.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        }
        MessageDigest sha = sha256();
        for (Path f : files) {
            sha.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(Files.readAllBytes(f));
            sha.update((byte) 0);
        }
        Path parent = Files.createDirectories(slurmFolder.resolve("experiments"));
        Path target = parent.resolve(HexFormat.of().formatHex(sha.digest()).substring(0, 16));
        if (Files.isDirectory(target)) {
            return target;
        }
        Path tmp = Files.createTempDirectory(parent, ".snapshot");
        for (Path f : files) {
            Files.copy(f, tmp.resolve(f.getFileName()));
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
            // another submitter made the same snapshot first: use theirs
            try (Stream<Path> left = Files.list(tmp)) {
                for (Path p : left.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(tmp);
        }
        return target;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
