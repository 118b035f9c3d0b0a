package ffnlab;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's package map is the code's: its table names every package under {@code src/main/java/ffnlab} once, and
 * its rows are layers from the bottom up, so a class may use classes of its own row and of rows above it, never of a
 * row below. Comments and string literals are not uses; imports and qualified names in code are.
 */
class PackageMapTest {
    private static final Path README = Path.of("README.md");
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern ROW = Pattern.compile("^\\|\\s*(`[a-z0-9.]+`(?:\\s*,\\s*`[a-z0-9.]+`)*)\\s*\\|");
    private static final Pattern NAME = Pattern.compile("`([a-z0-9.]+)`");
    private static final Pattern USE = Pattern.compile("\\bffnlab((?:\\.[a-z][a-z0-9]*)*)\\.[A-Z]");

    @Test
    void theMapNamesEveryPackageOnce() throws IOException {
        Map<String, Integer> layers = layers();
        assertEquals(new TreeSet<>(packages()), new TreeSet<>(layers.keySet()),
                "README.md's package table against the packages of src/main/java");
    }

    @Test
    void noPackageUsesALowerRow() throws IOException {
        Map<String, Integer> layers = layers();
        TreeSet<String> violations = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String own = packageOf(file);
                String code = withoutCommentsAndStrings(Files.readString(file, StandardCharsets.UTF_8));
                Matcher m = USE.matcher(code);
                while (m.find()) {
                    String used = m.group(1).isEmpty() ? "ffnlab" : m.group(1).substring(1);
                    Integer usedLayer = layers.get(used);
                    Integer ownLayer = layers.get(own);
                    if (usedLayer != null && ownLayer != null && usedLayer > ownLayer) {
                        violations.add(SOURCES.relativize(file) + " (" + own + ") uses " + used);
                    }
                }
            }
        }
        assertTrue(violations.isEmpty(), "uses of a package listed lower in README.md's map:\n" + String.join("\n", violations));
    }

    @Test
    void theRuleSeesAUseInCodeButNotInAComment() {
        String code = withoutCommentsAndStrings("""
                /** {@link ffnlab.cli.Main} */ // ffnlab.run.Scheduler
                String s = "ffnlab.report.Html"; char c = '"';
                ffnlab.spec.Limits.MAX_THREADS;
                """);
        Matcher m = USE.matcher(code);
        assertTrue(m.find());
        assertEquals(".spec", m.group(1));
        assertTrue(!m.find(), code);
    }

    /** Package (without the {@code ffnlab.} prefix; {@code ffnlab} for the root) to its row, 0 the lowest layer. */
    private static Map<String, Integer> layers() throws IOException {
        Map<String, Integer> layers = new HashMap<>();
        boolean inMap = false;
        int row = 0;
        for (String line : Files.readAllLines(README, StandardCharsets.UTF_8)) {
            if (line.startsWith("## ")) {
                inMap = line.equals("## Packages");
                continue;
            }
            Matcher m = inMap ? ROW.matcher(line) : null;
            if (m != null && m.find()) {
                Matcher name = NAME.matcher(m.group(1));
                while (name.find()) {
                    Integer before = layers.put(name.group(1), row);
                    assertTrue(before == null, "README.md names package " + name.group(1) + " twice");
                }
                row++;
            }
        }
        assertTrue(row > 0, "README.md has no table under '## Packages'");
        return layers;
    }

    private static List<String> packages() throws IOException {
        try (Stream<Path> dirs = Files.walk(SOURCES.resolve("ffnlab"))) {
            return dirs.filter(Files::isDirectory).filter(PackageMapTest::holdsJava)
                    .map(d -> SOURCES.resolve("ffnlab").relativize(d).toString().replace('/', '.'))
                    .map(p -> p.isEmpty() ? "ffnlab" : p).toList();
        }
    }

    private static boolean holdsJava(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String packageOf(Path file) {
        String p = SOURCES.resolve("ffnlab").relativize(file.getParent()).toString().replace('/', '.');
        return p.isEmpty() ? "ffnlab" : p;
    }

    /** The source with comments, string, text-block and char literals blanked out. */
    static String withoutCommentsAndStrings(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            if (s.startsWith("//", i)) {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? s.length() : end + 2;
                out.append(' ');
            } else if (s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                i = end < 0 ? s.length() : end + 3;
                out.append("\"\"");
            } else if (s.charAt(i) == '"' || s.charAt(i) == '\'') {
                char quote = s.charAt(i++);
                while (i < s.length() && s.charAt(i) != quote) {
                    i += s.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
                out.append(quote).append(quote);
            } else {
                out.append(s.charAt(i++));
            }
        }
        return out.toString();
    }
}
