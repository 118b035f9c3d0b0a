package ffnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ffnlab.data.DataException;
import ffnlab.data.Datasets;
import ffnlab.data.IdxReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded mutations of the committed experiment files, of {@code --set} overrides and of CSV datasets, run through
 * the real entry point ({@link Main#run}) in this JVM: most cases with {@code validate}, some CSV cases with
 * {@code run} (one trial of two epochs on 24 rows, report included). Every case must end within
 * {@link #PER_CASE_SECONDS} with status 0 (the mutation left a valid input) or status 2 with only problem lines on
 * the console, each naming the file (or the {@code -Dset} option), no stack trace, nothing on stdout or in the log,
 * and nothing written under results/. The IDX reader gets the same treatment with corrupted Fashion-MNIST-shaped
 * files, and a corrupted Fashion-MNIST folder goes through {@code validate}.
 *
 * <p>Defaults fit in about a minute on two cores; {@code -Dfuzz.cases=N -Dfuzz.seconds=S -Dfuzz.seed=X} run a
 * longer or another sequence. A failure prints the seed, the case number and the mutations, which reproduce it.
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
    private final List<String> logged = java.util.Collections.synchronizedList(new ArrayList<>());
    private AbstractAppender appender;
    private ExecutorService worker;

    private record Result(int status, String out, String err) {
    }

    @BeforeEach
    void captureConsoleLog() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        appender = new AbstractAppender("fuzz-console", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                if (event.getLevel().isMoreSpecificThan(Level.INFO)) {
                    logged.add(event.getLevel() + " " + event.getMessage().getFormattedMessage());
                }
            }
        };
        appender.start();
        context.getConfiguration().addAppender(appender);
        context.getConfiguration().getRootLogger().addAppender(appender, Level.INFO, null);
        context.updateLoggers();
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-case");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterEach
    void release() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getRootLogger().removeAppender(appender.getName());
        context.updateLoggers();
        appender.stop();
        worker.shutdownNow();
        Datasets.forget();
    }

    /** Counts of outcomes, printed at the end. */
    private final Map<String, Integer> tally = new TreeMap<>();
    private final Map<String, Long> time = new TreeMap<>();

    private void count(String what) {
        tally.merge(what, 1, Integer::sum);
    }

    @Test
    void malformedExperimentsAndCsvsEndWithStatusTwoAndOneLinePerProblem() throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.list(EXPERIMENTS)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                files.put(p.getFileName().toString().replace(".yaml", ""), Files.readString(p));
            }
        }
        boolean fashion = fashionMnistPresent();
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
            Result r = run(args, label);
            time.merge((train ? "run " : "validate ") + target, (System.nanoTime() - started) / 1_000_000, Long::sum);
            check(r, label, experiments.getFileName().toString(), named, results, train);
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

    @Test
    void corruptIdxFilesAreADataExceptionWithAByteOffset() throws IOException {
        SplittableRandom base = new SplittableRandom(SEED);
        int count = 20;
        java.nio.ByteBuffer images = java.nio.ByteBuffer.allocate(16 + count * 28 * 28);
        images.putInt(IdxReader.IMAGES_MAGIC).putInt(count).putInt(28).putInt(28);
        while (images.hasRemaining()) {
            images.put((byte) base.nextInt(256));
        }
        java.nio.ByteBuffer labels = java.nio.ByteBuffer.allocate(8 + count);
        labels.putInt(IdxReader.LABELS_MAGIC).putInt(count);
        while (labels.hasRemaining()) {
            labels.put((byte) base.nextInt(10));
        }
        int cases = Integer.getInteger("fuzz.idx.cases", 600);
        for (int i = 0; i < cases; i++) {
            SplittableRandom random = new SplittableRandom(SEED + 1_000_000 + i);
            Mutations m = new Mutations(random);
            boolean isImages = random.nextBoolean();
            byte[] bytes = m.idx(isImages ? images.array() : labels.array());
            boolean gzip = random.nextBoolean();
            Path file = dir.resolve("idx" + i + (gzip ? ".gz" : ""));
            Files.write(file, gzip ? gzip(bytes, random) : bytes);
            String label = "seed " + (SEED + 1_000_000 + i) + ", idx case " + i + (isImages ? " images" : " labels")
                    + (gzip ? " gzip" : "") + " after: " + m.description();
            try {
                if (isImages) {
                    IdxReader.images(file, 0, 28, 28);
                } else {
                    IdxReader.labels(file, 0, 10);
                }
                count("idx valid");
            } catch (DataException e) {
                assertTrue(e.getMessage().startsWith(file.toString()), label + ": " + e.getMessage());
                assertEquals(1, e.getMessage().lines().count(), label + ": " + e.getMessage());
                count(POSITION.matcher(e.getMessage()).find() ? "idx refused at a byte" : "idx refused");
            } catch (RuntimeException | Error e) {
                fail(label + ": " + e, e);
            }
            Files.delete(file);
        }
        System.out.printf("BadInputFuzzTest: %d IDX cases from seed %d: %s%n", cases, SEED, tally);
    }

    @Test
    void aCorruptFashionMnistFileIsOneLineNamingIt() throws Exception {
        Path real = fashionMnistFolder();
        org.junit.jupiter.api.Assumptions.assumeTrue(real != null, "Fashion-MNIST not available (set FFNLAB_DATA)");
        byte[] labels;
        try (java.io.InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(real.resolve("t10k-labels-idx1-ubyte.gz")))) {
            labels = in.readAllBytes();
        }
        String before = System.getProperty("data.dir");
        try {
            for (int i = 0; i < Integer.getInteger("fuzz.fashion.cases", 4); i++) {
                SplittableRandom random = new SplittableRandom(SEED + 2_000_000 + i);
                Mutations m = new Mutations(random);
                Path data = dir.resolve("fashion" + i);
                Files.createDirectories(data);
                for (String name : List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte")) {
                    Files.createSymbolicLink(data.resolve(name + ".gz"), real.resolve(name + ".gz").toAbsolutePath());
                }
                Path corrupt = data.resolve("t10k-labels-idx1-ubyte");
                Files.write(corrupt, m.idx(labels));
                System.setProperty("data.dir", data.toString());
                Datasets.forget();
                List<String> args = List.of("validate", "fashion-mnist", "--experiments", EXPERIMENTS.toString(),
                        "--results", dir.resolve("results" + i).toString(), "--profile", "smoke");
                String label = "seed " + (SEED + 2_000_000 + i) + ", fashion case " + i + " after: " + m.description();
                Result r = run(args, label);
                String context = label + "\nstatus " + r.status() + "\nstderr: " + r.err() + "\nlog: " + logged;
                assertEquals(2, r.status(), context);
                assertEquals(1, r.err().lines().count(), context);
                assertTrue(r.err().startsWith(corrupt.toString()) && r.out().isEmpty() && logged.isEmpty(), context);
                assertTrue(!Files.exists(dir.resolve("results" + i)), context);
                deleteTree(data);
            }
        } finally {
            if (before == null) {
                System.clearProperty("data.dir");
            } else {
                System.setProperty("data.dir", before);
            }
            Datasets.forget();
        }
    }

    private static byte[] gzip(byte[] bytes, SplittableRandom random) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(out)) {
            z.write(bytes);
        }
        byte[] gz = out.toByteArray();
        if (random.nextInt(3) == 0) {
            gz = java.util.Arrays.copyOf(gz, random.nextInt(gz.length));
        }
        return gz;
    }

    private Result run(List<String> args, String label) throws Exception {
        logged.clear();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Future<Integer> status = worker.submit(() -> Main.run(args.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        try {
            return new Result(status.get(PER_CASE_SECONDS, TimeUnit.SECONDS), out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8));
        } catch (TimeoutException e) {
            status.cancel(true);
            throw new AssertionError(label + ": did not end within " + PER_CASE_SECONDS + " s");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError(label + ": " + e.getCause(), e.getCause());
        }
    }

    private void check(Result r, String label, String experimentsLabel, List<Path> named, Path results, boolean train) {
        String context = label + "\nstatus " + r.status() + "\nstdout: " + r.out() + "\nstderr: " + r.err() + "\nlog: " + logged;
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
        assertTrue(!lines.isEmpty() && r.out().isEmpty() && logged.isEmpty(), context);
        assertEquals(lines.size(), lines.stream().distinct().count(), "a line repeats: " + context);
        for (String line : lines) {
            boolean namesFile = line.startsWith(experimentsLabel + "/") || line.startsWith("-Dset ") || line.startsWith("-Dset:")
                    || named.stream().anyMatch(p -> line.startsWith(p.toString()));
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

    private static boolean fashionMnistPresent() {
        return fashionMnistFolder() != null;
    }

    /** The folder with the four official .gz files, as the data sources look for it, or null. */
    private static Path fashionMnistFolder() {
        Stream<Path> roots = Stream.of(System.getProperty("data.dir"), System.getenv("FFNLAB_DATA"))
                .filter(s -> s != null && !s.isBlank()).map(Path::of);
        return Stream.concat(roots.flatMap(r -> Stream.of(r, r.resolve("fashion-mnist"))),
                        Stream.of(Path.of("data", "fashion-mnist"), Path.of("/usr/share/datasets/fashion-mnist")))
                .filter(d -> Files.isRegularFile(d.resolve("train-images-idx3-ubyte.gz"))).findFirst().orElse(null);
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
