package ffnlab.export;

import java.util.List;
import java.util.Map;

/** JSON text (RFC 8259) of plain values: null, booleans, numbers, strings, lists and maps. */
final class JsonText {
    private JsonText() {
    }

    /** {@code value} as JSON; NaN and infinities, which JSON cannot write, are null. */
    static String value(Object value) {
        if (TidyTable.missing(value)) {
            return "null";
        }
        return switch (value) {
            case Number n -> n.toString();
            case Boolean b -> b.toString();
            case List<?> list -> {
                StringBuilder b = new StringBuilder("[");
                for (Object o : list) {
                    b.append(b.length() > 1 ? ", " : "").append(value(o));
                }
                yield b.append(']').toString();
            }
            case Map<?, ?> map -> {
                StringBuilder b = new StringBuilder("{");
                map.forEach((k, v) -> b.append(b.length() > 1 ? ", " : "").append(string(String.valueOf(k))).append(": ").append(value(v)));
                yield b.append('}').toString();
            }
            default -> string(value.toString());
        };
    }

    /**
     * A JSON string: quotes, backslashes and control characters escaped, and every character beyond ASCII as
     * a six-character escape (backslash, u, four hex digits), so the text survives a console whose encoding is not UTF-8.
     */
    static String string(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
