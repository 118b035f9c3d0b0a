package ffnlab.analysis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * One YAML mapping read from a results file (trial.yaml, summary.yaml, provenance.yaml, experiment.yaml), with
 * typed look-ups whose errors name the file and the line of the offending key.
 *
 * @param file the file it came from
 * @param text the file's text, kept to locate keys for error messages
 * @param root the top-level mapping, in file order
 */
public record YamlDocument(Path file, String text, Map<String, Object> root) {

    /** Reads {@code file}; a missing file, a syntax error or a non-mapping top level is a {@link ResultsFileException}. */
    public static YamlDocument read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ResultsFileException(file, 0, "cannot read the file (" + e.getMessage() + ")", e);
        }
        return parse(file, text);
    }

    /** Parses {@code text} as if read from {@code file}. */
    public static YamlDocument parse(Path file, String text) {
        Object loaded;
        try {
            loaded = new Load(LoadSettings.builder().setLabel(file.toString()).build()).loadFromString(text);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(1);
            throw new ResultsFileException(file, line, "expected valid YAML: " + e.getProblem(), e);
        } catch (YamlEngineException e) {
            throw new ResultsFileException(file, 1, "expected valid YAML: " + firstLine(e.getMessage()), e);
        }
        if (loaded == null) {
            return new YamlDocument(file, text, Map.of());
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new ResultsFileException(file, 1, "expected a mapping of keys to values at the top level");
        }
        return new YamlDocument(file, text, stringKeys(map));
    }

    /** The value at a dotted path ({@code "report.chapter.optimum"}), or null. */
    public Object get(String dottedKey) {
        Object node = root;
        for (String part : dottedKey.split("\\.")) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(part);
        }
        return node;
    }

    /** The mapping at {@code key}, empty when absent; anything else is an error. */
    public Map<String, Object> mapping(String key) {
        Object value = get(key);
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            return stringKeys(map);
        }
        throw new ResultsFileException(file, lineOf(key), "expected '" + key + "' to be a mapping, found '" + value + "'");
    }

    /** A required number (NaN is written {@code .nan}, {@code NaN} or left empty). */
    public double number(String key) {
        if (!has(key)) {
            throw new ResultsFileException(file, 0, "expected the key '" + key + "'");
        }
        return optionalNumber(key);
    }

    /** A number, NaN when absent or empty. */
    public double optionalNumber(String key) {
        Object value = get(key);
        double x = asNumber(value);
        if (Double.isNaN(x) && value != null && !isNanWord(value)) {
            throw new ResultsFileException(file, lineOf(key), "expected a number for '" + key + "', found '" + value + "'");
        }
        return x;
    }

    /** A string, {@code fallback} when absent. */
    public String string(String key, String fallback) {
        Object value = get(key);
        return value == null ? fallback : String.valueOf(value);
    }

    public boolean has(String key) {
        return get(key) != null;
    }

    /** The 1-based line where {@code key} (its last dotted part) is first written, or 1. */
    public int lineOf(String dottedKey) {
        String last = dottedKey.substring(dottedKey.lastIndexOf('.') + 1);
        Matcher m = Pattern.compile("(?m)^\\s*['\"]?" + Pattern.quote(last) + "['\"]?\\s*:").matcher(text);
        if (!m.find()) {
            return 1;
        }
        return (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
    }

    /** A YAML scalar as a double: numbers, numeric strings, NaN words; NaN for anything else. */
    public static double asNumber(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            String t = s.trim();
            if (isNanWord(t)) {
                return Double.NaN;
            }
            switch (t.toLowerCase(Locale.ROOT)) {
                case ".inf", "inf", "infinity", "+.inf" -> {
                    return Double.POSITIVE_INFINITY;
                }
                case "-.inf", "-inf", "-infinity" -> {
                    return Double.NEGATIVE_INFINITY;
                }
                default -> {
                }
            }
            try {
                return Double.parseDouble(t);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    private static boolean isNanWord(Object value) {
        String t = String.valueOf(value).trim().toLowerCase(Locale.ROOT);
        return t.isEmpty() || t.equals("nan") || t.equals(".nan") || t.equals("null") || t.equals("~");
    }

    static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
