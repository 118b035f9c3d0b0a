package ffnlab.run.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The fixture itself: a real single-node cluster runs a 4-task array of {@code echo} to completion. */
@ExtendWith(SlurmClusterExtension.class)
class SlurmClusterTest {

    @Test
    @Timeout(60)
    void runsAFourTaskArrayOfEchoToCompletion(SlurmCluster cluster) throws Exception {
        Path work = cluster.workDir("echo-array");
        Path script = work.resolve("echo.sh");
        Files.writeString(script, """
                #!/bin/bash
                #SBATCH --job-name=echo
                #SBATCH --output=%s/%%A_%%a.log
                echo "hello from array task $SLURM_ARRAY_TASK_ID"
                """.formatted(work));
        String jobId = cluster.client("sbatch", "--parsable", "--array=0-3", script.toString()).strip();
        assertTrue(jobId.matches("\\d+"), "sbatch --parsable printed a job id: " + jobId);

        List<String> states = List.of();
        for (int i = 0; i < 300; i++) {
            states = cluster.client("squeue", "-h", "-r", "-j", jobId, "--states=all", "-o", "%K %T").lines().sorted().toList();
            if (states.size() == 4 && states.stream().allMatch(s -> s.endsWith(" COMPLETED"))) {
                break;
            }
            Thread.sleep(200);
        }
        assertEquals(List.of("0 COMPLETED", "1 COMPLETED", "2 COMPLETED", "3 COMPLETED"), states);
        for (int task : IntStream.range(0, 4).toArray()) {
            assertEquals("hello from array task " + task, Files.readString(work.resolve(jobId + "_" + task + ".log")).strip());
        }
    }
}
