package ffnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ffnlab.data.DataException;
import ffnlab.data.Datasets;
import ffnlab.data.IdxReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded corruptions of Fashion-MNIST's IDX files (truncated, wrong magic, wrong counts, random bytes, trailing
 * bytes, raw or gzip, the gzip stream cut short): through {@link IdxReader} they are a one-line
 * {@link DataException} naming the file (at a byte offset where one applies) or a valid read, never another
 * exception; a corrupted labels file in a Fashion-MNIST folder makes {@code validate fashion-mnist} exit 2 with
 * one line naming it. {@code -Dfuzz.seed}, {@code -Dfuzz.idx.cases} and {@code -Dfuzz.fashion.cases} vary the run.
 */
class CorruptDataFuzzTest {
    private static final long SEED = Long.getLong("fuzz.seed", 20_261_202L);
    private static final Path EXPERIMENTS = Path.of("experiments");
    private static final Pattern POSITION = Pattern.compile(": byte \\d+: ");

    @TempDir
    Path dir;
    private final Map<String, Integer> tally = new TreeMap<>();

    private void count(String what) {
        tally.merge(what, 1, Integer::sum);
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
        System.out.printf("CorruptDataFuzzTest: %d IDX cases from seed %d: %s%n", cases, SEED, tally);
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
        try (InProcessCommand command = new InProcessCommand(60)) {
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
                InProcessCommand.Result r = command.run(args, label);
                String context = r.describe(label);
                assertEquals(2, r.status(), context);
                assertEquals(1, r.err().lines().count(), context);
                assertTrue(r.err().startsWith(corrupt.toString()) && r.out().isEmpty() && r.log().isEmpty(), context);
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


    /** The folder with the four official Fashion-MNIST .gz files, where the data sources look for it, or null. */
    static Path fashionMnistFolder() {
        Stream<Path> roots = Stream.of(System.getProperty("data.dir"), System.getenv("FFNLAB_DATA"))
                .filter(s -> s != null && !s.isBlank()).map(Path::of);
        return Stream.concat(roots.flatMap(r -> Stream.of(r, r.resolve("fashion-mnist"))),
                        Stream.of(Path.of("data", "fashion-mnist"), Path.of("/usr/share/datasets/fashion-mnist")))
                .filter(d -> Files.isRegularFile(d.resolve("train-images-idx3-ubyte.gz"))).findFirst().orElse(null);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
