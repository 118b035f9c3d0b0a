package ffnlab.data;

import ffnlab.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How long loading takes, honestly measured: each dataset is loaded (read, checksummed, split, scaled into
 * dense float arrays) a few times without memoisation, after a System.gc() that is not timed (a real load
 * happens once per JVM, on a clean heap). The first run (cold JVM, before JIT) is printed on its own; the
 * warm-up runs are not counted; the median and the range of the rest are printed with the machine, the JDK
 * and the file sizes.
 *
 * <pre>
 * mvn -q -Pbench compile exec:java -Dffnlab.main=ffnlab.data.LoadBenchmark -Dexec.args="2 5" 2&gt;/dev/null   # warm-up, measured runs
 * </pre>
 * Data is found as {@link Datasets} finds it (data.dir / FFNLAB_DATA, then data/).
 */
public final class LoadBenchmark {
    private LoadBenchmark() {
    }

    public static void main(String[] args) {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        DataDirectories dirs = DataDirectories.fromEnvironment();
        System.out.printf(Locale.ROOT, "machine: %s, %d cores; JDK %s (%s); warm-up %d, measured %d%n", cpuModel(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), System.getProperty("java.vm.name"),
                warmup, runs);
        try {
            Path housing = CaliforniaHousing.locate(dirs);
            measure("california-housing (CSV, SHA-256, 70/30 split, standardise)", warmup, runs,
                    () -> Datasets.prepare(DataRequest.californiaHousing(42), dirs));
            System.out.printf(Locale.ROOT, "  %s: %,d bytes%n", housing, Files.size(housing));
            Path dir = FashionMnist.locate(dirs, FashionMnist.SYSTEM_DIR, FashionMnistDownload.disabled("benchmark does not download"));
            measure("fashion-mnist read (4 gzip IDX: inflate + SHA-256 + checks, both splits)", warmup, runs, () -> {
                FashionMnist.read(dir);
                return null;
            });
            FashionMnist.Raw raw = FashionMnist.read(dir);
            measure("fashion-mnist prepare (bytes -> dense float [0,1], 60000 x 784 + 10000 x 784)", warmup, runs,
                    () -> FashionMnist.prepare(raw, DataRequest.fashionMnist()));
            measure("fashion-mnist total (read + prepare)", warmup, runs,
                    () -> FashionMnist.prepare(FashionMnist.read(dir), DataRequest.fashionMnist()));
            for (String f : FashionMnist.FILES) {
                Path p = FashionMnist.file(dir, f);
                System.out.printf(Locale.ROOT, "  %s: %,d bytes%n", p, Files.size(p));
            }
        } catch (UserError | IOException e) {
            System.err.println("ffnlab: " + e.getMessage());
            System.exit(2);
        }
    }

    private static void measure(String what, int warmup, int runs, java.util.function.Supplier<PreparedData> load) {
        double[] seconds = new double[runs];
        PreparedData last = null;
        double cold = 0;
        for (int i = 0; i < warmup + runs; i++) {
            last = null;
            System.gc(); // the previous run's hundreds of MB are garbage; a real load happens once, on a clean heap
            long start = System.nanoTime();
            last = load.get();
            double s = (System.nanoTime() - start) / 1e9;
            if (i == 0) {
                cold = s;
            }
            if (i >= warmup) {
                seconds[i - warmup] = s;
            }
        }
        Arrays.sort(seconds);
        System.out.printf(Locale.ROOT, "%s: first (cold JVM) %.3f s; warm median %.3f s (min %.3f, max %.3f) over %d runs%s%n", what,
                cold, seconds[runs / 2], seconds[0], seconds[runs - 1], runs, last == null ? ""
                        : "; " + last.train().rows() + " train + " + (last.test() == null ? 0 : last.test().rows()) + " test rows");
    }

    private static String cpuModel() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            return lines.stream().filter(l -> l.startsWith("model name")).findFirst().map(l -> l.replaceFirst(".*:\\s*", ""))
                    .orElse(System.getProperty("os.arch"));
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.arch");
        }
    }
}
