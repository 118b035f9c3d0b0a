package ffnlab.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium (Debian's {@code chromium} package) driven from the command line: {@code --dump-dom} to read a
 * page after its load event, {@code --screenshot} to look at it. Each call gets a fresh profile directory.
 */
public final class Chromium {
    private static final long TIMEOUT_S = 90;
    private final Path executable;
    private final Path work;

    private Chromium(Path executable, Path work) {
        this.executable = executable;
        this.work = work;
    }

    /** The browser named by {@code -Dchromium=} or {@code $CHROMIUM}, else /usr/bin/chromium, when it exists. */
    public static Optional<Chromium> find(Path work) {
        List<String> candidates = new ArrayList<>();
        if (System.getProperty("chromium") != null) {
            candidates.add(System.getProperty("chromium"));
        }
        if (System.getenv("CHROMIUM") != null) {
            candidates.add(System.getenv("CHROMIUM"));
        }
        candidates.add("/usr/bin/chromium");
        for (String c : candidates) {
            Path p = Path.of(c);
            if (Files.isExecutable(p)) {
                return Optional.of(new Chromium(p, work));
            }
        }
        return Optional.empty();
    }

    /** The DOM after the load event, and what the browser wrote to stderr. */
    public record Run(String dom, String log) {
    }

    public Run dumpDom(Path page) throws IOException, InterruptedException {
        return run(List.of("--dump-dom", page.toUri().toString()));
    }

    /**
     * The DOM of a copy of {@code page} (same folder, so relative links resolve alike) with {@code script} injected
     * first in its head, after the load event.
     */
    public Run dumpDomWith(Path page, String script) throws IOException, InterruptedException {
        String html = Files.readString(page, StandardCharsets.UTF_8);
        int head = html.indexOf("<head>") + "<head>".length();
        Path copy = page.resolveSibling("probe-" + page.getFileName());
        Files.writeString(copy, html.substring(0, head) + "<script>" + script + "</script>" + html.substring(head));
        try {
            return dumpDom(copy);
        } finally {
            Files.delete(copy);
        }
    }

    public Run screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
        return run(List.of("--hide-scrollbars", "--window-size=" + width + "," + height, "--screenshot=" + png.toAbsolutePath(),
                page.toUri().toString()));
    }

    private Run run(List<String> args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "chromium-profile");
        Path out = Files.createTempFile(work, "chromium", ".out");
        Path err = Files.createTempFile(work, "chromium", ".err");
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IllegalStateException("chromium did not finish within " + TIMEOUT_S + " s: " + command);
        }
        return new Run(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
