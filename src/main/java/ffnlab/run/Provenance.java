package ffnlab.run;

import ffnlab.sweep.EngineFingerprint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where and with what a trial ran, for provenance.yaml: the engine fingerprint of the code that trained it, git
 * commit and dirty flag, JDK, OS, CPU model, cores, data cache sizes, library versions (read once per process), plus the trial's
 * threads, backend, device, data hash, times and the machine's load average at the trial's start and end.
 */
public final class Provenance {
    private static final Map<String, Object> MACHINE = machine();

    private Provenance() {
    }

    /**
     * @param loadAtStart the system load average ({@link #loadAverage}) when the trial started; the one at its end is
     *                    read here. Both count the trial's own threads: on an otherwise idle machine they stay near
     *                    {@code threads}.
     */
    public static Map<String, Object> of(String engineFingerprint, int threads, String backend, String device, String dataSha256,
                                         Instant started, Instant ended, double loadAtStart) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("engine_fingerprint", engineFingerprint);
        p.put("git_commit", MACHINE.get("git_commit"));
        p.put("git_dirty", MACHINE.get("git_dirty"));
        p.put("jdk", MACHINE.get("jdk"));
        p.put("os", MACHINE.get("os"));
        p.put("cpu_model", MACHINE.get("cpu_model"));
        p.put("cores", MACHINE.get("cores"));
        p.put("cache_bytes", MACHINE.get("cache_bytes"));
        p.put("threads", threads);
        p.put("backend", backend);
        p.put("device", device);
        p.put("library_versions", MACHINE.get("library_versions"));
        p.put("data_sha256", dataSha256);
        p.put("started_at", started.toString());
        p.put("ended_at", ended.toString());
        Map<String, Object> load = new LinkedHashMap<>();
        load.put("start", rounded(loadAtStart));
        load.put("end", rounded(loadAverage()));
        p.put("load_average", load);
        return p;
    }

    /** The operating system's one-minute load average, NaN where it has none (Windows). */
    public static double loadAverage() {
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? Double.NaN : load;
    }

    private static Object rounded(double load) {
        return Double.isFinite(load) ? Math.round(load * 100) / 100.0 : "unknown";
    }

    /** The machine and checkout facts of this process: git_commit, git_dirty, jdk, os, cpu_model, cores, cache_bytes, library_versions. */
    public static Map<String, Object> machineFacts() {
        return java.util.Collections.unmodifiableMap(MACHINE);
    }

    private static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        String commit = git("rev-parse", "HEAD");
        m.put("git_commit", commit == null ? "unknown" : commit.strip());
        String status = commit == null ? null : git("status", "--porcelain", "--untracked-files=no");
        m.put("git_dirty", status == null ? "unknown" : !status.isBlank());
        m.put("jdk", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        m.put("cpu_model", cpuModel());
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("cache_bytes", CacheSizes.read());
        Map<String, Object> libs = new LinkedHashMap<>();
        libs.put("snakeyaml-engine", EngineFingerprint.libraryVersion("org.snakeyaml/snakeyaml-engine"));
        libs.put("log4j-core", EngineFingerprint.libraryVersion("org.apache.logging.log4j/log4j-core"));
        libs.put("tribuo-core", EngineFingerprint.libraryVersion("org.tribuo/tribuo-core"));
        m.put("library_versions", libs);
        return m;
    }

    private static String git(String... args) {
        try {
            String[] command = new String[args.length + 1];
            command[0] = "git";
            System.arraycopy(args, 0, command, 1, args.length);
            Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.getErrorStream().close();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroy();
                return null;
            }
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch");
    }
}
