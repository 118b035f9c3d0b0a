package ffnlab.run;

import ffnlab.backend.Backend;
import ffnlab.backend.ReferenceBackend;
import ffnlab.backend.cpu.CpuBackend;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Maps an experiment's {@code backend.kind} to a {@link Backend} until the lead wires
 * {@code ffnlab.backend.Backends}: {@code reference} is the naive oracle; {@code cpu} and {@code auto} the
 * multithreaded CPU backend; {@code gpu} is not in this build and falls back to the CPU backend. The choice is
 * logged once per kind, and provenance.yaml records the backend and device that actually ran.
 */
public final class BackendChoice {
    private static final Logger LOG = LogManager.getLogger();
    private static final java.util.Set<String> LOGGED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private BackendChoice() {
    }

    /** A backend for {@code kind} using {@code threads} threads; the caller closes it. */
    public static Backend open(String kind, int threads) {
        Backend backend = switch (kind) {
            case "reference" -> new ReferenceBackend();
            default -> new CpuBackend(threads);
        };
        if (LOGGED.add(kind)) {
            LOG.info("backend '{}' runs on the {} backend{}", kind, backend.name(),
                    kind.equals("gpu") ? " (no GPU backend in this build)" : "");
        }
        return backend;
    }
}
