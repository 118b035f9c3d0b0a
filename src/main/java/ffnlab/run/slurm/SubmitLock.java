package ffnlab.run.slurm;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The exclusive right to submit for one experiment: {@code slurm/submit.lock} locked with
 * {@link FileChannel#tryLock()} (a POSIX record lock, shared by processes and, on a filesystem with working
 * locks, by hosts) and, inside this JVM, a {@link ReentrantLock} per lock file (a JVM cannot hold two record locks
 * on one file). While a submitter holds it, the file names it ({@code pid@host since time}) for the messages of
 * those who wait.
 *
 * <p>Invariant: at most one submitter at a time looks at the experiment's submissions, decides what to submit,
 * submits it and records the job id; the operating system releases the record lock when its holder dies, so a
 * crashed submitter never blocks the next one, and the next one finds its submission without a job id.
 */
final class SubmitLock implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger();
    static final String FILE = "submit.lock";
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();
    private static final long POLL_MS = 100;
    private static final long REPORT_EVERY_MS = 10_000;

    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock lock;

    private SubmitLock(ReentrantLock local, FileChannel channel, FileLock lock) {
        this.local = local;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of the experiment whose submissions live in {@code slurmFolder}, waiting up to {@code patience}
     * for another submitter to finish.
     *
     * @throws SlurmException when another submitter still holds it after {@code patience}, naming it
     */
    static SubmitLock acquire(Path slurmFolder, Duration patience) throws IOException, InterruptedException {
        Files.createDirectories(slurmFolder);
        Path file = slurmFolder.resolve(FILE).toAbsolutePath().normalize();
        ReentrantLock local = IN_THIS_JVM.computeIfAbsent(file, f -> new ReentrantLock());
        long deadline = System.nanoTime() + patience.toNanos();
        if (!local.tryLock(patience.toNanos(), TimeUnit.NANOSECONDS)) {
            throw busy(file, patience);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            long nextReport = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(REPORT_EVERY_MS);
            while (true) {
                FileLock held = channel.tryLock();
                if (held != null) {
                    channel.truncate(0);
                    channel.write(ByteBuffer.wrap((self() + " since " + Instant.now() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
                    channel.force(false);
                    return new SubmitLock(local, channel, held);
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw busy(file, patience);
                }
                if (System.nanoTime() - nextReport >= 0) {
                    LOG.info("waiting for another submitter to finish: {} ({})", holder(file), file);
                    nextReport += TimeUnit.MILLISECONDS.toNanos(REPORT_EVERY_MS);
                }
                Thread.sleep(POLL_MS);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            local.unlock();
            throw e;
        }
    }

    /** Who holds (or last held) the lock, as its file says. */
    static String holder(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "a submitter that has not written its name yet" : text;
        } catch (NoSuchFileException e) {
            return "nobody";
        } catch (IOException e) {
            return "unreadable (" + e.getMessage() + ")";
        }
    }

    /** {@code pid@host}. */
    static String self() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown-host";
        }
        return ProcessHandle.current().pid() + "@" + host;
    }

    private static SlurmException busy(Path file, Duration patience) {
        return new SlurmException("another submitter has been submitting this experiment's trials for more than "
                + patience.toSeconds() + " s: " + holder(file) + " (" + file + "); try again once it has finished");
    }

    /** Releases the lock; the file stays, naming its last holder. */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            local.unlock();
        }
    }
}
