package ffnlab.run;

import ffnlab.sweep.TrialSpec;
import ffnlab.train.EpochRecord;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * One progress bar line on a terminal: trials done of those to run, percent, elapsed time and ETA, and the epochs of
 * the trials running ({@code width-sweep [=====>    ] 7/27  26% 0:42 ETA 1:58 | epoch 3/40}). The bar is redrawn in
 * place (carriage return, text, clear to the end of the line) and cut to the terminal's width ({@code $COLUMNS},
 * else 80) so it never wraps. Log lines go above it: {@link #above()} is a stream whose every line clears the bar,
 * is printed on the log stream, and has the bar redrawn below it; on the console it replaces {@code System.err}
 * while the bar is shown, and Log4j2's console appender follows {@code System.err} (log4j2.xml). When the last trial
 * ends the bar is drawn at 100% and frozen; {@link #close} ends its line, so a run leaves exactly one bar line.
 * Thread-safety: its state, and every write to either stream, only under this object's monitor.
 */
final class TerminalProgress implements Progress {
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream terminal;
    private final PrintStream log;
    private final int width;
    private final boolean console;
    private final Map<String, String> running = new java.util.LinkedHashMap<>();
    private final PrintStream above;
    private PrintStream replacedErr;
    private String experiment = "";
    private int total;
    private int done;
    private long startNanos;
    private long endNanos;
    private long drawnNanos;
    private String drawn;
    private boolean shown;

    /** On the console: the bar on stdout (the stream {@link Progress#forConsole} saw is a terminal), log lines on stderr. */
    TerminalProgress() {
        this(System.out, System.err, columns(), true);
    }

    /** A bar on {@code terminal} with log lines on {@code log} (both may be the same stream), {@code width} columns. */
    TerminalProgress(PrintStream terminal, PrintStream log, int width) {
        this(terminal, log, width, false);
    }

    private TerminalProgress(PrintStream terminal, PrintStream log, int width, boolean console) {
        this.terminal = terminal;
        this.log = log;
        this.width = width;
        this.console = console;
        this.above = new PrintStream(new LinesAbove(), true, StandardCharsets.UTF_8);
    }

    private static int columns() {
        try {
            int c = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "80").strip());
            return c >= 20 ? c : 80;
        } catch (NumberFormatException e) {
            return 80;
        }
    }

    /** A stream whose lines are printed above the bar (each complete line clears the bar and redraws it below). */
    PrintStream above() {
        return above;
    }

    @Override
    public synchronized void started(String experiment, int toRun, int finished) {
        if (toRun == 0) {
            return;
        }
        this.experiment = experiment;
        total = toRun;
        startNanos = System.nanoTime();
        shown = true;
        if (console) {
            replacedErr = System.err;
            System.setErr(above);
        }
        draw(true);
    }

    @Override
    public synchronized void trialStarted(TrialSpec trial) {
        running.put(trial.id(), "epoch 0/" + trial.config().training().epochs());
        draw(false);
    }

    @Override
    public synchronized void epoch(TrialSpec trial, EpochRecord record) {
        running.put(trial.id(), "epoch " + record.epoch() + "/" + trial.config().training().epochs());
        draw(false);
    }

    @Override
    public synchronized void trialEnded(TrialOutcome outcome) {
        running.remove(outcome.trial().id());
        done++;
        if (done == total) {
            endNanos = System.nanoTime();
        }
        draw(true);
    }

    /** Draws the bar when shown and changed, at most every {@value #REDRAW_NANOS} ns unless {@code now}. */
    private void draw(boolean now) {
        if (!shown || !now && System.nanoTime() - drawnNanos < REDRAW_NANOS) {
            return;
        }
        String text = text();
        if (!text.equals(drawn)) {
            terminal.print("\r" + text + "\u001b[K");
            terminal.flush();
            drawn = text;
        }
        drawnNanos = System.nanoTime();
    }

    /** The bar's text, at most width - 1 characters. */
    String text() {
        long now = done == total ? endNanos : System.nanoTime();
        double elapsed = (now - startNanos) / 1e9;
        int cells = 20;
        int filled = total == 0 ? cells : cells * done / total;
        String bar = "=".repeat(filled) + (filled < cells ? ">" + " ".repeat(cells - filled - 1) : "");
        StringBuilder s = new StringBuilder().append(experiment).append(" [").append(bar).append("] ").append(done).append('/')
                .append(total).append(String.format(Locale.ROOT, " %3d%% ", total == 0 ? 100 : 100 * done / total))
                .append(duration(elapsed));
        if (done > 0 && done < total) {
            s.append(" ETA ").append(duration(elapsed / done * (total - done)));
        }
        if (!running.isEmpty() && done < total) {
            s.append(" | ").append(String.join(" | ", running.values()));
        }
        return s.length() < width ? s.toString() : s.substring(0, width - 1);
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** Prints one log line above the bar: clears the bar's line, prints the line, redraws the bar below. */
    private synchronized void printAbove(String line) {
        if (shown) {
            terminal.print("\r\u001b[K");
            terminal.flush();
        }
        log.print(line);
        log.print('\n');
        log.flush();
        if (shown) {
            terminal.print(drawn);
            terminal.flush();
        }
    }

    /** Ends the bar's line (drawing its final state once) and gives stderr back; may be called more than once. */
    @Override
    public synchronized void close() {
        if (!shown) {
            return;
        }
        draw(true);
        terminal.print('\n');
        terminal.flush();
        shown = false;
        if (replacedErr != null) {
            System.setErr(replacedErr);
            replacedErr = null;
        }
    }

    /** Collects bytes into lines and prints each complete line above the bar. */
    private final class LinesAbove extends OutputStream {
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        @Override
        public void write(int b) {
            synchronized (TerminalProgress.this) {
                if (b == '\n') {
                    String text = line.toString(StandardCharsets.UTF_8);
                    line.reset();
                    printAbove(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
                } else {
                    line.write(b);
                }
            }
        }
    }
}
