package ffnlab.cli;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.jul.Log4jBridgeHandler;

/**
 * Log4j2 from the first line of {@code main} to the last: started before any command runs, with
 * java.util.logging (Tribuo's) bridged into it, and stopped explicitly before the JVM exits.
 *
 * <p>Log4j's own JVM shutdown hook is disabled ({@code log4j2.shutdownHookEnabled=false} in
 * {@code log4j2.component.properties}): a hook that starts while the JVM is already shutting down prints a
 * status line ("Cannot start ShutdownCallbackRegistry", "Unable to register Log4j shutdown hook") after the
 * command's own output. Instead {@link #close()} detaches the JUL bridge (so JUL's exit-time reset has no
 * handler left that could wake Log4j) and then shuts Log4j down, flushing every appender.
 */
final class LoggingLifecycle implements AutoCloseable {
    private LoggingLifecycle() {
    }

    /** Initialises Log4j2 and routes java.util.logging into it, with JUL's levels following Log4j2's configuration. */
    static LoggingLifecycle start() {
        LogManager.getContext(false);
        Log4jBridgeHandler.install(true, null, true);
        return new LoggingLifecycle();
    }

    /** Detaches the JUL bridge, then stops Log4j2. */
    @Override
    public void close() {
        java.util.logging.LogManager.getLogManager().reset();
        LogManager.shutdown();
    }
}
