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
 * usable, else the CPU. The choice is logged once per kind, with the reason when auto falls back to the CPU;
 * provenance.yaml records the backend and device that actually ran.
 */
public final class BackendChoice {
    private static final Logger LOG = LogManager.getLogger();
    private static final java.util.Set<String> LOGGED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private BackendChoice() {
    }

    /** A backend for {@code kind} using {@code threads} threads; the caller closes it. */
    public static Backend open(String kind, int threads) {
        String resolved = resolve(kind);
        Backend backend = switch (resolved) {
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
        if (LOGGED.add(kind)) {
            if (kind.equals("auto")) {
                LOG.info("backend 'auto' runs on the {} backend{}", backend.name(),
                        GpuBackend.unavailableReason().map(r -> " (no GPU: " + r + ")").orElse(""));
            } else {
                LOG.info("backend '{}' runs on the {} backend", kind, backend.name());
            }
        }
        return backend;
    }

    /** The kind that actually runs: {@code auto} becomes {@code gpu} when a GPU is usable, else {@code cpu}. */
    static String resolve(String kind) {
        if (kind.equals("auto")) {
            return GpuBackend.unavailableReason().isEmpty() ? "gpu" : "cpu";
        }
        return kind;
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

    /** Whether trials of this kind need the whole machine (one device: GPU trials run one at a time). */
    public static boolean exclusive(String kind) {
        return resolve(kind).equals("gpu");
    }
}
