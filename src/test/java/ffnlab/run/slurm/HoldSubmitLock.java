package ffnlab.run.slurm;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A second submitter process for {@link SubmitLockTest}: takes the submit lock of the folder given as its argument,
 * prints {@code held}, and keeps it until it is killed.
 */
final class HoldSubmitLock {
    private HoldSubmitLock() {
    }

    public static void main(String[] args) throws Exception {
        SubmitLock lock = SubmitLock.acquire(Path.of(args[0]), Duration.ofSeconds(10));
        System.out.println("held");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
        lock.close();
    }
}
