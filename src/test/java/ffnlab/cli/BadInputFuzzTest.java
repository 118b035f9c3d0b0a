package ffnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.data.Datasets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded mutations of the committed experiment files, of {@code --set} overrides and of CSV datasets, run through
 * the real entry point ({@link Main#run}) in this JVM: most cases with {@code validate}, some CSV cases with
 * {@code run} (one trial of two epochs on 24 rows, report included). Every case must end within
 * {@link #PER_CASE_SECONDS} with status 0 (the mutation left a valid input) or status 2 with only problem lines on
 * the console (exactly one for {@code run}: every input that validate refuses is given to run too), each naming
 * the file (the experiment, the dataset, or the {@code -Dset} option), no stack trace,
 * nothing on stdout or in the log, and nothing written under results/. {@link CorruptDataFuzzTest} does the same
 * for IDX files.
 *
 * <p>Defaults run at most 4000 cases in 45 s on two cores; {@code -Dfuzz.cases=N -Dfuzz.seconds=S -Dfuzz.seed=X}
 * run a longer or another sequence. A failure prints the case's own seed and its mutations:
 * {@code -Dfuzz.seed=<that seed> -Dfuzz.cases=1} reruns exactly that case.
 */
class BadInputFuzzTest {
    private static final long SEED = Long.getLong("fuzz.seed", 20_261_202L);
    private static final int CASES = Integer.getInteger("fuzz.cases", 4000);
    private static final long SECONDS = Long.getLong("fuzz.seconds", 45);
    private static final int PER_CASE_SECONDS = 30;
    private static final Path EXPERIMENTS = Path.of("experiments");
    private static final Pattern POSITION = Pattern.compile(":\\d+(:\\d+)?: |: byte \\d+: ");

    @TempDir
    Path dir;
    private InProcessCommand command;

    @BeforeEach
    void start() {
        command = new InProcessCommand(PER_CASE_SECONDS);
    }

    @AfterEach
    void release() {
        command.close();
        Datasets.forget();
    }

    /** Counts of outcomes, printed at the end. */
    private final Map<String, Integer> tally = new TreeMap<>();
    private final Map<String, Long> time = new TreeMap<>();

    private void count(String what) {
        tally.merge(what, 1, Integer::sum);
    }

    @Test
    void malformedExperimentsAndCsvsEndWithStatusTwoAndOneLine() throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.list(EXPERIMENTS)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                files.put(p.getFileName().toString().replace(".yaml", ""), Files.readString(p));
            }
        }
        boolean fashion = CorruptDataFuzzTest.fashionMnistFolder() != null;
        List<String> targets = files.entrySet().stream()
                .filter(e -> fashion || !e.getValue().contains("fashion-mnist") && !e.getKey().equals("batch-size-sweep"))
                .map(Map.Entry::getKey).toList();
        Map<String, String> before = snapshot(Path.of("results"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        int cases = 0;
        for (; cases < CASES && System.nanoTime() < deadline; cases++) {
            SplittableRandom random = new SplittableRandom(SEED + cases);
            Mutations m = new Mutations(random);
            Path caseDir = dir.resolve("c" + cases);
            Path experiments = caseDir.resolve("e");
            Files.createDirectories(experiments);
            Path results = caseDir.resolve("results");
            for (Map.Entry<String, String> f : files.entrySet()) {
                Files.writeString(experiments.resolve(f.getKey() + ".yaml"), f.getValue());
            }
            String target;
            List<Path> named = new ArrayList<>();
            if (random.nextInt(3) == 0) {
                target = "table";
                boolean classes = random.nextBoolean();
                Path csv = caseDir.resolve("table.csv").toAbsolutePath();
                Files.write(csv, m.csv(csvText(random, classes)));
                named.add(csv);
                Files.writeString(experiments.resolve("table.yaml"), "dataset: {source: csv, csv_file: \"" + csv
                        + "\", task: " + (classes ? "classification" : "regression") + ", test_fraction: 0.25}\n"
                        + "model: {hidden: [4]}\ntraining: {epochs: 2, batch_size: 8}\nseeds: [1]\n");
            } else {
                target = targets.get(random.nextInt(targets.size()));
                String mutated = random.nextInt(5) == 0 && files.get(target).contains("extends: ")
                        ? files.get(target).replaceAll("(?s).*extends: ([a-z-]+).*", "$1") : target;
                Files.write(experiments.resolve(mutated + ".yaml"), m.yaml(files.get(mutated)));
            }
            boolean smoke = !target.equals("table") && (files.get(target).contains("fashion-mnist") || random.nextBoolean());
            boolean train = target.equals("table") && random.nextInt(8) == 0;
            List<String> args = new ArrayList<>(List.of(train ? "run" : "validate", target, "--experiments", experiments.toString(),
                    "--results", results.toString(), "--threads", "1"));
            if (smoke) {
                args.addAll(List.of("--profile", "smoke"));
            }
            if (!target.equals("table") && random.nextInt(6) == 0) {
                args.addAll(List.of("--set", m.override()));
            }
            String label = "seed " + (SEED + cases) + ", case " + cases + ": " + String.join(" ", args) + " after: " + m.description();
            long started = System.nanoTime();
            InProcessCommand.Result r = command.run(args, label);
            time.merge((train ? "run " : "validate ") + target, (System.nanoTime() - started) / 1_000_000, Long::sum);
            check(r, label, experiments.getFileName().toString(), named, results, train);
            if (!train && r.status() == 2) {
                // the same bad input given to run: status 2 and exactly one line, validate's first
                args.set(0, "run");
                InProcessCommand.Result asRun = command.run(args, label + " (as run)");
                check(asRun, label + " (as run)", experiments.getFileName().toString(), named, results, true);
                assertTrue(asRun.err().startsWith(r.err().lines().findFirst().orElseThrow()), asRun.describe(label + " (as run)"));
            }
            if (cases % 512 == 511) {
                Datasets.forget();
            }
            deleteTree(caseDir);
        }
        assertEquals(before, snapshot(Path.of("results")), "the repository's results/ changed");
        System.out.printf("BadInputFuzzTest: %d cases from seed %d: %s; ms per command: %s%n", cases, SEED, tally, time);
        assertTrue(cases >= Math.min(CASES, 500), "only " + cases + " cases ran within " + SECONDS + " s");
        assertTrue(tally.getOrDefault("exit 2", 0) > cases / 4, "most mutations should be malformed: " + tally);
    }

    private void check(InProcessCommand.Result r, String label, String experimentsLabel, List<Path> named, Path results, boolean train) {
        String context = r.describe(label);
        assertTrue(r.status() == 0 || r.status() == 2, context);
        assertTrue(!r.err().contains("Exception") && !r.err().contains("\tat ") && !r.out().contains("\tat "), context);
        if (r.status() == 0) {
            count(train ? "exit 0 (trained)" : "exit 0 (valid)");
            assertTrue(train || !Files.exists(results), "validate wrote results: " + context);
            return;
        }
        count("exit 2");
        List<String> lines = r.err().lines().toList();
        count("exit 2, " + (lines.size() == 1 ? "1 line" : lines.size() + " lines"));
        assertTrue(!lines.isEmpty() && r.out().isEmpty() && r.log().isEmpty(), context);
        assertTrue(!train || lines.size() == 1, "run printed more than one line: " + context);
        assertEquals(lines.size(), lines.stream().distinct().count(), "a line repeats: " + context);
        for (String line : lines) {
            boolean namesFile = line.startsWith(experimentsLabel + "/") || line.startsWith("-Dset ") || line.startsWith("-Dset:")
                    || named.stream().anyMatch(p -> line.startsWith(p.toString()))
                    || line.indexOf(':') > 0 && Files.isRegularFile(Path.of(line.substring(0, line.indexOf(':'))));
            assertTrue(namesFile, "a line that names no file: " + line + "\n" + context);
            count(POSITION.matcher(line).find() ? "line with a position" : "line without a position");
        }
        assertTrue(!Files.exists(results) || !train, "a bad input wrote results: " + context);
    }

    /** A small table: three inputs and a numeric target, or two inputs and a class a, b or c. */
    private static String csvText(SplittableRandom random, boolean classes) {
        StringBuilder b = new StringBuilder(classes ? "x1,x2,label\n" : "x1,x2,x3,y\n");
        for (int i = 0; i < 24; i++) {
            double x1 = Math.round(random.nextDouble() * 1000) / 100.0;
            double x2 = Math.round(random.nextDouble() * 1000) / 100.0;
            if (classes) {
                b.append(x1).append(',').append(x2).append(',').append((char) ('a' + i % 3)).append('\n');
            } else {
                double x3 = Math.round(random.nextDouble() * 1000) / 100.0;
                b.append(x1).append(',').append(x2).append(',').append(x3).append(',').append(x1 + 2 * x2 - x3).append('\n');
            }
        }
        return b.toString();
    }

    /** Every file under {@code root} with its size and modification time. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.exists(root)) {
            return out;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                out.put(root.relativize(p).toString(), Files.isDirectory(p) ? "dir"
                        : Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return out;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
