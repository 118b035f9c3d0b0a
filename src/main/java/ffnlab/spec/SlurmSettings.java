package ffnlab.spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * SLURM options as one source gives them (the experiment file's {@code slurm:} section, or {@code --slurm key=value}
 * / {@code -Dslurm.key=value} on the command line), each checked; null is "not given", so a later source can be laid
 * {@link #over} an earlier one. {@code run.slurm.SlurmOptions} fills in the defaults.
 *
 * @param partition   {@code partition}: the {@code --partition} name
 * @param time        {@code time}: {@code MM}, {@code HH:MM:SS} or {@code D-HH:MM:SS} per task
 * @param cpusPerTask {@code cpus_per_task}: at least 1
 * @param memory      {@code mem}: {@code 4G}, {@code 512M}
 * @param sbatch      {@code sbatch}: further {@code #SBATCH} options, one each ({@code --qos=short})
 * @param maxParallel {@code max_parallel}: at most this many tasks at once, 0 = no cap
 * @param java        {@code java}: the Java launcher on the nodes
 * @param javaOptions {@code java_options}: JVM flags for each trial
 * @param follow      {@code wait}: follow the job until its array ends
 * @param poll        {@code poll_s}: how often a waiting submitter asks the scheduler
 */
public record SlurmSettings(String partition, String time, Integer cpusPerTask, String memory, List<String> sbatch, Integer maxParallel,
                            String java, List<String> javaOptions, Boolean follow, Duration poll) {
    /** The option names, sorted. */
    public static final List<String> KEYS = List.of("cpus_per_task", "java", "java_options", "max_parallel", "mem", "partition", "poll_s",
            "sbatch", "time", "wait");

    private static final Pattern TIME = Pattern.compile("(\\d+-)?\\d+(:\\d{1,2}){0,2}|UNLIMITED|INFINITE");
    private static final Pattern MEMORY = Pattern.compile("\\d+[KMGT]?");
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_.,:=@+/-]+");

    /** Checks every given value; the message of the first bad one is "slurm.KEY: expected ..., got ...". */
    public SlurmSettings {
        partition = blankToNull(partition);
        time = blankToNull(time);
        memory = blankToNull(memory);
        if (partition != null && !WORD.matcher(partition).matches()) {
            throw bad("partition", "expected a partition name, got '" + partition + "'");
        }
        if (time != null && !TIME.matcher(time).matches()) {
            throw bad("time", "expected MM, HH:MM:SS or D-HH:MM:SS, got '" + time + "'");
        }
        if (cpusPerTask != null && cpusPerTask < 1) {
            throw bad("cpus_per_task", "expected an integer >= 1, got " + cpusPerTask);
        }
        if (memory != null && !MEMORY.matcher(memory).matches()) {
            throw bad("mem", "expected a size such as 4G or 512M, got '" + memory + "'");
        }
        List<String> directives = new ArrayList<>();
        for (String line : sbatch == null ? List.<String>of() : sbatch) {
            String d = line.strip();
            d = d.startsWith("#SBATCH") ? d.substring("#SBATCH".length()).strip() : d;
            if (!d.startsWith("-") || d.contains("\n") || d.contains("\r")) {
                throw bad("sbatch", "expected one sbatch option per line such as --qos=short, got '" + line.strip() + "'");
            }
            directives.add(d);
        }
        sbatch = sbatch == null ? null : List.copyOf(directives);
        if (maxParallel != null && maxParallel < 0) {
            throw bad("max_parallel", "expected an integer >= 0 (0 = no cap), got " + maxParallel);
        }
        if (java != null && java.isBlank()) {
            throw bad("java", "expected the Java launcher to run on the nodes, got nothing");
        }
        javaOptions = javaOptions == null ? null : List.copyOf(javaOptions);
        for (String flag : javaOptions == null ? List.<String>of() : javaOptions) {
            if (!flag.startsWith("-") || flag.chars().anyMatch(Character::isWhitespace)) {
                throw bad("java_options", "expected JVM flags such as -Xmx4g, got '" + flag + "'");
            }
        }
        if (poll != null && (poll.isNegative() || poll.isZero())) {
            throw bad("poll_s", "expected a positive number of seconds, got " + poll);
        }
    }

    /** Nothing given. */
    public static SlurmSettings none() {
        return new SlurmSettings(null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * Reads {@code key -> text} settings: {@code sbatch} lines are separated by newlines or {@code ;}, {@code java_options}
     * by blanks.
     *
     * @throws IllegalArgumentException "slurm.KEY: expected ..., got ..." for the first unknown key or bad value
     */
    public static SlurmSettings parse(Map<String, String> text) {
        for (String key : text.keySet()) {
            if (!KEYS.contains(key)) {
                throw bad(key, "unknown option; expected one of " + KEYS);
            }
        }
        String sbatch = text.get("sbatch");
        String javaOptions = text.get("java_options");
        return new SlurmSettings(text.get("partition"), text.get("time"), integer(text, "cpus_per_task"), text.get("mem"),
                sbatch == null ? null : List.of(sbatch.split("[;\n]")).stream().map(String::strip).filter(x -> !x.isEmpty()).toList(),
                integer(text, "max_parallel"), text.get("java"),
                javaOptions == null ? null : List.of(javaOptions.strip().split("\\s+")).stream().filter(x -> !x.isEmpty()).toList(),
                bool(text, "wait"), seconds(text, "poll_s"));
    }

    /**
     * Reads the experiment file's {@code slurm:} section (a scalar per option; a list for {@code sbatch} and
     * {@code java_options}); each problem goes to {@code d} at the mark of its value.
     */
    static SlurmSettings read(Node section, Diagnostics d) {
        if (section == null || section instanceof Node.Scalar s && s.value() == null) {
            return none();
        }
        if (!(section instanceof Node.Mapping m)) {
            d.add(section.mark(), "slurm", "expected a mapping of options (" + String.join(", ", KEYS) + ")");
            return none();
        }
        Map<String, String> good = new LinkedHashMap<>();
        BiConsumer<String, Node> one = (key, value) -> {
            Object v = value.plain();
            String text = v instanceof List<?> l ? String.join("\n", l.stream().map(String::valueOf).toList()) : String.valueOf(v);
            try {
                parse(Map.of(key, text));
                good.put(key, text);
            } catch (IllegalArgumentException e) {
                d.add(KEYS.contains(key) ? value.mark() : m.keyMark(key), "slurm." + key, e.getMessage().substring(("slurm." + key + ": ").length()));
            }
        };
        m.entries().forEach(one);
        return parse(good);
    }

    /** These settings, with {@code lower}'s where these give none. */
    public SlurmSettings over(SlurmSettings lower) {
        return new SlurmSettings(or(partition, lower.partition), or(time, lower.time), or(cpusPerTask, lower.cpusPerTask), or(memory, lower.memory),
                or(sbatch, lower.sbatch), or(maxParallel, lower.maxParallel), or(java, lower.java),
                or(javaOptions, lower.javaOptions), or(follow, lower.follow), or(poll, lower.poll));
    }

    private static <T> T or(T value, T lower) {
        return value != null ? value : lower;
    }

    private static IllegalArgumentException bad(String key, String message) {
        return new IllegalArgumentException("slurm." + key + ": " + message);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Integer integer(Map<String, String> s, String key) {
        String v = s.get(key);
        if (v == null) {
            return null;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw bad(key, "expected an integer, got '" + v + "'");
        }
    }

    private static Boolean bool(Map<String, String> s, String key) {
        String v = s.get(key);
        if (v == null) {
            return null;
        }
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw bad(key, "expected true or false, got '" + v + "'");
        };
    }

    private static Duration seconds(Map<String, String> s, String key) {
        String v = s.get(key);
        if (v == null) {
            return null;
        }
        try {
            return Duration.ofMillis(Math.round(Double.parseDouble(v.strip()) * 1000));
        } catch (NumberFormatException e) {
            throw bad(key, "expected a number of seconds, got '" + v + "'");
        }
    }
}
