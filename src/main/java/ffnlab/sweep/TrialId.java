package ffnlab.sweep;

import ffnlab.spec.TrialConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A trial's id: the first 16 hex characters of SHA-256 over the canonical text of its resolved configuration
 * (sorted keys; the thread count left out because results do not depend on it), its seed, the dataset's hash
 * and {@link #ENGINE_VERSION}. The same trial gets the same id on every run and machine; changing any value
 * that can change the numbers gives a new id.
 */
public final class TrialId {
    /** Bumped whenever the training engine's numbers change, so old results are not reused. */
    public static final String ENGINE_VERSION = "ffnlab-engine-1";

    private TrialId() {
    }

    public static String of(TrialConfig config, long seed, String dataSha256) {
        Map<String, Object> values = new TreeMap<>(config.values());
        values.remove("backend.threads");
        String text = canonical(values) + "\nseed=" + seed + "\ndata=" + dataSha256 + "\nengine=" + ENGINE_VERSION + "\n";
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** JSON-like text with sorted keys; doubles in Java's shortest round-trip form, so 1e-3 and 0.001 agree. */
    static String canonical(Object value) {
        return switch (value) {
            case null -> "null";
            case Map<?, ?> m -> {
                StringBuilder b = new StringBuilder("{");
                new TreeMap<>(m).forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append('"').append(k).append("\":").append(canonical(v)));
                yield b.append('}').toString();
            }
            case List<?> l -> {
                StringBuilder b = new StringBuilder("[");
                for (Object o : l) {
                    b.append(b.length() > 1 ? "," : "").append(canonical(o));
                }
                yield b.append(']').toString();
            }
            case String s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            case Double d -> Double.toString(d);
            default -> value.toString();
        };
    }
}
