package ffnlab.results;

import ffnlab.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One trial's folder, {@code results/<experiment>/trials/<id>/}. A trial is finished iff {@code summary.yaml}
 * exists; it is written last. A process runs a trial only while it holds the folder's {@code .lock}
 * ({@link FileChannel#tryLock}), so two processes never write the same trial; the operating system releases
 * the lock when a process dies, even by SIGKILL.
 */
public final class TrialDirectory {
    public static final String TRIAL = "trial.yaml";
    public static final String METRICS = "metrics.csv";
    /** The test set measured between batches; only when {@code training.eval_every} asked for it. */
    public static final String PROBES = "probes.csv";
    public static final String PREDICTIONS = "predictions.csv";
    public static final String PARAMETERS = "parameters.csv";
    /** The parameters of larger networks, in {@link ffnlab.nn.ParametersFile}'s binary format. */
    public static final String PARAMETERS_BINARY = "parameters.bin";
    public static final String PROVENANCE = "provenance.yaml";
    public static final String SUMMARY = "summary.yaml";
    private static final String LOCK = ".lock";

    private final Path path;
    private final String id;

    TrialDirectory(Path path, String id) {
        this.path = path;
        this.id = id;
    }

    public Path path() {
        return path;
    }

    public String id() {
        return id;
    }

    public Path file(String name) {
        return path.resolve(name);
    }

    /** Whether the trial finished (its summary exists). */
    public boolean finished() {
        return Files.isRegularFile(path.resolve(SUMMARY));
    }

    /** The trial's lock, or empty when another process (or thread) is running it. */
    public Optional<Lock> tryLock() {
        try {
            Files.createDirectories(path);
            FileChannel channel = FileChannel.open(path.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    channel.close();
                    return Optional.empty();
                }
                return Optional.of(new Lock(channel, lock));
            } catch (OverlappingFileLockException e) {
                channel.close();
                return Optional.empty();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + path + ": " + e.getMessage(), e);
        }
    }

    /** Removes what an interrupted or earlier run left (everything but the lock), before the trial runs again. */
    public void clear() {
        try (Stream<Path> files = Files.list(path)) {
            for (Path p : files.toList()) {
                if (!p.getFileName().toString().equals(LOCK)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + path + ": " + e.getMessage(), e);
        }
    }

    public void write(String name, String text) {
        AtomicFile.write(path.resolve(name), text);
    }

    public void write(String name, byte[] bytes) {
        AtomicFile.write(path.resolve(name), bytes);
    }

    public void writeYaml(String name, Map<String, ?> values) {
        write(name, YamlText.write(values));
    }

    /** A held trial lock; closing releases it. */
    public static final class Lock implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        Lock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() {
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
