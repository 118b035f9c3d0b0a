package ffnlab.run;

import java.nio.file.Path;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.FileAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Adds a Log4j2 file appender writing {@code results/<experiment>/run.log} (appending) for the duration of a
 * run, beside the console configured in log4j2.xml.
 */
public final class RunLog implements AutoCloseable {
    private final LoggerContext context;
    private final Appender appender;

    private RunLog(LoggerContext context, Appender appender) {
        this.context = context;
        this.appender = appender;
    }

    public static RunLog open(Path file) {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        PatternLayout layout = PatternLayout.newBuilder().withConfiguration(config)
                .withPattern("%d{ISO8601} %-5level [%t] %c{1} - %msg%n").build();
        Appender appender = FileAppender.newBuilder().setName("run-log-" + file.toAbsolutePath()).withFileName(file.toString())
                .withAppend(true).setLayout(layout).setConfiguration(config).build();
        appender.start();
        config.addAppender(appender);
        config.getRootLogger().addAppender(appender, Level.INFO, null);
        context.updateLoggers();
        return new RunLog(context, appender);
    }

    @Override
    public void close() {
        Configuration config = context.getConfiguration();
        config.getRootLogger().removeAppender(appender.getName());
        context.updateLoggers();
        appender.stop();
    }
}
