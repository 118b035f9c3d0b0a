package ffnlab.run;

import ffnlab.backend.Backend;
import ffnlab.backend.ReferenceBackend;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Maps an experiment's {@code backend.kind} (reference, cpu, gpu, auto) to a {@link Backend}. Until the lead
 * wires {@code ffnlab.backend.Backends}, every kind runs on the reference backend; the choice is logged once
 * per kind so a run's log says what actually ran.
 */
public final class BackendChoice {
    private static final Logger LOG = LogManager.getLogger();
    private static final java.util.Set<String> LOGGED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private BackendChoice() {
    }

    /** A backend for {@code kind}; the caller closes it. */
    public static Backend open(String kind) {
        Backend backend = new ReferenceBackend();
        if (LOGGED.add(kind)) {
            LOG.info("backend '{}' runs on the {} backend", kind, backend.name());
        }
        return backend;
    }
}
