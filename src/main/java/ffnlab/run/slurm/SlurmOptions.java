package ffnlab.run.slurm;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

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
    /** The keys {@link #fromSettings} accepts: the experiment file's {@code slurm:} section and {@code -Dslurm.<key>=}. */
    public static final Set<String> KEYS = Set.of("partition", "time", "cpus_per_task", "mem", "sbatch", "max_parallel", "java", "java_options",
            "wait", "poll_s");

    private static final Pattern TIME = Pattern.compile("(\\d+-)?\\d+(:\\d{1,2}){0,2}|UNLIMITED|INFINITE");
    private static final Pattern MEMORY = Pattern.compile("\\d+[KMGT]?");
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_.,:=@+/-]+");

    public SlurmOptions {
        partition = blankToNull(partition);
        time = blankToNull(time);
        memory = blankToNull(memory);
        if (partition != null && !WORD.matcher(partition).matches()) {
            throw new IllegalArgumentException("slurm.partition: expected a partition name, got '" + partition + "'");
        }
        if (time != null && !TIME.matcher(time).matches()) {
            throw new IllegalArgumentException("slurm.time: expected MM, HH:MM:SS or D-HH:MM:SS, got '" + time + "'");
        }
        if (cpusPerTask < 1) {
            throw new IllegalArgumentException("slurm.cpus_per_task: expected an integer >= 1, got " + cpusPerTask);
        }
        if (memory != null && !MEMORY.matcher(memory).matches()) {
            throw new IllegalArgumentException("slurm.mem: expected a size such as 4G or 512M, got '" + memory + "'");
        }
        List<String> directives = new ArrayList<>();
        for (String line : extraDirectives) {
            String d = line.strip();
            d = d.startsWith("#SBATCH") ? d.substring("#SBATCH".length()).strip() : d;
            if (!d.startsWith("-") || d.contains("\n") || d.contains("\r")) {
                throw new IllegalArgumentException("slurm.sbatch: expected one sbatch option per line such as --qos=short, got '" + line.strip() + "'");
            }
            directives.add(d);
        }
        extraDirectives = List.copyOf(directives);
        if (maxParallel < 0) {
            throw new IllegalArgumentException("slurm.max_parallel: expected an integer >= 0 (0 = no cap), got " + maxParallel);
        }
        if (javaCommand == null || javaCommand.isBlank()) {
            throw new IllegalArgumentException("slurm.java: expected the Java launcher to run on the nodes, got nothing");
        }
        javaOptions = List.copyOf(javaOptions);
        for (String flag : javaOptions) {
            if (!flag.startsWith("-") || flag.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("slurm.java_options: expected JVM flags such as -Xmx4g, got '" + flag + "'");
            }
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("slurm.poll_s: expected a positive number of seconds, got " + pollInterval);
        }
    }

    /** One CPU per task, no cap, no waiting, this JVM's launcher, the cluster's defaults for the rest. */
    public static SlurmOptions defaults() {
        return new SlurmOptions(null, null, 1, null, List.of(), 0, thisJava(), List.of(), false, Duration.ofSeconds(5));
    }

    /**
     * The options from {@code key -> text} settings (later maps win): {@code partition}, {@code time},
     * {@code cpus_per_task}, {@code mem}, {@code sbatch} (extra lines, separated by newlines or {@code ;}),
     * {@code max_parallel}, {@code java}, {@code java_options} (separated by blanks), {@code wait}, {@code poll_s}.
     *
     * @throws IllegalArgumentException "slurm.KEY: expected ..., got ..." for the first bad value
     */
    @SafeVarargs
    public static SlurmOptions fromSettings(Map<String, String>... layers) {
        Map<String, String> s = new LinkedHashMap<>();
        for (Map<String, String> layer : layers) {
            for (Map.Entry<String, String> e : layer.entrySet()) {
                if (!KEYS.contains(e.getKey())) {
                    throw new IllegalArgumentException("slurm." + e.getKey() + ": unknown option; expected one of " + KEYS.stream().sorted().toList());
                }
                s.put(e.getKey(), e.getValue());
            }
        }
        SlurmOptions d = defaults();
        List<String> extra = s.containsKey("sbatch")
                ? List.of(s.get("sbatch").split("[;\n]")).stream().map(String::strip).filter(x -> !x.isEmpty()).toList()
                : d.extraDirectives();
        return new SlurmOptions(s.getOrDefault("partition", d.partition()), s.getOrDefault("time", d.time()),
                integer(s, "cpus_per_task", d.cpusPerTask()), s.getOrDefault("mem", d.memory()), extra,
                integer(s, "max_parallel", d.maxParallel()), s.getOrDefault("java", d.javaCommand()),
                s.containsKey("java_options") ? List.of(s.get("java_options").strip().split("\\s+")).stream().filter(x -> !x.isEmpty()).toList()
                        : d.javaOptions(),
                bool(s, "wait", d.follow()), seconds(s, "poll_s", d.pollInterval()));
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

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static int integer(Map<String, String> s, String key, int fallback) {
        String v = s.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("slurm." + key + ": expected an integer, got '" + v + "'");
        }
    }

    private static boolean bool(Map<String, String> s, String key, boolean fallback) {
        String v = s.get(key);
        if (v == null) {
            return fallback;
        }
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException("slurm." + key + ": expected true or false, got '" + v + "'");
        };
    }

    private static Duration seconds(Map<String, String> s, String key, Duration fallback) {
        String v = s.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Duration.ofMillis(Math.round(Double.parseDouble(v.strip()) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("slurm." + key + ": expected a number of seconds, got '" + v + "'");
        }
    }
}
