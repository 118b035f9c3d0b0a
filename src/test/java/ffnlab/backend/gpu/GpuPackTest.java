package ffnlab.backend.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GPU machine's package, tested here without a GPU: src/test/gpu/pack.sh packs into a temporary folder, the
 * folder (with the repository's tracked files that travel beside it) stays within the device call's 64 MiB, and the
 * packed check.sh unpacks the jlink'd runtime and runs, with the packed jars and data, the user's entry point on
 * fashion-mnist's ci profile with the cpu backend, as it runs the GPU experiments there. Slow the first time
 * (PackJars, jlink and xz on every input: minutes on 2 cores), then its parts come from target/gpu-pack.
 * Needs bash, tar, xz and Fashion-MNIST under FFNLAB_DATA; skipped with the reason otherwise.
 */
@Tag("pack")
class GpuPackTest {
    private static final long LIMIT = 64L << 20;

    @TempDir
    Path tmp;

    @Test
    void packedFolderFitsAndRunsAnExperimentThroughTheUsersEntryPoint() throws Exception {
        String data = System.getenv("FFNLAB_DATA");
        assumeTrue(data != null && Files.isDirectory(Path.of(data, "fashion-mnist")), "FFNLAB_DATA/fashion-mnist is not there");
        assumeTrue(onPath("bash") && onPath("xz") && onPath("tar"), "bash, tar or xz missing");
        Path root = Path.of("").toAbsolutePath();
        Path pack = tmp.resolve("pack");

        Result packed = run(root, Map.of("PACK_CACHE", root.resolve("target/gpu-pack").toString(),
                "CPU_REFERENCE", tmp.resolve("no-reference").toString(), "JAVA_HOME", System.getProperty("java.home")),
                "bash", "src/test/gpu/pack.sh", pack.toString());
        assertEquals(0, packed.exit(), packed.output());
        for (String f : List.of("jre.tar.xz", "libs.tar.xz", "app.tar.xz", "data.tar.xz", "check.sh", "torch_peer_gpu.py")) {
            assertTrue(Files.isRegularFile(pack.resolve(f)), f + " packed");
        }
        long travels = size(pack) + trackedBytes(root);
        assertTrue(travels <= LIMIT, "the pack and the tracked files come to " + travels + " bytes, above 64 MiB");

        Path out = tmp.resolve("out");
        Result checked = run(pack, Map.of("OUT", out.toString(), "WORK", tmp.resolve("work").toString(),
                "STEPS", "unpack,e2e,compare", "E2E", "fashion-mnist", "E2E_BACKEND", "cpu", "E2E_PROFILE", "ci",
                "THREADS", "2"), "bash", pack.resolve("check.sh").toString());
        String summary = Files.readString(out.resolve("summary.txt"));
        assertEquals(0, checked.exit(), summary + "\n" + Files.readString(out.resolve("steps.log")));
        assertTrue(summary.lines().anyMatch(l -> l.startsWith("e2e-fashion-mnist") && l.contains("passed")), summary);
        assertTrue(summary.lines().anyMatch(l -> l.startsWith("compare-fashion-mnist") && l.contains("skipped")
                && l.contains("no CPU reference")), summary);
        assertTrue(Files.size(out.resolve("results.tar.xz")) > 0, "results and reports brought back in one file");

        // the report the packed run wrote: ten classes, so chance is 0.1; three epochs of the ci profile learn well above it
        Path reportSummary;
        try (Stream<Path> s = Files.walk(tmp.resolve("work/reports"))) {
            reportSummary = s.filter(p -> p.getFileName().toString().equals("summary.csv")).findFirst().orElseThrow();
        }
        List<String> lines = Files.readAllLines(reportSummary);
        List<String> header = List.of(lines.get(0).split(","));
        double accuracy = Double.parseDouble(lines.get(1).split(",")[header.indexOf("final_test_accuracy_mean")]);
        assertTrue(accuracy > 0.3 && accuracy <= 1, "test accuracy " + accuracy);
    }

    private record Result(int exit, String output) {
    }

    private static Result run(Path dir, Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Path log = Files.createTempFile("gpu-pack", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return new Result(-1, "timed out after 30 minutes\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        return new Result(p.exitValue(), output);
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static long trackedBytes(Path root) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("git", "ls-files", "-z").directory(root.toFile()).redirectErrorStream(true).start();
        String names = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            return 0;
        }
        long bytes = 0;
        for (String n : names.split("\0")) {
            Path f = root.resolve(n);
            if (!n.isEmpty() && Files.isRegularFile(f)) {
                bytes += Files.size(f);
            }
        }
        return bytes;
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }
}
