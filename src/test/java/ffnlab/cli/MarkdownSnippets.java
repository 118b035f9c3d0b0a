package ffnlab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commands and YAML snippets of a Markdown file, each with its file and line:
 * <ul>
 * <li>a fenced block in {@code yaml} is one YAML snippet; {@code <!-- fragment -->} on the line before its fence
 * marks it as part of an experiment file rather than a whole one;</li>
 * <li>in a fenced block in {@code bash} (or {@code sh}, {@code shell}) every line is a command (a line ending in
 * {@code \} continues on the next; {@code # ...} comments and blank lines are skipped); in a fenced block without a
 * language and in an indented block, the lines that start with a {@linkplain #PROGRAMS program} are;</li>
 * <li>outside blocks, an inline code span (it may wrap over lines) that starts with a {@linkplain #PROGRAMS program}
 * is a command, unless it elides part of itself with {@code ...}.</li>
 * </ul>
 */
final class MarkdownSnippets {
    /** How the commands the docs show begin. */
    static final List<String> PROGRAMS = List.of("mvn ", "bin/ffnlab", "java ", "JAVA_OPTS=", "git ", "bash ");
    private static final Pattern FENCE = Pattern.compile("^\\s*(```+|~~~+)\\s*([A-Za-z]*).*$");
    private static final Pattern INLINE = Pattern.compile("(?<!`)`([^`]+)`(?!`)");
    private static final String FRAGMENT = "<!-- fragment -->";

    /** A snippet: a command or YAML text, from {@code file} at {@code line} (1-based). */
    record Snippet(Path file, int line, Kind kind, String text, boolean fragment) {
        String where() {
            return file + ":" + line;
        }
    }

    enum Kind { COMMAND, YAML }

    private MarkdownSnippets() {
    }

    static List<Snippet> read(Path file) {
        try {
            return parse(file, Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Snippet> parse(Path file, List<String> lines) {
        List<Snippet> out = new ArrayList<>();
        StringBuilder prose = new StringBuilder();
        List<Integer> proseLines = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher fence = FENCE.matcher(lines.get(i));
            if (fence.matches()) {
                int end = i + 1;
                while (end < lines.size() && !lines.get(end).strip().startsWith(fence.group(1))) {
                    end++;
                }
                String language = fence.group(2).toLowerCase(java.util.Locale.ROOT);
                boolean fragment = i > 0 && lines.get(i - 1).strip().equals(FRAGMENT);
                List<String> body = lines.subList(i + 1, Math.min(end, lines.size()));
                if (language.equals("yaml") || language.equals("yml")) {
                    out.add(new Snippet(file, i + 2, Kind.YAML, String.join("\n", body) + "\n", fragment));
                } else if (List.of("bash", "sh", "shell").contains(language)) {
                    commands(file, i + 2, body, true, out);
                } else if (language.isEmpty()) {
                    commands(file, i + 2, body, false, out);
                }
                i = end;
                continue;
            }
            if (lines.get(i).startsWith("    ") && (i == 0 || lines.get(i - 1).isBlank() || lines.get(i - 1).startsWith("    "))
                    && !lines.get(i).isBlank() && startsWithProgram(lines.get(i).strip())) {
                commands(file, i + 1, List.of(lines.get(i)), false, out);
                continue;
            }
            prose.append(lines.get(i)).append('\n');
            proseLines.add(i + 1);
        }
        Matcher m = INLINE.matcher(prose);
        while (m.find()) {
            String span = m.group(1).replaceAll("\\s+", " ").strip();
            if (startsWithProgram(span) && !span.contains("...")) {
                int line = proseLines.get((int) prose.substring(0, m.start()).chars().filter(c -> c == '\n').count());
                out.add(new Snippet(file, line, Kind.COMMAND, span, false));
            }
        }
        out.sort(java.util.Comparator.comparingInt(Snippet::line));
        return out;
    }

    /** The commands of a block's {@code body}, its first line at {@code firstLine}; {@code every}: each line is one. */
    private static void commands(Path file, int firstLine, List<String> body, boolean every, List<Snippet> out) {
        StringBuilder command = new StringBuilder();
        int start = firstLine;
        for (int j = 0; j < body.size(); j++) {
            String line = body.get(j).strip();
            if (command.isEmpty()) {
                start = firstLine + j;
                if (line.isEmpty() || line.startsWith("#") || !every && !startsWithProgram(line)) {
                    continue;
                }
            }
            if (line.endsWith("\\")) {
                command.append(line.substring(0, line.length() - 1).strip()).append(' ');
                continue;
            }
            command.append(line);
            out.add(new Snippet(file, start, Kind.COMMAND, command.toString(), false));
            command.setLength(0);
        }
    }

    static boolean startsWithProgram(String text) {
        return PROGRAMS.stream().anyMatch(text::startsWith);
    }
}
