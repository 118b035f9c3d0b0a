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
 * (sorted keys; {@code backend.kind} as resolved, so {@code auto} is the cpu or gpu it ran on; the thread count
 * and the checkpoint interval left out because results do not depend on them; {@code training.eval_every} only when
 * set, since it adds probes.csv and ids from before the key existed stay valid), its seed, the dataset's hash and the {@link EngineFingerprint}
 * of the code that trains it. The same trial gets the same id on every run and machine with the same build;
 * changing any value or class that can change the numbers gives a new id. {@link #ignoringEngine} is the same
 * hash without the engine: equal for the same trial trained by other code.
 */
public final class TrialId {
    private TrialId() {
    }

    /**
     * @param config     the trial's configuration as written ({@code backend.kind} may be auto)
     * @param backend    the backend kind that runs it: reference, cpu or gpu
     * @param seed       the training seed
     * @param dataSha256 the dataset's hash
     * @param engine     the {@link EngineFingerprint} of the code that trains it
     */
    public static String of(TrialConfig config, String backend, long seed, String dataSha256, String engine) {
        return hash(text(config, backend, seed, dataSha256) + "engine=" + engine + "\n");
    }

    /** The id of this trial whatever code trains it: finds the same trial among results of other builds. */
    public static String ignoringEngine(TrialConfig config, String backend, long seed, String dataSha256) {
        return hash(text(config, backend, seed, dataSha256));
    }

    /**
     * The prefix key: the id's hash without {@code training.epochs}. Trials that differ only in their epoch count
     * share it, and with it their checkpoints: the run of E epochs is the first E epochs of every longer run (nothing
     * in the training loop depends on the planned number of epochs), so a longer trial continues from a shorter one's
     * last checkpoint.
     */
    public static String prefix(TrialConfig config, String backend, long seed, String dataSha256, String engine) {
        Map<String, Object> values = new TreeMap<>(config.values());
        values.remove("training.epochs");
        return hash(text(values, backend, seed, dataSha256) + "engine=" + engine + "\nepochs=any\n");
    }

    private static String text(TrialConfig config, String backend, long seed, String dataSha256) {
        return text(config.values(), backend, seed, dataSha256);
    }

    private static String text(Map<String, Object> config, String backend, long seed, String dataSha256) {
        if (backend.equals("auto")) {
            throw new IllegalArgumentException("a trial id needs the backend that runs the trial, not auto");
        }
        Map<String, Object> values = new TreeMap<>(config);
        values.remove("backend.threads");
        values.remove("training.checkpoint_every");
        values.remove("backend.gpu_trials");
        if (Long.valueOf(0).equals(values.get("training.eval_every"))) {
            values.remove("training.eval_every");
        }
        values.put("backend.kind", backend);
        return canonical(values) + "\nseed=" + seed + "\ndata=" + dataSha256 + "\n";
    }

    private static String hash(String text) {
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
