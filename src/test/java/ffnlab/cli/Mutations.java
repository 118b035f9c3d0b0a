package ffnlab.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeded edits that turn a valid experiment file or CSV into a malformed (or still valid) one: delete,
 * duplicate, retype, truncate, inflate numbers, insert YAML or CSV syntax, random bytes. Each edit returns the
 * new content and appends a short description, so a failing case can be read and reproduced.
 */
final class Mutations {
    private static final Pattern VALUE = Pattern.compile("(?<=: )[^\\s{\\[#][^,}\\]\\n#]*");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?(?![\\w.])");
    private static final Pattern KEY = Pattern.compile("(?m)^\\s*([a-z_]+):|[{,]\\s*([a-z_]+):");
    private static final String[] VALUES = {"abc", "-1", "0", "1e400", "-.inf", ".nan", "99999999999999999999", "3000000000",
        "[1, 2]", "[]", "{a: 1}", "{}", "null", "~", "true", "\"\"", "3.5", "-0.0", "0x7fffffff", "1_000", "'x'",
        "[[1, 2], [3]]", "relu", "csv", "fashion-mnist", "[0, 0]", "1e15", "[65536, 65536]", "\"1 / 0\"", "\"training.lr / 0\""};
    private static final String[] BIG = {"1e15", "99999999999", "2147483648", "-1", "0", "1e-320", "1e400", "4294967296",
        "1000000", "65537", "9223372036854775807", "-9223372036854775808", "0.0"};
    private static final String[] SYNTAX = {"[", "]", "{", "}", "\"", "'", ":", "\t", "- ", "&a ", "*a", "!!binary ", "? ",
        "---\n", "%YAML 1.1\n", "\n  ", ",", "#", "|", ">", "@", "`", "\u0000", "\uFEFF", "\r"};
    private static final String[] LINES = {
        "training: {epochs: 3000000000}", "dataset: {train_limit: 5000000000}", "model: {hidden: [1000000]}",
        "training: {lr: 1e300}", "seeds: []", "seeds: [1, 1]", "extends: missing-parent",
        "sweep: {grid: {training.batch_size: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}, constraints: [\"parameters < 0\"]}",
        "sweep: {derived: {training.lr: \"1 / (training.epochs - training.epochs)\"}}",
        "sweep: {random: {count: 100001, params: {training.lr: {uniform: [0.1, 0.2]}}}}",
        "backend: {threads: 5000}", "profiles: {smokey: {training.epochs: 1}}", "unknown_section: 1",
        "dataset: {source: csv}", "dataset: {test_fraction: 0.999}", "training: {early_stopping: 5}"};

    private final SplittableRandom random;
    private final List<String> applied = new ArrayList<>();

    Mutations(SplittableRandom random) {
        this.random = random;
    }

    /** What was done, in order. */
    String description() {
        return String.join("; ", applied);
    }

    /** One to three edits of an experiment file's text, then maybe random bytes. */
    byte[] yaml(String text) {
        String t = text;
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            t = switch (random.nextInt(12)) {
                case 0 -> deleteLine(t);
                case 1 -> duplicateLine(t);
                case 2 -> replace(t, VALUE, VALUES, "retype value");
                case 3 -> truncate(t);
                case 4 -> replace(t, NUMBER, BIG, "inflate number");
                case 5 -> insert(t, SYNTAX[random.nextInt(SYNTAX.length)], "insert syntax");
                case 6 -> renameKey(t);
                case 7 -> duplicateSection(t);
                case 8 -> appendLine(t, LINES[random.nextInt(LINES.length)]);
                case 9 -> nest(t);
                case 10 -> aliasBomb(t);
                default -> bigGrid(t);
            };
        }
        return maybeRandomBytes(t.getBytes(StandardCharsets.UTF_8));
    }

    /** A {@code --set} override: a known, misspelt or malformed key with a value from the retype pool. */
    String override() {
        List<String> keys = new ArrayList<>(ffnlab.spec.ConfigKeys.all().keySet());
        keys.addAll(List.of("seeds", "sweep.grid.model.hidden", "sweep.derived.training.lr", "training.lrr", "nosuch", "",
                "training", "a.b.c", "sweep.grid.seeds", "profiles.smoke.training.epochs", "extends"));
        String key = keys.get(random.nextInt(keys.size()));
        String value = random.nextInt(4) == 0 ? "" : VALUES[random.nextInt(VALUES.length)];
        String pair = random.nextInt(12) == 0 ? key : key + "=" + value;
        applied.add("--set '" + pair + "'");
        return pair;
    }

    /** One or two edits of a CSV file's text, then maybe random bytes. */
    byte[] csv(String text) {
        String t = text;
        int edits = 1 + random.nextInt(2);
        for (int i = 0; i < edits; i++) {
            t = switch (random.nextInt(13)) {
                case 0 -> deleteLine(t);
                case 1 -> duplicateLine(t);
                case 2 -> duplicateHeaderName(t);
                case 3 -> replaceCell(t);
                case 4 -> insert(t, "\"", "insert quote");
                case 5 -> truncate(t);
                case 6 -> extraColumn(t);
                case 7 -> note("empty file", "");
                case 8 -> note("header only", t.substring(0, t.indexOf('\n') + 1));
                case 9 -> singleClass(t);
                case 10 -> note("byte order mark", "\uFEFF" + t);
                case 11 -> note("CRLF line ends", t.replace("\n", "\r\n"));
                default -> replace(t, NUMBER, BIG, "inflate number");
            };
        }
        return maybeRandomBytes(t.getBytes(StandardCharsets.UTF_8));
    }

    /** Edits of an IDX file's bytes: truncate, flip a header byte, random bytes, wrong counts. */
    byte[] idx(byte[] bytes) {
        byte[] b = bytes.clone();
        switch (random.nextInt(5)) {
            case 0 -> {
                int n = random.nextInt(b.length + 1);
                applied.add("truncate to " + n + " bytes");
                b = java.util.Arrays.copyOf(b, n);
            }
            case 1 -> {
                int at = random.nextInt(Math.min(16, b.length));
                b[at] = (byte) random.nextInt(256);
                applied.add("header byte " + at + " = " + (b[at] & 0xff));
            }
            case 2 -> {
                int count = 1 + random.nextInt(8);
                for (int i = 0; i < count; i++) {
                    b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                }
                applied.add(count + " random bytes");
            }
            case 3 -> {
                b = java.util.Arrays.copyOf(b, b.length + 1 + random.nextInt(100));
                applied.add("trailing bytes");
            }
            default -> {
                int value = random.nextBoolean() ? -1 : random.nextInt();
                java.nio.ByteBuffer.wrap(b, 4, 4).putInt(value);
                applied.add("count = " + value);
            }
        }
        return b;
    }

    private String note(String what, String result) {
        applied.add(what);
        return result;
    }

    private String[] lines(String t) {
        return t.split("\n", -1);
    }

    private String deleteLine(String t) {
        String[] lines = lines(t);
        int at = random.nextInt(lines.length);
        applied.add("delete line " + (at + 1));
        List<String> out = new ArrayList<>(List.of(lines));
        out.remove(at);
        return String.join("\n", out);
    }

    private String duplicateLine(String t) {
        String[] lines = lines(t);
        int at = random.nextInt(lines.length);
        int to = random.nextInt(lines.length + 1);
        applied.add("copy line " + (at + 1) + " before line " + (to + 1));
        List<String> out = new ArrayList<>(List.of(lines));
        out.add(to, lines[at]);
        return String.join("\n", out);
    }

    private String replace(String t, Pattern pattern, String[] pool, String what) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = pattern.matcher(t);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return insert(t, pool[random.nextInt(pool.length)], what);
        }
        int[] s = spans.get(random.nextInt(spans.size()));
        String value = pool[random.nextInt(pool.length)];
        applied.add(what + " '" + t.substring(s[0], s[1]) + "' -> '" + value + "' at char " + s[0]);
        return t.substring(0, s[0]) + value + t.substring(s[1]);
    }

    private String truncate(String t) {
        int at = random.nextInt(t.length() + 1);
        applied.add("truncate at char " + at);
        return t.substring(0, at);
    }

    private String insert(String t, String what, String label) {
        int at = random.nextInt(t.length() + 1);
        applied.add(label + " '" + what.replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r") + "' at char " + at);
        return t.substring(0, at) + what + t.substring(at);
    }

    private String renameKey(String t) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = KEY.matcher(t);
        while (m.find()) {
            int g = m.group(1) != null ? 1 : 2;
            spans.add(new int[] {m.start(g), m.end(g)});
        }
        if (spans.isEmpty()) {
            return t;
        }
        int[] s = spans.get(random.nextInt(spans.size()));
        int at = s[0] + random.nextInt(s[1] - s[0]);
        char c = (char) ('a' + random.nextInt(26));
        applied.add("rename key '" + t.substring(s[0], s[1]) + "' (char " + at + " -> " + c + ")");
        return t.substring(0, at) + c + t.substring(at + 1);
    }

    private String duplicateSection(String t) {
        String[] lines = lines(t);
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].matches("[a-z_]+:.*")) {
                starts.add(i);
            }
        }
        if (starts.isEmpty()) {
            return t;
        }
        int from = starts.get(random.nextInt(starts.size()));
        int to = from + 1;
        while (to < lines.length && (lines[to].startsWith(" ") || lines[to].isEmpty())) {
            to++;
        }
        applied.add("append a copy of lines " + (from + 1) + ".." + to);
        return t + (t.endsWith("\n") ? "" : "\n") + String.join("\n", List.of(lines).subList(from, to)) + "\n";
    }

    private String appendLine(String t, String line) {
        applied.add("append '" + line + "'");
        return t + (t.endsWith("\n") ? "" : "\n") + line + "\n";
    }

    private String nest(String t) {
        int depth = random.nextBoolean() ? 40 : 20_000;
        applied.add("append nesting " + depth + " deep");
        return t + "\nnested: " + "[".repeat(depth) + "]".repeat(depth) + "\n";
    }

    private String aliasBomb(String t) {
        StringBuilder b = new StringBuilder("\nbomb_a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            String p = "*" + (char) (c - 1);
            b.append("bomb_").append(c).append(": &").append(c).append(" [").append(String.join(", ", java.util.Collections.nCopies(9, p))).append("]\n");
        }
        applied.add("append an alias bomb");
        return t + b;
    }

    private String bigGrid(String t) {
        int n = 200 + random.nextInt(400);
        String values = java.util.stream.IntStream.rangeClosed(1, n).mapToObj(Integer::toString)
                .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
        applied.add("replace the sweep by a grid of " + n + "^4 points");
        String kept = t.replaceAll("(?ms)^sweep:.*?(?=^\\S|\\z)", "");
        return kept + (kept.endsWith("\n") ? "" : "\n") + "sweep:\n  grid:\n    training.epochs: " + values
                + "\n    training.batch_size: " + values + "\n    dataset.split_seed: " + values + "\n    training.early_stopping: " + values + "\n";
    }

    private String duplicateHeaderName(String t) {
        int end = t.indexOf('\n');
        if (end < 0) {
            return t;
        }
        String[] names = t.substring(0, end).split(",");
        if (names.length < 2) {
            return t;
        }
        int a = random.nextInt(names.length);
        int b = random.nextInt(names.length);
        applied.add("header column " + (b + 1) + " renamed to '" + names[a] + "'");
        names[b] = names[a];
        return String.join(",", names) + t.substring(end);
    }

    private String replaceCell(String t) {
        String[] lines = lines(t);
        int row = random.nextInt(lines.length);
        String[] cells = lines[row].split(",", -1);
        int col = random.nextInt(cells.length);
        String[] pool = {"", "abc", "nan", "NaN", "1e400", "-Infinity", "\"4\"", "\"4", "1,5", "0x10", "1e38", "3.5e39", " "};
        String value = pool[random.nextInt(pool.length)];
        applied.add("cell (line " + (row + 1) + ", column " + (col + 1) + ") = '" + value + "'");
        cells[col] = value;
        lines[row] = String.join(",", cells);
        return String.join("\n", lines);
    }

    private String extraColumn(String t) {
        String[] lines = lines(t);
        int row = random.nextInt(lines.length);
        applied.add("extra cell on line " + (row + 1));
        lines[row] = lines[row] + ",7";
        return String.join("\n", lines);
    }

    private String singleClass(String t) {
        applied.add("every label 'a'");
        return t.replaceAll("(?m),[a-z]$", ",a");
    }

    private byte[] maybeRandomBytes(byte[] bytes) {
        if (random.nextInt(6) != 0) {
            return bytes;
        }
        int at = random.nextInt(bytes.length + 1);
        int n = 1 + random.nextInt(6);
        byte[] noise = new byte[n];
        for (int i = 0; i < n; i++) {
            noise[i] = (byte) random.nextInt(256);
        }
        applied.add(n + " random bytes at byte " + at);
        byte[] out = new byte[bytes.length + n];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(noise, 0, out, at, n);
        System.arraycopy(bytes, at, out, at + n, bytes.length - at);
        return out;
    }
}
