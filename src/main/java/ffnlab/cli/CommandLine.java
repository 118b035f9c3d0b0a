package ffnlab.cli;

import ffnlab.results.ResultsStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parsed command: from the launcher's arguments ({@code run NAME --set k=v --variant V --fresh --profile smoke --threads 2
 * --experiments DIR --results DIR}, {@code compare A B}) or, with no arguments, from system properties ({@code -Dexp=NAME -Dset=... -Dvariant=V
 * -Dfresh=true -Dprofile=smoke -Dthreads=N -Dcheck=true|record -Dvalidate=true -Dreport-only=true -Dexperiments.dir -Dresults.dir}).
 * {@code help [COMMAND]}, {@code --help} and {@code -h} (alone or after a command) give the command {@code help} with the
 * command asked about, if any, as its experiment; {@link Help} has the texts. An experiment written {@code NAME@VARIANT}
 * names the variant too; {@code names} keeps the positional arguments as given (compare's two results names);
 * {@code baseline} is compare's {@code --baseline KEY=VALUE,...}, null without one.
 */
record CommandLine(String command, String experiment, String trialId, String set, boolean fresh, String profile,
                   int threads, Path experiments, Path results, boolean record, String invocation, String executor,
                   Map<String, String> slurm, String format, Path out, String variant, List<String> names, String baseline) {

    /** results/&lt;name&gt; under the chosen profile, as the named variant (without one derived from --set). */
    String resultsName() {
        return ffnlab.run.RunOptions.resultsName(experiment, profile, variant);
    }

    static CommandLine parse(String[] args) {
        SystemProperties.checkNames(System.getProperties().stringPropertyNames());
        String exp = System.getProperty("exp");
        String set = System.getProperty("set");
        boolean fresh = SystemProperties.flag("fresh", System.getProperty("fresh"));
        String profile = System.getProperty("profile");
        String threads = System.getProperty("threads");
        Path experiments = Path.of(System.getProperty("experiments.dir", "experiments"));
        Path results = Path.of(System.getProperty("results.dir", "results"));
        String executor = System.getProperty("executor", "local");
        String variant = System.getProperty("variant");
        Map<String, String> slurm = new LinkedHashMap<>();
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("slurm.")).sorted()
                .forEach(k -> slurm.put(k.substring("slurm.".length()), System.getProperty(k)));
        if (System.getProperty("wait") != null) {
            slurm.put("wait", System.getProperty("wait"));
        }
        if (args.length == 0) {
            if (exp == null || exp.isBlank()) {
                throw new IllegalArgumentException("no experiment given: -Dexp=NAME (the commands: mvn -q exec:java -Dexec.args=help)");
            }
            String check = System.getProperty("check", "false").strip();
            if (!List.of("true", "false", "record").contains(check)) {
                throw new IllegalArgumentException("-Dcheck: expected true or record, got '" + check + "'");
            }
            String command = !check.equals("false") ? "check" : SystemProperties.flag("validate", System.getProperty("validate")) ? "validate"
                    : SystemProperties.flag("report-only", System.getProperty("report-only")) ? "report" : "run";
            return new CommandLine(command, ResultsStore.base(exp), null, set, fresh, profile, threads(threads), experiments, results,
                    check.equals("record"), mavenInvocation(exp, set, profile, threads, check), executor(executor), slurm, null, null,
                    variant(exp, variant), List.of(exp), null);
        }
        String command = args[0];
        if (Help.FLAGS.contains(command) || command.equals("help")) {
            String topic = args.length > 1 ? args[1] : null;
            return help(topic != null && Help.FLAGS.contains(topic) ? "help" : topic, experiments, results);
        }
        if (!Help.commands().contains(command)) {
            throw new IllegalArgumentException(Help.unknownCommand(command));
        }
        if (Arrays.stream(args).skip(1).anyMatch(Help.FLAGS::contains)) {
            return help(command, experiments, results);
        }
        String seeHelp = " (ffnlab help " + command + ")";
        String trialId = null;
        boolean record = false;
        String format = null;
        Path out = null;
        String baseline = null;
        List<String> positional = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--fresh" -> fresh = true;
                case "--record" -> record = true;
                case "--wait" -> slurm.put("wait", "true");
                case "--executor", "--slurm", "--set", "--profile", "--threads", "--experiments", "--results", "--experiment", "--id",
                     "--format", "--out", "--variant", "--baseline" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(a + " needs a value" + seeHelp);
                    }
                    String v = args[++i];
                    switch (a) {
                        case "--set" -> set = set == null ? v : set + "," + v;
                        case "--executor" -> executor = v;
                        case "--slurm" -> {
                            int eq = v.indexOf('=');
                            if (eq < 1) {
                                throw new IllegalArgumentException("--slurm: expected key=value (e.g. partition=short), got '" + v + "'");
                            }
                            slurm.put(v.substring(0, eq).strip(), v.substring(eq + 1));
                        }
                        case "--profile" -> profile = v;
                        case "--threads" -> threads = v;
                        case "--experiments" -> experiments = Path.of(v);
                        case "--results" -> results = Path.of(v);
                        case "--experiment" -> exp = v;
                        case "--format" -> format = v;
                        case "--out" -> out = Path.of(v);
                        case "--variant" -> variant = v;
                        case "--baseline" -> baseline = v;
                        default -> trialId = v;
                    }
                }
                default -> {
                    if (a.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + a
                                + Help.closestOption(a).map(o -> "; did you mean " + o + "?").orElse("") + seeHelp);
                    }
                    positional.add(a);
                }
            }
        }
        if (!positional.isEmpty()) {
            exp = positional.getFirst();
        }
        if (command.equals("compare") && (positional.isEmpty() || positional.size() > 2)) {
            throw new IllegalArgumentException("compare needs two results names A B, or one variant NAME@VARIANT to compare with NAME"
                    + seeHelp);
        }
        if (baseline != null && !(command.equals("compare") && positional.size() == 1)) {
            throw new IllegalArgumentException("--baseline goes with compare and one results name: compare NAME --baseline KEY=VALUE,..."
                    + seeHelp);
        }
        if (!command.equals("compare") && exp != null) {
            variant = variant(exp, variant);
            exp = ResultsStore.base(exp);
        }
        if (!command.equals("list") && (exp == null || exp.isBlank())) {
            throw new IllegalArgumentException(command + " needs an experiment name" + seeHelp);
        }
        if (command.equals("trial") && trialId == null) {
            throw new IllegalArgumentException("trial needs --id ID" + seeHelp);
        }
        if ((format != null || out != null) && !command.equals("results")) {
            throw new IllegalArgumentException("--format and --out go with results (ffnlab help results)");
        }
        if (command.equals("results") && format == null) {
            format = "csv";
        }
        if (record && !command.equals("check")) {
            throw new IllegalArgumentException("--record goes with check (ffnlab help check)");
        }
        return new CommandLine(command, exp, trialId, set, fresh, profile, threads(threads), experiments, results, record,
                "java -jar ffnlab.jar " + String.join(" ", args), executor(executor), slurm, format, out, variant,
                List.copyOf(positional), baseline);
    }

    /** The command {@code help}, about {@code topic} (null: the tool). */
    private static CommandLine help(String topic, Path experiments, Path results) {
        return new CommandLine("help", topic, null, null, false, null, 1, experiments, results, false, "", "local", Map.of(), null, null,
                null, List.of(), null);
    }

    /**
     * The variant of {@code NAME@VARIANT}, else {@code given} ({@code -Dvariant} / {@code --variant}); null for none.
     * Both must agree when both are given.
     */
    private static String variant(String name, String given) {
        String variant = given == null || given.isBlank() ? null : given.strip();
        int at = name.indexOf(ResultsStore.VARIANT);
        if (at < 0) {
            return variant;
        }
        String named = name.substring(at + 1);
        if (variant != null && !variant.equals(named)) {
            throw new IllegalArgumentException(name + " names the variant '" + named + "' but --variant gives '" + variant + "'");
        }
        return named;
    }

    private static String executor(String text) {
        String e = text.strip();
        if (!e.equals("local") && !e.equals("slurm")) {
            throw new IllegalArgumentException("executor: expected local or slurm, got '" + text + "'");
        }
        return e;
    }

    /** The exec:java command as a user would retype it (for a baseline's provenance comment). */
    private static String mavenInvocation(String exp, String set, String profile, String threads, String check) {
        StringBuilder b = new StringBuilder("mvn -q exec:java -Dexp=").append(exp);
        if (profile != null && !profile.isBlank()) {
            b.append(" -Dprofile=").append(profile);
        }
        if (set != null) {
            b.append(" '-Dset=").append(set).append('\'');
        }
        if (threads != null && !threads.isBlank()) {
            b.append(" -Dthreads=").append(threads);
        }
        return b.append(" -Dcheck=").append(check).toString();
    }

    private static int threads(String text) {
        int cores = Runtime.getRuntime().availableProcessors();
        if (text == null || text.isBlank()) {
            // inside a SLURM allocation (an array task of --executor slurm), its CPUs are the budget
            String allocated = System.getenv("SLURM_CPUS_PER_TASK");
            return allocated != null && allocated.strip().matches("[1-9][0-9]*") ? Integer.parseInt(allocated.strip()) : cores;
        }
        try {
            int n = Integer.parseInt(text.strip());
            if (n < 1 || n > ffnlab.spec.Limits.MAX_THREADS) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("threads: expected a whole number from 1 to " + ffnlab.spec.Limits.MAX_THREADS
                    + ", got '" + text + "'");
        }
    }
}
