package ffnlab.run.slurm;

import ffnlab.run.slurm.Scheduler.ArrayTaskState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The {@link Scheduler} as SLURM's commands, run as child processes: {@code sbatch} to submit, {@code squeue} and
 * {@code sacct} to follow and to find a job, {@code scancel} to cancel. {@code environment} is added to this process's
 * environment (e.g. {@code SLURM_CONF} for a private cluster); every command gets at most {@link #TIMEOUT_S} seconds.
 */
public final class SlurmClient implements Scheduler {
    private static final Logger LOG = LogManager.getLogger();
    static final long TIMEOUT_S = 60;

    private final Map<String, String> environment;

    public SlurmClient() {
        this(Map.of());
    }

    public SlurmClient(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /**
     * {@code sbatch --parsable --array=SPEC script}: submits the array and returns its job id.
     *
     * @throws SlurmException.SbatchRefused with sbatch's own message when it refuses
     * @throws SlurmException when sbatch does not answer in time or prints no job id (the job may have been queued)
     */
    @Override
    public String submit(Path script, String arraySpec) {
        Result r = run(List.of("sbatch", "--parsable", "--array=" + arraySpec, script.toString()));
        if (r.status != 0) {
            throw new SlurmException.SbatchRefused("sbatch refused " + script + " (exit " + r.status + "): " + r.firstErrorLine());
        }
        String id = r.out.strip().split(";")[0];
        if (!id.matches("\\d+")) {
            throw new SlurmException("sbatch --parsable printed '" + r.out.strip() + "', expected a job id");
        }
        return id;
    }

    /**
     * {@code squeue -h -r -j ID --states=all}: every task slurmctld still knows (recently ended ones included).
     * Empty when slurmctld no longer knows the job (it ended more than {@code MinJobAge} ago).
     */
    @Override
    public Optional<List<ArrayTaskState>> queue(String jobId) {
        return queue(jobId, null);
    }

    /**
     * As {@link #queue(String)}, counting the job only if it is named {@code jobName} (so that a job id recorded
     * long ago, and since reused by the cluster for someone else's job, is not mistaken for ours); null = any name.
     */
    @Override
    public Optional<List<ArrayTaskState>> queue(String jobId, String jobName) {
        List<String> command = new java.util.ArrayList<>(List.of("squeue", "-h", "-r", "-j", jobId, "--states=all", "-o", "%i|%T|%r"));
        if (jobName != null) {
            command.add("--name=" + jobName);
        }
        Result r = run(command);
        if (r.status != 0) {
            if (r.err.contains("Invalid job id")) {
                return Optional.empty();
            }
            throw new SlurmException("squeue -j " + jobId + " failed (exit " + r.status + "): " + r.firstErrorLine());
        }
        List<ArrayTaskState> tasks = SchedulerOutput.parse(jobId, "squeue", r.out);
        return tasks.isEmpty() ? Optional.empty() : Optional.of(tasks);
    }

    /**
     * {@code sacct -n -P -X -j ID}: the tasks' final states from the accounting database. Empty where the
     * cluster keeps no accounting (or sacct does not know the job).
     */
    @Override
    public Optional<List<ArrayTaskState>> accounting(String jobId) {
        Result r = run(List.of("sacct", "-n", "-P", "-X", "-j", jobId, "-o", "JobID,State,ExitCode"));
        if (r.status != 0) {
            LOG.debug("sacct -j {} gave nothing (exit {}): {}", jobId, r.status, r.firstErrorLine());
            return Optional.empty();
        }
        List<ArrayTaskState> tasks = SchedulerOutput.parse(jobId, "sacct", r.out);
        return tasks.isEmpty() ? Optional.empty() : Optional.of(tasks);
    }

    /**
     * {@code squeue -h --states=all --name=NAME -o '%A|%o'}: the array job (id {@code %A}) whose batch script
     * ({@code %o}) is {@code script}.
     */
    @Override
    public Optional<String> findJob(String jobName, Path script) {
        Result r = run(List.of("squeue", "-h", "--states=all", "--name=" + jobName, "-o", "%A|%o"));
        if (r.status != 0) {
            throw new SlurmException("squeue --name=" + jobName + " failed (exit " + r.status + "): " + r.firstErrorLine());
        }
        String wanted = script.toString();
        return r.out.lines().map(String::strip).filter(l -> !l.isEmpty()).map(l -> l.split("\\|", 2))
                .filter(f -> f.length == 2 && f[1].strip().equals(wanted) && f[0].strip().matches("\\d+"))
                .map(f -> f[0].strip()).findFirst();
    }

    /** {@code scancel ID}: cancels every task of the array that has not ended. */
    @Override
    public void cancel(String jobId) {
        Result r = run(List.of("scancel", jobId));
        if (r.status != 0) {
            throw new SlurmException("scancel " + jobId + " failed (exit " + r.status + "): " + r.firstErrorLine());
        }
    }

    private Result run(List<String> command) {
        Path err = null;
        try {
            err = Files.createTempFile("ffnlab-slurm", ".err");
            ProcessBuilder pb = new ProcessBuilder(command).redirectError(err.toFile());
            pb.environment().putAll(environment);
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                throw new SlurmException(command.getFirst() + " not found: run ffnlab on a SLURM login node, or add SLURM's commands to PATH ("
                        + e.getMessage() + ")", e);
            }
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new SlurmException(String.join(" ", command) + " did not answer within " + TIMEOUT_S + " s");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SlurmException(String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlurmException("interrupted while running " + String.join(" ", command), e);
        } finally {
            if (err != null) {
                try {
                    Files.deleteIfExists(err);
                } catch (IOException e) {
                    LOG.debug("could not delete {}: {}", err, e.getMessage());
                }
            }
        }
    }

    private record Result(int status, String out, String err) {
        String firstErrorLine() {
            List<String> lines = new ArrayList<>(err.strip().lines().filter(l -> !l.isBlank()).toList());
            return lines.isEmpty() ? "(no message)" : lines.getFirst().strip();
        }
    }
}
