package ffnlab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.spec.ExperimentFiles;
import ffnlab.spec.ExperimentSpec;
import ffnlab.sweep.SweepExpander;
import ffnlab.sweep.TrialSpec;
import ffnlab.train.EpochRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progress bar on a fake terminal (a PrintStream into a buffer, read back through a small terminal emulator):
 * one bar line that ends at 100% once, log lines each on a line of their own above the bar, never cut by it.
 */
class TerminalProgressTest {
    @TempDir
    Path dir;

    private List<TrialSpec> trials(int n) throws IOException {
        Files.writeString(dir.resolve("s.yaml"), "dataset: {source: toy-mapping}\ntraining: {epochs: 3}\nseeds: [1]\n"
                + "sweep: {grid: {training.lr: " + java.util.stream.IntStream.rangeClosed(1, n).mapToObj(i -> "0.0" + i).toList() + "}}\n");
        ExperimentSpec spec = new ExperimentFiles(dir).load("s", null, Map.of());
        return SweepExpander.trials(spec, SweepExpander.configurations(spec, c -> new int[] {2, 2}), c -> "d", c -> "cpu", "engine");
    }

    /**
     * The lines a terminal shows for {@code bytes}: a carriage return moves to the line's start, ESC[K clears to its end,
     * a newline starts the next line; other characters overwrite.
     */
    static List<String> screen(String bytes) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int col = 0;
        for (int i = 0; i < bytes.length(); i++) {
            char c = bytes.charAt(i);
            if (c == '\r') {
                col = 0;
            } else if (c == '\n') {
                lines.add(line.toString());
                line.setLength(0);
                col = 0;
            } else if (c == '\u001b' && bytes.startsWith("[K", i + 1)) {
                line.setLength(col);
                i += 2;
            } else {
                assertTrue(c >= ' ', "a control character other than CR, LF and ESC[K: " + (int) c);
                if (col < line.length()) {
                    line.setCharAt(col, c);
                } else {
                    line.append(c);
                }
                col++;
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static EpochRecord epoch(int e) {
        return new EpochRecord(e, 1, 1, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0.1, 1, 1);
    }

    @Test
    void logLinesGoAboveTheBarAndTheRunEndsOnOneBarLineAt100Percent() throws IOException {
        List<TrialSpec> trials = trials(3);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream terminal = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        TerminalProgress progress = new TerminalProgress(terminal, terminal, 100);
        progress.started("toy", 3, 0);
        int logged = 0;
        for (TrialSpec t : trials) {
            progress.trialStarted(t);
            progress.above().println("log line " + logged++ + " while " + t.id() + " starts");
            for (int e = 1; e <= 3; e++) {
                progress.epoch(t, epoch(e));
            }
            progress.above().print("log line " + logged++);
            progress.above().print(" written in two parts\n");
            progress.trialEnded(new TrialOutcome(t, TrialOutcome.Status.FINISHED, "ok", 0));
        }
        progress.above().println("log line " + logged++ + " after the last trial");
        progress.close();
        progress.close();

        List<String> screen = screen(bytes.toString(StandardCharsets.UTF_8));
        List<String> logLines = screen.stream().filter(l -> l.contains("log line")).toList();
        assertEquals(logged, logLines.size(), String.join("\n", screen));
        for (String l : logLines) {
            assertTrue(l.startsWith("log line ") && !l.contains("[") && !l.contains("toy"), "bar text on a log line: " + l);
        }
        List<String> bars = screen.stream().filter(l -> l.startsWith("toy [")).toList();
        assertEquals(1, bars.size(), "one bar line:\n" + String.join("\n", screen));
        assertEquals(bars.getFirst(), screen.getLast(), "the bar is the last line");
        assertTrue(bars.getFirst().contains("3/3 100%"), bars.getFirst());
        assertEquals(logged + 1, screen.size(), String.join("\n", screen));
        assertTrue(bytes.toString(StandardCharsets.UTF_8).endsWith("\n"), "the bar's line is ended");
    }

    @Test
    void theBarFitsTheTerminalWidthSoItNeverWraps() throws IOException {
        List<TrialSpec> trials = trials(2);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream terminal = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        TerminalProgress progress = new TerminalProgress(terminal, terminal, 30);
        progress.started("a-long-experiment-name", 2, 0);
        trials.forEach(progress::trialStarted);
        progress.close();
        for (String line : screen(bytes.toString(StandardCharsets.UTF_8))) {
            assertTrue(line.length() < 30, line);
        }
    }

    @Test
    void nothingToRunDrawsNoBar() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream terminal = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        TerminalProgress progress = new TerminalProgress(terminal, terminal, 80);
        progress.started("toy", 0, 4);
        progress.above().println("a log line");
        progress.close();
        assertEquals("a log line\n", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void log4jLinesGoThroughTheStreamThatReplacesStderr() throws IOException {
        List<TrialSpec> trials = trials(1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream terminal = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        TerminalProgress progress = new TerminalProgress(terminal, terminal, 100);
        PrintStream err = System.err;
        progress.started("toy", 1, 0);
        System.setErr(progress.above());
        try {
            progress.trialStarted(trials.getFirst());
            LogManager.getLogger(TerminalProgressTest.class).warn("a warning while the bar is shown");
        } finally {
            System.setErr(err);
        }
        progress.trialEnded(new TrialOutcome(trials.getFirst(), TrialOutcome.Status.FINISHED, "ok", 0));
        progress.close();
        List<String> screen = screen(bytes.toString(StandardCharsets.UTF_8));
        assertEquals(2, screen.size(), String.join("\n", screen));
        assertTrue(screen.get(0).endsWith("a warning while the bar is shown") && !screen.get(0).contains("toy ["), screen.get(0));
        assertTrue(screen.get(1).startsWith("toy [") && screen.get(1).contains("1/1 100%"), screen.get(1));
    }

    @Test
    void offATerminalProgressIsLogLines() {
        // surefire's stdout is a pipe, as under CI or "> file": no bar, so no escape codes
        assertInstanceOf(LogProgress.class, Progress.forConsole());
        assertFalse(System.console() != null && System.console().isTerminal());
    }
}
