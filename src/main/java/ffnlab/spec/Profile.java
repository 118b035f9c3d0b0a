package ffnlab.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A named set of overrides applied before {@code -Dset}: {@code smoke} (2 epochs on a data subset, the first
 * seed: every experiment end to end in seconds, for tests) and {@code ci} (a few epochs, a larger subset,
 * two seeds). An experiment file may adjust a profile under {@code profiles: {smoke: {key: value}}}.
 */
public enum Profile {
    SMOKE(2, 256, 128, 1), CI(5, 2000, 1000, 2);

    private final long epochs;
    private final long trainLimit;
    private final long testLimit;
    private final int seeds;

    Profile(long epochs, long trainLimit, long testLimit, int seeds) {
        this.epochs = epochs;
        this.trainLimit = trainLimit;
        this.testLimit = testLimit;
        this.seeds = seeds;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses "smoke" or "ci"; null or empty means no profile. */
    public static Profile parse(String text) {
        if (text == null || text.isBlank() || text.equals("default")) {
            return null;
        }
        for (Profile p : values()) {
            if (p.key().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new SpecException(List.of(new Problem(Mark.of("-Dprofile"), "", Diagnostics.unknown("profile", text,
                List.of("smoke", "ci", "default")))));
    }

    /** The overrides this profile applies to {@code tree}: built-in ones, then the file's {@code profiles.<name>}. */
    public Map<String, Node> overrides(Node.Mapping tree) {
        Mark mark = Mark.of("profile " + key());
        Map<String, Node> out = new LinkedHashMap<>();
        out.put("training.epochs", new Node.Scalar(epochs, mark));
        out.put("dataset.train_limit", new Node.Scalar(trainLimit, mark));
        out.put("dataset.test_limit", new Node.Scalar(testLimit, mark));
        Node seedsNode = tree.get("seeds");
        List<Node> seedList = seedsNode instanceof Node.Sequence s ? s.items()
                : seedsNode != null ? List.of(seedsNode) : List.of(new Node.Scalar(1L, mark), new Node.Scalar(2L, mark), new Node.Scalar(3L, mark));
        // the kept seeds stay the file's: a problem with them (none left) is reported where they were written
        out.put("seeds", new Node.Sequence(seedList.subList(0, Math.min(seeds, seedList.size())), seedsNode != null ? seedsNode.mark() : mark));
        if (tree.get("profiles") instanceof Node.Mapping profiles && profiles.get(key()) instanceof Node.Mapping own) {
            out.putAll(own.entries());
        }
        return out;
    }
}
