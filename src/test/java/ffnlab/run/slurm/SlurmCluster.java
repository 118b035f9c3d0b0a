package ffnlab.run.slurm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * A real single-node SLURM cluster for tests: Debian's {@code munged}, {@code slurmctld} and {@code slurmd}
 * started as root in the foreground, with a private munge key and socket, a minimal {@code slurm.conf} for this
 * host (the node line from {@code slurmd -C}: real hostname, CPUs, memory), free TCP ports, and all state, spool
 * and logs under one temporary folder. {@link #close()} cancels every job, stops the three daemons by their
 * process ids and deletes the folder.
 *
 * <p>Clients ({@code sbatch}, {@code squeue}, ...) find the cluster through {@link #clientEnvironment()}
 * ({@code SLURM_CONF}); nothing is written outside the folder, so several clusters (say, two engineers' test
 * runs) can live side by side on one machine.
 */
final class SlurmCluster implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger();
    private static final List<String> DAEMONS = List.of("munged", "slurmctld", "slurmd", "sbatch", "squeue", "sinfo", "scancel");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(40);

    private final Path root;
    private final Path conf;
    private final List<Process> daemons = new ArrayList<>();
    /** Stops the daemons should the test JVM be ended before JUnit closes the cluster (e.g. a surefire timeout). */
    private final Thread shutdownHook = new Thread(this::stopDaemons, "slurm-test-cluster-shutdown");

    private SlurmCluster(Path root) {
        this.root = root;
        this.conf = root.resolve("slurm.conf");
    }

    /**
     * Why a cluster cannot be started on this machine (not root, packages missing), or empty when it can.
     * Install the packages with {@code .ci/install-slurm}.
     */
    static Optional<String> unavailableReason() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.of("the SLURM test cluster needs root to start slurmd (running as " + System.getProperty("user.name") + ")");
        }
        List<String> missing = DAEMONS.stream().filter(d -> executable(d).isEmpty()).toList();
        if (!missing.isEmpty()) {
            return Optional.of("SLURM or munge is not installed (missing " + String.join(", ", missing)
                    + "); install Debian's slurm-wlm and munge, e.g. with .ci/install-slurm");
        }
        return Optional.empty();
    }

    /** Starts a cluster under a new temporary folder and waits until its node is idle. */
    static SlurmCluster start() throws IOException, InterruptedException {
        SlurmCluster cluster = new SlurmCluster(Files.createTempDirectory("ffnlab-slurm-"));
        Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
        try {
            cluster.boot();
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** The environment a client command needs to reach this cluster. */
    Map<String, String> clientEnvironment() {
        return Map.of("SLURM_CONF", conf.toString());
    }

    /** The folder holding the cluster's configuration, state and logs. */
    Path root() {
        return root;
    }

    /** A folder for a test's files (job scripts, outputs) inside the cluster's folder. */
    Path workDir(String name) throws IOException {
        return Files.createDirectories(root.resolve("work").resolve(name));
    }

    /** Runs a client command against this cluster; returns its standard output, or fails with its error output. */
    String client(String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(clientEnvironment());
        Path err = Files.createTempFile(root, "client", ".err");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish in 30 s");
        }
        String error = Files.readString(err, StandardCharsets.UTF_8).strip();
        Files.delete(err);
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed (exit " + p.exitValue() + "): " + error);
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    private void boot() throws IOException, InterruptedException {
        Path munge = Files.createDirectories(root.resolve("munge"));
        for (String dir : List.of("state", "spool", "log")) {
            Files.createDirectories(root.resolve(dir));
        }
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path key = munge.resolve("munge.key");
        byte[] secret = new byte[1024];
        new SecureRandom().nextBytes(secret);
        Files.write(key, secret);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("r--------"));
        Path socket = munge.resolve("munge.socket");
        daemon("munged", List.of(executable("munged").orElseThrow().toString(), "--foreground", "--force",
                "--socket=" + socket, "--key-file=" + key, "--log-file=" + munge.resolve("munged.log"),
                "--pid-file=" + munge.resolve("munged.pid"), "--seed-file=" + munge.resolve("munged.seed")));
        await("the munge socket " + socket, () -> Files.exists(socket));

        String node = nodeLine();
        int[] ports = freePorts(2);
        Files.writeString(conf, SlurmConfiguration.render(root, socket, node, ports[0], ports[1]));
        daemon("slurmctld", List.of(executable("slurmctld").orElseThrow().toString(), "-D", "-i", "-f", conf.toString()));
        daemon("slurmd", List.of(executable("slurmd").orElseThrow().toString(), "-D", "-f", conf.toString()));
        await("the node to be idle in sinfo", () -> {
            try {
                String state = client("sinfo", "-h", "-N", "-o", "%T").strip();
                return state.equals("idle");
            } catch (IOException e) {
                return false;
            }
        });
        LOG.info("SLURM test cluster up under {} (node: {})", root, node);
    }

    /** The node's description from {@code slurmd -C}: name, CPUs, sockets, cores, threads, real memory. */
    private String nodeLine() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(executable("slurmd").orElseThrow().toString(), "-C").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out.lines().filter(l -> l.startsWith("NodeName=")).findFirst()
                .orElseThrow(() -> new IOException("slurmd -C printed no NodeName line: " + out.strip()));
    }

    private void daemon(String name, List<String> command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(clientEnvironment());
        pb.redirectErrorStream(true);
        pb.redirectOutput(root.resolve("log").resolve(name + ".out").toFile());
        Process p = pb.start();
        daemons.add(p);
        LOG.debug("started {} (pid {})", name, p.pid());
    }

    private void await(String what, Condition condition) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!condition.holds()) {
            for (Process p : daemons) {
                if (!p.isAlive()) {
                    throw new IOException("a SLURM test daemon (pid " + p.pid() + ") exited with " + p.exitValue()
                            + " while waiting for " + what + "; logs:\n" + logTail());
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("timed out after " + START_TIMEOUT.toSeconds() + " s waiting for " + what + "; logs:\n" + logTail());
            }
            Thread.sleep(100);
        }
    }

    private String logTail() {
        StringBuilder s = new StringBuilder();
        try (Stream<Path> logs = Stream.concat(Files.list(root.resolve("log")), Stream.of(root.resolve("munge/munged.log")))) {
            for (Path log : logs.filter(Files::isRegularFile).sorted().toList()) {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                s.append("== ").append(log.getFileName()).append('\n');
                lines.subList(Math.max(0, lines.size() - 15), lines.size()).forEach(l -> s.append(l).append('\n'));
            }
        } catch (IOException | UncheckedIOException e) {
            s.append("(logs unreadable: ").append(e.getMessage()).append(")");
        }
        return s.toString();
    }

    /**
     * Cancels every job, waits (at most 15 s) until none is left, stops the daemons by pid (SIGTERM, then
     * SIGKILL after 10 s) in reverse start order, and deletes the folder.
     */
    @Override
    public void close() {
        if (daemons.size() == 3) {
            try {
                client("scancel", "--user=" + System.getProperty("user.name"));
                long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                while (!client("squeue", "-h", "-t", "PD,R,CG,CF,S", "-o", "%i").isBlank() && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
            } catch (IOException e) {
                LOG.warn("could not cancel the SLURM test cluster's jobs: {}", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stopDaemons();
        deleteTree(root);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs (harmlessly) anyway
        }
    }

    private synchronized void stopDaemons() {
        for (Process p : daemons.reversed()) {
            stop(p);
        }
        daemons.clear();
    }

    private static void stop(Process p) {
        p.destroy();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                LOG.warn("SLURM test daemon pid {} ignored SIGTERM; killing it", p.pid());
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not delete the SLURM test folder {}: {}", dir, e.getMessage());
        }
    }

    private static int[] freePorts(int n) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0);
                sockets.add(s);
                ports[i] = s.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket s : sockets) {
                s.close();
            }
        }
    }

    /** The first {@code name} on PATH or in the system binary folders. */
    static Optional<Path> executable(String name) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        dirs.addAll(List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin", "/usr/local/sbin", "/usr/local/bin"));
        return dirs.stream().filter(d -> !d.isEmpty()).map(d -> Path.of(d, name)).filter(Files::isExecutable).findFirst();
    }

    @FunctionalInterface
    private interface Condition {
        boolean holds() throws IOException, InterruptedException;
    }
}
