package ffnlab.cli;

import ffnlab.spec.Diagnostics;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The help texts: {@code ffnlab help} lists the commands, {@code ffnlab help COMMAND} (or {@code COMMAND --help})
 * shows one command in the launcher's syntax, then the same command with Maven in a block of its own. Each
 * command, each option and each option's Maven spelling is written here once; the texts are assembled from them.
 */
final class Help {
    /** What {@code COMMAND --help} and {@code ffnlab --help} accept besides {@code help}. */
    static final List<String> FLAGS = List.of("--help", "-h");

    /**
     * One option of the command line.
     *
     * @param jar         as written after the command, e.g. {@code --threads N}
     * @param maven       the Maven spelling, e.g. {@code -Dthreads=N}
     * @param description one line
     */
    private record Option(String jar, String maven, String description) {
        String name() {
            return jar.split(" ")[0];
        }
    }

    private static final List<Option> OPTIONS = List.of(
            new Option("--profile P", "-Dprofile=P", "run the file's profile P (smoke: every step in seconds; ci); results go to results/NAME-P"),
            new Option("--set K=V,...", "-Dset=K=V,...", "override keys of the file before the sweep expands, e.g. training.epochs=20,seeds=[1,2]"),
            new Option("--variant V", "-Dvariant=V", "run as variant V: results/NAME@V, own plan and report, shared trials (--set alone: V from the overrides, lr=0.01)"),
            new Option("--fresh", "-Dfresh=true", "retrain every trial, also those finished earlier"),
            new Option("--threads N", "-Dthreads=N", "the thread budget (default: every core; inside a SLURM task its CPUs)"),
            new Option("--experiments DIR", "-Dexperiments.dir=DIR", "where NAME.yaml is read (default: experiments)"),
            new Option("--results DIR", "-Dresults.dir=DIR", "the results store (default: results); the reports go beside it, to reports/"),
            new Option("--record", "-Dcheck=record", "write the baseline experiments/baselines/NAME[-P].csv instead of checking against it"),
            new Option("--executor slurm", "-Dexecutor=slurm", "submit the unfinished trials as one SLURM array job (default: local)"),
            new Option("--wait", "-Dwait=true", "with --executor slurm: follow the job to its end, then print the results table"),
            new Option("--slurm K=V", "-Dslurm.K=V", "a SLURM setting, e.g. partition=short, time=01:00:00, mem=4G; repeatable (README: every key)"),
            new Option("--experiment NAME", "-Dexp=NAME", "the experiment the trial belongs to"),
            new Option("--id ID", "", "the trial's id (its folder name under results/NAME/trials)"),
            new Option("--format F", "", "csv or json: one row per trial; long-csv or long-json: one row per trial and epoch (default: csv)"),
            new Option("--out FILE", "", "write to FILE (replaced whole, never half-written) instead of the console"),
            new Option("--baseline K=V,...", "", "compare every other configuration of NAME with this one, e.g. model.hidden=64"));

    /**
     * One command.
     *
     * @param name      as typed
     * @param arguments what follows the name, before the options
     * @param summary   one line for the command list
     * @param about     what it does, a few sentences
     * @param options   the names of its options, in the order shown
     * @param maven     how Maven selects it, e.g. {@code -Dexp=NAME -Dvalidate=true}; empty when Maven passes the
     *                  launcher's arguments through {@code -Dexec.args}
     */
    private record Command(String name, String arguments, String summary, String about, List<String> options, String maven) {
    }

    private static final List<String> RUN_OPTIONS = List.of("--profile", "--set", "--variant", "--fresh", "--threads", "--experiments", "--results");
    private static final List<Command> COMMANDS = List.of(
            new Command("run", "NAME", "train the unfinished trials, print the results table, write the report",
                    "Trains the trials of experiments/NAME.yaml that are not finished yet (finished trials of the same build are\n"
                            + "reused), prints the results table per configuration and writes reports/NAME/index.html.",
                    concat(RUN_OPTIONS, List.of("--executor", "--wait", "--slurm")), "-Dexp=NAME"),
            new Command("check", "NAME", "the accuracy gate: run, compare with the baseline, exit 1 on a regression",
                    "Runs the experiment (reusing finished trials), compares each configuration's mean metric over seeds with\n"
                            + "experiments/baselines/NAME[-PROFILE].csv and prints a PASS/FAIL table; exit status 1 on a regression.",
                    concat(List.of("--record"), RUN_OPTIONS), "-Dexp=NAME -Dcheck=true|record"),
            new Command("validate", "NAME", "check an experiment file and count its trials; trains nothing",
                    "Reads experiments/NAME.yaml, prints every problem on a line of its own (file:line:column) or the number of\n"
                            + "configurations, seeds and trials; trains nothing.",
                    List.of("--profile", "--set", "--experiments"), "-Dexp=NAME -Dvalidate=true"),
            new Command("report", "NAME", "rebuild the report from results/ alone; never trains",
                    "Prints the results table and rebuilds reports/NAME/index.html and reports/index.html from the finished\n"
                            + "trials in results/; never trains.",
                    List.of("--profile", "--variant", "--results"), "-Dexp=NAME -Dreport-only=true"),
            new Command("results", "NAME", "every finished trial as one table (CSV or JSON) for a notebook",
                    "Writes the finished trials of results/NAME (NAME-PROFILE with --profile, NAME@VARIANT for a variant) as one\n"
                            + "tidy table: per trial its configuration (its label and one column per swept key), seed, trial id,\n"
                            + "status, epochs run, diverged epoch, every summary metric some trial measured, and its provenance\n"
                            + "(git commit, engine, backend, threads, start time). A plain header, numbers as numbers, missing\n"
                            + "values empty (CSV) or null (JSON): pandas.read_csv, pandas.read_json(orient=\"records\") and\n"
                            + "Tablesaw read it as it is.",
                    List.of("--format", "--out", "--profile", "--results"), ""),
            new Command("compare", "A [B]", "compare two runs, or configurations with a baseline: difference of means, 95% CI, verdict",
                    "Compares the finished trials of results A and B (experiments or variants, e.g. width-sweep and\n"
                            + "width-sweep@lr=0.01; A alone as NAME@VARIANT compares the variant with NAME): per configuration in\n"
                            + "both, B's mean final test metric minus A's with its 95% Welch t interval and a verdict (better, worse,\n"
                            + "indistinguishable, not assessed), printed and written to reports/compare-A-vs-B/index.html.\n"
                            + "compare NAME --baseline K=V,... compares every other configuration of NAME (B) with the one whose\n"
                            + "swept keys have these values (A), e.g. compare width-sweep --baseline model.hidden=64; the page goes\n"
                            + "to reports/compare-NAME-baseline-K=V/index.html.",
                    List.of("--baseline", "--profile", "--results"), ""),
            new Command("list", "[NAME]", "the experiments and, per results folder, planned/finished/diverged trials",
                    "Lists the experiment files (or only NAME) with their description and every results folder of each:\n"
                            + "the plain run, its profiles (NAME-smoke, NAME-ci) and its variants (NAME@VARIANT). Trials are\n"
                            + "counted against the folder's plan: planned, finished, diverged, unfinished, and other (trial\n"
                            + "folders of earlier versions of the file or other engines, kept for reuse, not in the plan).",
                    List.of("--experiments", "--results"), ""),
            new Command("trial", "--experiment NAME --id ID", "train one trial of an experiment (what a SLURM array task runs)",
                    "Trains the one trial of experiment NAME whose id is ID and stores it in results/, as run would; builds no\n"
                            + "report (whoever follows the whole sweep does).",
                    concat(List.of("--experiment", "--id"), RUN_OPTIONS), ""),
            new Command("help", "[COMMAND]", "the commands, or one command's options",
                    "Lists the commands, or shows one command's syntax and options; COMMAND --help does the same.",
                    List.of(), ""));

    private Help() {
    }

    /** The command names, in the order the help lists them. */
    static List<String> commands() {
        return COMMANDS.stream().map(Command::name).toList();
    }

    /** Every option any command takes, e.g. {@code --threads}. */
    static List<String> options() {
        return OPTIONS.stream().map(Option::name).toList();
    }

    /** The options {@code command} takes, in the order its help shows them. */
    static List<String> options(String command) {
        return command(command).options();
    }

    /** Whether {@code option} is followed by a value ({@code --threads N}, unlike {@code --fresh}). */
    static boolean takesValue(String option) {
        return OPTIONS.stream().anyMatch(o -> o.name().equals(option) && o.jar().contains(" "));
    }

    /**
     * The tool's help ({@code topic} null) or one command's.
     *
     * @throws IllegalArgumentException for a command that does not exist, with the closest one
     */
    static String text(String topic) {
        return topic == null ? overview() : about(command(topic));
    }

    /** The one-line error for a command that does not exist: the closest command, or the list of them. */
    static String unknownCommand(String given) {
        String message = Diagnostics.unknown("command", given, commands());
        return Diagnostics.closest(given, commands()) == null ? message : message + " (ffnlab help lists the commands)";
    }

    private static Command command(String name) {
        return COMMANDS.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(unknownCommand(name)));
    }

    private static String overview() {
        int width = COMMANDS.stream().mapToInt(c -> usage(c).length()).max().orElse(0);
        String commands = COMMANDS.stream().map(c -> String.format("  %-" + width + "s  %s", usage(c), c.summary()))
                .collect(Collectors.joining("\n"));
        return """
                ffnlab: feed-forward network experiments, from a YAML sweep to results and an HTML report.

                usage: ffnlab COMMAND [ARGUMENTS] [OPTIONS]
                (bin/ffnlab, or java -jar target/ffnlab-VERSION.jar with JDK 25)

                commands:
                %s

                ffnlab help COMMAND, or ffnlab COMMAND --help, shows a command's options.

                with Maven, in the project folder:
                  mvn -q compile exec:java -Dexp=NAME                   run NAME
                  mvn -q compile exec:java -Dexp=NAME -Dvalidate=true   validate NAME (so are -Dcheck=true, -Dreport-only=true)
                  mvn -q compile exec:java -Dexec.args="help run"       any command as the launcher takes it
                """.formatted(commands);
    }

    private static String usage(Command c) {
        return (c.name() + " " + c.arguments()).strip();
    }

    private static String about(Command c) {
        List<Option> options = c.options().stream().map(Help::option).toList();
        StringBuilder b = new StringBuilder("usage: ffnlab ").append(usage(c)).append(options.isEmpty() ? "" : " [OPTIONS]").append("\n\n");
        b.append(c.about()).append('\n');
        if (!options.isEmpty()) {
            int width = options.stream().mapToInt(o -> o.jar().length()).max().orElse(0);
            b.append("\noptions:\n");
            options.forEach(o -> b.append(String.format("  %-" + width + "s  %s%n", o.jar(), o.description())));
        }
        b.append("\nwith Maven, in the project folder:\n  mvn -q compile exec:java ");
        if (c.maven().isEmpty()) {
            b.append("-Dexec.args=\"").append(usage(c)).append(options.isEmpty() ? "" : " [OPTIONS]").append("\"\n");
        } else {
            StringBuilder line = new StringBuilder(c.maven());
            for (Option o : options) {
                String property = o.maven().substring(0, o.maven().indexOf('=') + 1);
                if (o.maven().isEmpty() || c.maven().contains(property)) {
                    continue;
                }
                if (line.length() + o.maven().length() > 80) {
                    b.append(line).append('\n').append("      ");
                    line.setLength(0);
                } else {
                    line.append(' ');
                }
                line.append('[').append(o.maven()).append(']');
            }
            b.append(line).append('\n');
        }
        return b.toString();
    }

    private static Option option(String name) {
        return OPTIONS.stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
    }

    /** The closest known option to a misspelt one, if any is close. */
    static Optional<String> closestOption(String given) {
        return Optional.ofNullable(Diagnostics.closest(given, options()));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
