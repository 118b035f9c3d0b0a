package ffnlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The parsed command: from the jar's arguments ({@code run NAME --set k=v --fresh --profile smoke --threads 2
 * --experiments DIR --results DIR}) or, with no arguments, from system properties ({@code -Dexp=NAME -Dset=...
 * -Dfresh=true -Dprofile=smoke -Dthreads=N -Dcheck=true -Dreport-only=true -Dexperiments.dir -Dresults.dir}).
 */
record CommandLine(String command, String experiment, String trialId, String set, boolean fresh, String profile,
                   int threads, Path experiments, Path results) {

    static final String USAGE = "usage: run NAME | check NAME | report NAME | list | trial --experiment NAME --id ID"
            + " [--set k=v,...] [--fresh] [--profile smoke|ci] [--threads N] [--experiments DIR] [--results DIR];"
            + " with Maven: mvn -q exec:java -Dexp=NAME [-Dset=...] [-Dfresh=true] [-Dprofile=smoke] [-Dthreads=N] [-Dcheck=true] [-Dreport-only=true]";

    /** results/&lt;name&gt; under the chosen profile. */
    String resultsName() {
        return profile == null || profile.isBlank() || profile.equals("default") ? experiment : experiment + "-" + profile;
    }

    static CommandLine parse(String[] args) {
        String exp = System.getProperty("exp");
        String set = System.getProperty("set");
        boolean fresh = Boolean.getBoolean("fresh");
        String profile = System.getProperty("profile");
        String threads = System.getProperty("threads");
        Path experiments = Path.of(System.getProperty("experiments.dir", "experiments"));
        Path results = Path.of(System.getProperty("results.dir", "results"));
        if (args.length == 0) {
            if (exp == null || exp.isBlank()) {
                throw new IllegalArgumentException("no experiment given; " + USAGE);
            }
            String command = Boolean.getBoolean("check") ? "check" : Boolean.getBoolean("report-only") ? "report" : "run";
            return new CommandLine(command, exp, null, set, fresh, profile, threads(threads), experiments, results);
        }
        String command = args[0];
        String trialId = null;
        List<String> positional = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--fresh" -> fresh = true;
                case "--set", "--profile", "--threads", "--experiments", "--results", "--experiment", "--id" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(a + " needs a value; " + USAGE);
                    }
                    String v = args[++i];
                    switch (a) {
                        case "--set" -> set = set == null ? v : set + "," + v;
                        case "--profile" -> profile = v;
                        case "--threads" -> threads = v;
                        case "--experiments" -> experiments = Path.of(v);
                        case "--results" -> results = Path.of(v);
                        case "--experiment" -> exp = v;
                        default -> trialId = v;
                    }
                }
                default -> {
                    if (a.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + a + "; " + USAGE);
                    }
                    positional.add(a);
                }
            }
        }
        if (!positional.isEmpty()) {
            exp = positional.getFirst();
        }
        if (!List.of("run", "check", "report", "list", "trial").contains(command)) {
            throw new IllegalArgumentException("unknown command '" + command + "'; " + USAGE);
        }
        if (!command.equals("list") && (exp == null || exp.isBlank())) {
            throw new IllegalArgumentException(command + " needs an experiment name; " + USAGE);
        }
        if (command.equals("trial") && trialId == null) {
            throw new IllegalArgumentException("trial needs --id ID; " + USAGE);
        }
        return new CommandLine(command, exp, trialId, set, fresh, profile, threads(threads), experiments, results);
    }

    private static int threads(String text) {
        int cores = Runtime.getRuntime().availableProcessors();
        if (text == null || text.isBlank()) {
            return cores;
        }
        try {
            int n = Integer.parseInt(text.strip());
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("threads: expected a positive whole number, got '" + text + "'");
        }
    }
}
