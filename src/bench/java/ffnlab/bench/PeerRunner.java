package ffnlab.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs {@link TorchPeer} in fresh JVMs (PyTorch's 2-thread times vary up to 2x between JVMs) and collects,
 * per batch size, one number per JVM: the median of its epochs. Offline: {@code ai.djl.offline=true}, the
 * native library extracted from the pytorch-native-cpu jar into {@code target/djl-cache}.
 */
final class PeerRunner {
    private final Path cacheDir;

    PeerRunner(Path cacheDir) {
        this.cacheDir = cacheDir;
    }

    /** Per batch size, the per-JVM median epoch seconds of {@code jvms} fresh JVMs; empty if the peer failed. */
    Map<Integer, double[]> run(Workload w, int threads, int warmupUpdates, int epochs, int jvms, List<Integer> batches) {
        Map<Integer, List<Double>> perBatch = new TreeMap<>();
        for (int j = 0; j < jvms; j++) {
            List<String> cmd = new ArrayList<>(List.of(javaExecutable(), "--enable-native-access=ALL-UNNAMED",
                    "-Dai.djl.offline=true", "-DENGINE_CACHE_DIR=" + cacheDir, "-DDJL_CACHE_DIR=" + cacheDir,
                    "-Dai.djl.pytorch.num_threads=" + threads, "-Dai.djl.pytorch.num_interop_threads=1",
                    "-Dlog4j2.level=warn", "-cp", classpath(), TorchPeer.class.getName(),
                    w.name(), Integer.toString(threads), Integer.toString(warmupUpdates), Integer.toString(epochs)));
            for (int b : batches) {
                cmd.add(Integer.toString(b));
            }
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
            pb.environment().put("MKL_NUM_THREADS", Integer.toString(threads));
            List<String> output = new ArrayList<>();
            try {
                Process p = pb.start();
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        output.add(line);
                        if (line.startsWith("peer ")) {
                            String[] f = line.trim().split(" +");
                            double[] s = new double[f.length - 2];
                            for (int i = 2; i < f.length; i++) {
                                s[i - 2] = Double.parseDouble(f[i]);
                            }
                            perBatch.computeIfAbsent(Integer.parseInt(f[1]), x -> new ArrayList<>()).add(median(s));
                        } else if (line.startsWith("engine ") && j == 0) {
                            System.out.println("  peer JVM: " + line);
                        }
                    }
                }
                int rc = p.waitFor();
                if (rc != 0) {
                    System.out.println("  peer JVM exited " + rc + "; last lines:");
                    output.subList(Math.max(0, output.size() - 8), output.size()).forEach(l -> System.out.println("    " + l));
                    return Map.of();
                }
            } catch (IOException e) {
                System.out.println("  peer JVM could not start: " + e.getMessage());
                return Map.of();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Map.of();
            }
        }
        Map<Integer, double[]> result = new LinkedHashMap<>();
        perBatch.forEach((b, l) -> result.put(b, l.stream().mapToDouble(Double::doubleValue).sorted().toArray()));
        return result;
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** The classpath of this run: exec:java's class loader URLs, else java.class.path. */
    private static String classpath() {
        ClassLoader loader = PeerRunner.class.getClassLoader();
        if (loader instanceof URLClassLoader u && u.getURLs().length > 0) {
            List<String> parts = new ArrayList<>();
            for (URL url : u.getURLs()) {
                try {
                    parts.add(Path.of(url.toURI()).toString());
                } catch (Exception e) {
                    parts.add(url.getPath());
                }
            }
            return String.join(File.pathSeparator, parts);
        }
        return System.getProperty("java.class.path");
    }
}
