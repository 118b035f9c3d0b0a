package ffnlab.run.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobScriptWriterTest {
    @TempDir
    Path dir;

    private ArrayJobRequest request(List<String> command) {
        return new ArrayJobRequest("Width Sweep", dir.resolve("results/width-sweep"), List.of("a1", "b2", "c3"), command, dir);
    }

    @Test
    void writesOneScriptWithTheOptionsAsSbatchLines() throws Exception {
        SlurmOptions options = new SlurmOptions("gpu", "01:30:00", 4, "8G", List.of("--qos=short"), 2, "/jdk/bin/java", List.of(), false,
                Duration.ofSeconds(5));
        Submission s = new JobScriptWriter().write(request(List.of("/jdk/bin/java", "-jar", "my jar.jar", "trial", "--id")), options);
        assertEquals(dir.resolve("results/width-sweep/slurm/submission-001"), s.folder());
        assertEquals("a1\nb2\nc3\n", Files.readString(s.trialList()));
        assertTrue(Files.isDirectory(s.logs()));
        assertTrue(Files.isExecutable(s.script()));
        String expected = """
                #!/bin/bash
                # ffnlab: experiment Width Sweep, 3 trials, one per array task (submit with sbatch --array=0-2%2)
                #SBATCH --job-name=ffnlab-width_sweep
                #SBATCH --output=DIR/results/width-sweep/slurm/submission-001/logs/%A_%a.log
                #SBATCH --ntasks=1
                #SBATCH --cpus-per-task=4
                #SBATCH --partition=gpu
                #SBATCH --time=01:30:00
                #SBATCH --mem=8G
                #SBATCH --qos=short
                set -euo pipefail
                trials='DIR/results/width-sweep/slurm/submission-001/trials.txt'
                task="${SLURM_ARRAY_TASK_ID:?runs as a SLURM array task: sbatch --array=...}"
                id="$(sed -n "$((task + 1))p" "$trials")"
                if [ -z "$id" ]; then
                  echo "ffnlab: array task $task has no trial in $trials" >&2
                  exit 2
                fi
                echo "ffnlab: array task $task of job ${SLURM_ARRAY_JOB_ID:-?} runs trial $id on $(hostname) with ${SLURM_CPUS_PER_TASK:-1} CPUs"
                cd 'DIR'
                exec '/jdk/bin/java' '-jar' 'my jar.jar' 'trial' '--id' "$id"
                """.replace("DIR", dir.toString());
        assertEquals(expected, Files.readString(s.script()));
    }

    @Test
    void eachSubmissionGetsItsOwnFolder() throws Exception {
        JobScriptWriter writer = new JobScriptWriter();
        Submission first = writer.write(request(List.of("true")), SlurmOptions.defaults());
        Submission second = writer.write(request(List.of("true")).withTrials(List.of("c3")), SlurmOptions.defaults());
        assertEquals("submission-001", first.folder().getFileName().toString());
        assertEquals("submission-002", second.folder().getFileName().toString());
        assertEquals("c3\n", Files.readString(second.trialList()));
        assertEquals(second.logs().resolve("77_0.log"), second.log("77", 0));
    }

    @Test
    void theScriptRunsTheTrialOfItsArrayIndexWithQuotedArguments() throws Exception {
        Submission s = new JobScriptWriter().write(request(List.of("printf", "%s|", "it's", "a b")), SlurmOptions.defaults());
        assertEquals("it's|a b|b2|", lastLine(run(s.script(), Map.of("SLURM_ARRAY_TASK_ID", "1")).out));
        Run missing = run(s.script(), Map.of("SLURM_ARRAY_TASK_ID", "3"));
        assertEquals(2, missing.status);
        assertTrue(missing.err.contains("array task 3 has no trial in"), missing.err);
        Run outside = run(s.script(), Map.of());
        assertTrue(outside.status != 0 && outside.err.contains("runs as a SLURM array task"), outside.err);
    }

    @Test
    void quotingSurvivesEveryCharacter() {
        assertEquals("'plain'", JobScriptWriter.quote("plain"));
        assertEquals("'it'\\''s $HOME'", JobScriptWriter.quote("it's $HOME"));
        assertEquals("ffnlab-a_b-c.d", JobScriptWriter.jobName("A b-c.d"));
    }

    private static String lastLine(String s) {
        List<String> lines = s.lines().toList();
        return lines.getLast();
    }

    private record Run(int status, String out, String err) {
    }

    private Run run(Path script, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString());
        pb.environment().remove("SLURM_ARRAY_TASK_ID");
        pb.environment().putAll(env);
        Path err = dir.resolve("err.txt");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        return new Run(p.exitValue(), out, Files.readString(err));
    }
}
