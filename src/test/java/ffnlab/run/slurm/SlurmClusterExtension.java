package ffnlab.run.slurm;

import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class a running {@link SlurmCluster} as a parameter. One cluster serves the whole test run
 * (kept in the root store, stopped by JUnit when the run ends); a class is skipped, with the reason, where
 * no cluster can be started (not root, packages missing).
 *
 * <pre>{@code
 * @ExtendWith(SlurmClusterExtension.class)
 * class SomeTest {
 *     @Test void runs(SlurmCluster cluster) { ... }
 * }
 * }</pre>
 */
final class SlurmClusterExtension implements BeforeAllCallback, ParameterResolver {
    private static final Logger LOG = LogManager.getLogger();
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SlurmClusterExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        Optional<String> reason = SlurmCluster.unavailableReason();
        if (reason.isPresent()) {
            LOG.warn("skipping {}: {}", context.getDisplayName(), reason.get());
        }
        Assumptions.assumeTrue(reason.isEmpty(), () -> "SLURM tests skipped: " + reason.orElse(""));
        cluster(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SlurmCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return cluster(context);
    }

    private static SlurmCluster cluster(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(SlurmCluster.class, type -> {
            try {
                return SlurmCluster.start();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting the SLURM test cluster", e);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("could not start the SLURM test cluster: " + e.getMessage(), e);
            }
        }, SlurmCluster.class);
    }
}
