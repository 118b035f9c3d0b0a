package ffnlab.train;

import ffnlab.AtomicFile;
import ffnlab.nn.Architecture;
import ffnlab.nn.CorruptFileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The checkpoints of one configuration apart from its epoch count: {@code epoch-K.ckpt} ({@link CheckpointFile}),
 * the state after epoch K. A run keeps the checkpoint of its last epoch ({@code epoch-K.ckpt}); those it writes on the
 * way ({@code epoch-K.resume.ckpt}) only let a killed run resume, so after each save the resume checkpoints older
 * than the newest one before it are deleted (one good checkpoint stays behind the newest). Several runs may share the
 * folder (a configuration trained for 10 and for 20 epochs at once): every file is written whole to a temporary file
 * and renamed into place, so a reader sees a complete checkpoint or none, and two runs writing the same epoch write the
 * same state.
 */
public final class CheckpointDirectory {
    private static final Logger LOG = LogManager.getLogger();
    private static final Pattern NAME = Pattern.compile("epoch-(\\d{6,9})(\\.resume)?\\.ckpt");
    /** Temporary files older than this were left by a killed writer. */
    private static final Duration STALE = Duration.ofHours(1);

    private final Path folder;

    public CheckpointDirectory(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    /** The file of epoch K: {@code epoch-00000K.ckpt}, or {@code epoch-00000K.resume.ckpt} for one written on the way. */
    public Path file(int epoch, boolean last) {
        return folder.resolve(String.format(java.util.Locale.ROOT, "epoch-%06d%s.ckpt", epoch, last ? "" : ".resume"));
    }

    /**
     * Writes {@code state} atomically; {@code last} when it is the run's last epoch (kept), else a resume checkpoint.
     * Then deletes resume checkpoints older than the newest one before this epoch.
     */
    public void save(TrainingState state, boolean last) {
        Path target = file(state.epoch(), last);
        byte[] bytes = CheckpointFile.write(state);
        try {
            AtomicFile.write(target, bytes);
            prune(state.epoch(), last);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + target + ": " + e.getMessage(), e);
        }
    }

    private void prune(int epoch, boolean last) throws IOException {
        boolean keptOne = false;
        for (Entry e : entries()) {
            if (!e.resume || e.epoch > epoch || e.epoch == epoch && !last) {
                continue;
            }
            if (e.epoch < epoch && !keptOne) {
                keptOne = true;
                continue;
            }
            Files.deleteIfExists(e.path);
        }
        Instant stale = Instant.now().minus(STALE);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList()) {
                try {
                    if (Files.getLastModifiedTime(p).compareTo(FileTime.from(stale)) < 0) {
                        Files.deleteIfExists(p);
                    }
                } catch (NoSuchFileException gone) {
                    // renamed into place or removed by its writer meanwhile
                }
            }
        }
    }

    /**
     * The newest checkpoint of at most {@code maxEpoch} epochs that reads back for {@code architecture} and that
     * {@code problem} accepts (it returns null, or why the state does not fit this run). A damaged checkpoint is
     * reported in one WARN line naming the file and deleted, one that does not fit in one WARN line, and the next
     * older one is tried; empty when none is left (the run trains from scratch).
     */
    public Optional<TrainingState> latest(int maxEpoch, Architecture architecture, Function<TrainingState, String> problem) {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        List<Entry> entries;
        try {
            entries = entries();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list checkpoints in " + folder + ": " + e.getMessage(), e);
        }
        for (Entry e : entries) {
            if (e.epoch > maxEpoch) {
                continue;
            }
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(e.path);
            } catch (NoSuchFileException gone) {
                continue;
            } catch (IOException io) {
                throw new UncheckedIOException("cannot read checkpoint " + e.path + ": " + io.getMessage(), io);
            }
            TrainingState state;
            try {
                state = CheckpointFile.read(e.path.toString(), bytes, architecture);
            } catch (CorruptFileException corrupt) {
                LOG.warn("checkpoint {}; deleted, resuming from an earlier checkpoint or from scratch", corrupt.getMessage());
                try {
                    Files.deleteIfExists(e.path);
                } catch (IOException io) {
                    LOG.warn("cannot delete the damaged checkpoint {}: {}", e.path, io.getMessage());
                }
                continue;
            }
            String why = state.epoch() != e.epoch ? "holds epoch " + state.epoch() : problem.apply(state);
            if (why != null) {
                LOG.warn("checkpoint {} does not fit this run ({}); resuming from an earlier checkpoint or from scratch", e.path, why);
                continue;
            }
            return Optional.of(state);
        }
        return Optional.empty();
    }

    /** Checkpoint files, newest epoch first, a kept one before a resume one of the same epoch. */
    private List<Entry> entries() throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> {
                Matcher m = NAME.matcher(p.getFileName().toString());
                return m.matches() ? new Entry(p, Integer.parseInt(m.group(1)), m.group(2) != null) : null;
            }).filter(java.util.Objects::nonNull)
                    .sorted(Comparator.comparingInt((Entry e) -> -e.epoch).thenComparing(e -> e.resume)).toList();
        }
    }

    private record Entry(Path path, int epoch, boolean resume) {
    }
}
