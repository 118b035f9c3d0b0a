package ffnlab.run;

import ffnlab.backend.Backend;
import ffnlab.backend.ReferenceBackend;
import ffnlab.backend.cpu.CpuBackend;
import ffnlab.backend.gpu.GpuBackend;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Maps an experiment's {@code backend.kind} to a {@link Backend}: {@code reference} is the naive oracle,
 * {@code cpu} the multithreaded CPU backend (never touches CUDA), {@code gpu} the CUDA backend (a trial asking
 * for it fails with the reason when this machine has no usable GPU), and {@code auto} the GPU when one is
 * usable, else the CPU. {@code auto} is resolved when the trials are planned ({@link #resolve}), so a trial's id
 * names the backend that trains it; when trials are run the choice is logged once per kind, with the reason when
 * auto falls back to the CPU. The system property {@value #AUTO_PROPERTY} ({@code cpu} or {@code gpu}) pins what {@code auto}
 * becomes: a SLURM submission passes its own resolution to the array tasks, so a node plans the same trial ids
 * as the host that submitted them whatever devices the node has. provenance.yaml records the backend and device
 * that actually ran.
 */
public final class BackendChoice {
    private static final Logger LOG = LogManager.getLogger();
    private static final java.util.Set<String> LOGGED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** The system property that pins what {@code auto} resolves to. */
    public static final String AUTO_PROPERTY = "ffnlab.backend.auto";

    private BackendChoice() {
    }

    /** A backend for the resolved {@code kind} (reference, cpu or gpu) using {@code threads} threads; the caller closes it. */
    public static Backend open(String kind, int threads) {
        return switch (resolve(kind)) {
            case "reference" -> new ReferenceBackend();
            case "gpu" -> {
                Optional<String> reason = GpuBackend.unavailableReason();
                if (reason.isPresent()) {
                    throw new IllegalStateException("backend gpu asked for, but no usable GPU: " + reason.get());
                }
                yield new GpuBackend();
            }
            default -> new CpuBackend(threads);
        };
    }

    /** The kind that actually runs: {@code auto} becomes {@code gpu} when a GPU is usable, else {@code cpu}. */
    public static String resolve(String kind) {
        return kind.equals("auto") ? resolveAuto() : kind;
    }

    /** Logs, once per kind and process, which backend {@code kind} runs on (with the reason when auto is the CPU). */
    static void logChoice(String kind) {
        if (!LOGGED.add(kind)) {
            return;
        }
        String resolved = resolve(kind);
        if (kind.equals("auto")) {
            LOG.info("backend 'auto' runs on the {} backend{}", resolved, System.getProperty(AUTO_PROPERTY, "").isEmpty()
                    ? GpuBackend.unavailableReason().map(r -> " (no GPU: " + r + ")").orElse("")
                    : " (-D" + AUTO_PROPERTY + ")");
        } else {
            LOG.info("backend '{}' runs on the {} backend", kind, resolved);
        }
    }

    private static String resolveAuto() {
        String pinned = System.getProperty(AUTO_PROPERTY, "");
        return switch (pinned) {
            case "cpu", "gpu" -> pinned;
            case "" -> GpuBackend.unavailableReason().isEmpty() ? "gpu" : "cpu";
            default -> throw new IllegalArgumentException("-D" + AUTO_PROPERTY + ": expected cpu or gpu, got '" + pinned + "'");
        };
    }

    /**
     * Opens the backend a trial runs on. Production code uses {@link BackendChoice#open}; the seam exists so a
     * test can hand {@link ExperimentRun} a decorated backend (e.g. one with an injected fault, to show the
     * accuracy gate catching it) without any global switch.
     */
    @FunctionalInterface
    interface Factory {
        Backend open(String kind, int threads);
    }
}
