package ffnlab.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/**
 * Runs {@link Main#run} in this JVM on a worker thread with a time bound, capturing what a user would see on the
 * console: its stdout and stderr, and every log event at INFO or above (the console appender's threshold).
 */
final class InProcessCommand implements AutoCloseable {
    private final List<String> logged = Collections.synchronizedList(new ArrayList<>());
    private final AbstractAppender appender;
    private final ExecutorService worker;
    private final int timeoutSeconds;

    /** What one command did. */
    record Result(int status, String out, String err, List<String> log) {
        /** Everything, for an assertion message. */
        String describe(String label) {
            return label + "\nstatus " + status + "\nstdout: " + out + "\nstderr: " + err + "\nlog: " + log;
        }
    }

    /** Runs {@link Main#run} once on this thread, capturing stdout and stderr (no log capture, no time bound). */
    static Result once(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), List.of());
    }

    InProcessCommand(int timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
        appender = new AbstractAppender("in-process-console", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                if (event.getLevel().isMoreSpecificThan(Level.INFO)) {
                    logged.add(event.getLevel() + " " + event.getMessage().getFormattedMessage());
                }
            }
        };
        appender.start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().addAppender(appender);
        context.getConfiguration().getRootLogger().addAppender(appender, Level.INFO, null);
        context.updateLoggers();
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "in-process-command");
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code args}; a command that does not end in time fails with {@code label}. */
    Result run(List<String> args, String label) throws InterruptedException {
        logged.clear();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Future<Integer> status = worker.submit(() -> Main.run(args.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        try {
            int s = status.get(timeoutSeconds, TimeUnit.SECONDS);
            return new Result(s, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), List.copyOf(logged));
        } catch (TimeoutException e) {
            status.cancel(true);
            throw new AssertionError(label + ": did not end within " + timeoutSeconds + " s");
        } catch (ExecutionException e) {
            throw new AssertionError(label + ": " + e.getCause(), e.getCause());
        }
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getRootLogger().removeAppender(appender.getName());
        context.updateLoggers();
        appender.stop();
        worker.shutdownNow();
    }
}
