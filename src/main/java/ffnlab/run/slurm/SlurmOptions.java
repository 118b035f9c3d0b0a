package ffnlab.run.slurm;

import ffnlab.spec.SlurmSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How a sweep is handed to SLURM: what each array task asks for, how many run at once, and whether the
 * submitter follows the job.
 *
 * @param partition        {@code --partition}; null = the cluster's default
 * @param time             {@code --time} per task ({@code MM}, {@code HH:MM:SS}, {@code D-HH:MM:SS}); null = the partition's
 * @param cpusPerTask      {@code --cpus-per-task}: the trial's thread budget ({@code SLURM_CPUS_PER_TASK} on the node)
 * @param memory           {@code --mem} per task ({@code 4G}, {@code 512M}); null = the cluster's default
 * @param extraDirectives  further {@code #SBATCH} options, one per element ({@code --qos=short}, {@code --account=lab})
 * @param maxParallel      k in {@code --array=0-(n-1)%k}: at most k tasks at once; 0 = no cap
 * @param javaCommand      the Java launcher on the nodes (a JDK 25); default: this JVM's, found through the shared filesystem
 * @param javaOptions      extra JVM flags for each trial ({@code -Xmx4g}); none by default
 * @param follow           follow the job until its array ends (squeue / sacct), reporting trials as they finish
 * @param pollInterval     how often a waiting submitter asks the scheduler
 */
public record SlurmOptions(String partition, String time, int cpusPerTask, String memory, List<String> extraDirectives,
                           int maxParallel, String javaCommand, List<String> javaOptions, boolean follow, Duration pollInterval) {

    /** Checks every value as {@link SlurmSettings} does ("slurm.KEY: expected ..., got ..."). */
    public SlurmOptions {
        SlurmSettings checked = new SlurmSettings(partition, time, cpusPerTask, memory, extraDirectives, maxParallel,
                javaCommand == null ? "" : javaCommand, javaOptions, follow, pollInterval);
        partition = checked.partition();
        time = checked.time();
        memory = checked.memory();
        extraDirectives = checked.sbatch();
        javaOptions = checked.javaOptions();
    }

    /** One CPU per task, no cap, no waiting, this JVM's launcher, the cluster's defaults for the rest. */
    public static SlurmOptions defaults() {
        return new SlurmOptions(null, null, 1, null, List.of(), 0, thisJava(), List.of(), false, Duration.ofSeconds(5));
    }

    /** The options the settings give (later ones win), the {@link #defaults} for the rest. */
    public static SlurmOptions of(SlurmSettings... layers) {
        SlurmSettings s = SlurmSettings.none();
        for (SlurmSettings layer : layers) {
            s = layer.over(s);
        }
        SlurmOptions d = defaults();
        return new SlurmOptions(s.partition() != null ? s.partition() : d.partition(), s.time() != null ? s.time() : d.time(),
                s.cpusPerTask() != null ? s.cpusPerTask() : d.cpusPerTask(), s.memory() != null ? s.memory() : d.memory(),
                s.sbatch() != null ? s.sbatch() : d.extraDirectives(), s.maxParallel() != null ? s.maxParallel() : d.maxParallel(),
                s.java() != null ? s.java() : d.javaCommand(), s.javaOptions() != null ? s.javaOptions() : d.javaOptions(),
                s.follow() != null ? s.follow() : d.follow(), s.poll() != null ? s.poll() : d.pollInterval());
    }

    /**
     * The options from {@code key -> text} settings (later maps win), read by {@link SlurmSettings#parse}.
     *
     * @throws IllegalArgumentException "slurm.KEY: expected ..., got ..." for the first bad value
     */
    @SafeVarargs
    public static SlurmOptions fromSettings(Map<String, String>... layers) {
        return of(java.util.Arrays.stream(layers).map(SlurmSettings::parse).toArray(SlurmSettings[]::new));
    }

    /** The same options, following the job (or not). */
    public SlurmOptions withFollow(boolean follow) {
        return new SlurmOptions(partition, time, cpusPerTask, memory, extraDirectives, maxParallel, javaCommand, javaOptions, follow, pollInterval);
    }

    /** {@code 0-(n-1)} or {@code 0-(n-1)%k}: the {@code --array} value for n tasks. */
    public String arraySpec(int tasks) {
        if (tasks < 1) {
            throw new IllegalArgumentException("an array needs at least one task, got " + tasks);
        }
        return "0-" + (tasks - 1) + (maxParallel > 0 ? "%" + maxParallel : "");
    }

    /** This JVM's launcher ({@code java.home/bin/java}): right on a cluster whose nodes share the filesystem. */
    public static String thisJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
