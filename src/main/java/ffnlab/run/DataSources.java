package ffnlab.run;

import ffnlab.data.Examples;
import ffnlab.data.PreparedData;
import ffnlab.data.Task;
import ffnlab.data.ToyMapping;
import ffnlab.spec.TrialConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads the data a trial's configuration asks for, once per distinct request (trials share one copy).
 * The dataset sections that change the data (source, split, scaling, limits) form the request; the training
 * and model keys do not. Example 2's eight patterns are both the training and the test set (the chapter
 * measures its m.s.e. on them).
 */
public final class DataSources {
    private final Map<String, PreparedData> cache = new ConcurrentHashMap<>();

    /** The prepared data for {@code config}, memoised. */
    public PreparedData load(TrialConfig config) {
        return cache.computeIfAbsent(requestKey(config), k -> read(config));
    }

    /** Input and output widths of {@code config}'s data. */
    public int[] shape(TrialConfig config) {
        PreparedData d = load(config);
        return new int[] {d.train().features(), d.train().outputs()};
    }

    static String requestKey(TrialConfig config) {
        StringBuilder b = new StringBuilder();
        config.values().forEach((k, v) -> {
            if (k.startsWith("dataset.")) {
                b.append(k).append('=').append(v).append(';');
            }
        });
        return b.toString();
    }

    private static PreparedData read(TrialConfig config) {
        return switch (config.source()) {
            case "toy-mapping" -> toyMapping(config);
            default -> throw new DataUnavailableException("dataset '" + config.source()
                    + "' needs the data loaders (ffnlab.data.Datasets), which this build does not have yet");
        };
    }

    private static PreparedData toyMapping(TrialConfig config) {
        Examples all = ToyMapping.examples();
        int limit = config.integer("dataset.train_limit");
        Examples train = limit > 0 && limit < all.rows() ? all.slice(0, limit) : all;
        return new PreparedData("toy-mapping", Task.REGRESSION, train, train, sha256(java.util.Arrays.deepToString(ToyMapping.X)
                + java.util.Arrays.deepToString(ToyMapping.D)), List.of("x1", "x2"), List.of("d1", "d2"), new double[] {1, 1});
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A dataset that cannot be loaded; the message is the one-line user error. */
    public static final class DataUnavailableException extends RuntimeException {
        public DataUnavailableException(String message) {
            super(message);
        }
    }
}
