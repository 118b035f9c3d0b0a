package ffnlab.run.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The submit lock between processes: a live holder keeps others out; a killed one releases it. */
@Timeout(60)
class SubmitLockTest {
    @TempDir
    Path slurm;

    @Test
    void anotherProcessHoldingTheLockKeepsUsOutUntilItIsKilled() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), HoldSubmitLock.class.getName(),
                slurm.toString())).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals("held"));
            assertEquals("held", line, "the holder process took the lock");

            SlurmException e = assertThrows(SlurmException.class, () -> SubmitLock.acquire(slurm, Duration.ofMillis(500)));
            assertTrue(e.getMessage().contains(holder.pid() + "@"), e.getMessage());

            holder.destroyForcibly().waitFor();   // SIGKILL: a submitter that crashes while submitting
            try (SubmitLock lock = SubmitLock.acquire(slurm, Duration.ofSeconds(5))) {
                assertTrue(SubmitLock.holder(slurm.resolve(SubmitLock.FILE)).startsWith(SubmitLock.self()));
            }
        } finally {
            holder.destroyForcibly();
        }
    }
}
