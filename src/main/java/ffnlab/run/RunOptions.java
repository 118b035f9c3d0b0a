package ffnlab.run;

import ffnlab.spec.Node;
import ffnlab.spec.Profile;
import java.nio.file.Path;
import java.util.Map;

/**
 * How to run an experiment.
 *
 * @param experiments the folder of experiment files
 * @param results     the results root
 * @param profile     smoke, ci or null (the file as written)
 * @param overrides   -Dset pairs, applied after the profile
 * @param fresh       rerun finished trials
 * @param threads     the thread budget (at least 1)
 * @param reuse       which finished trials {@code run} takes instead of training
 * @param variant     the variant's name ({@link VariantName}), or null for the experiment as written
 */
public record RunOptions(Path experiments, Path results, Profile profile, Map<String, Node> overrides, boolean fresh, int threads,
                         Reuse reuse, String variant) {
    /** Which finished trials stand for a planned trial. */
    public enum Reuse {
        /** only a trial trained by this build's code (the same id): the default, and always for check and record */
        SAME_ENGINE,
        /** also a trial of the same configuration, seed, data and backend trained by other code ({@code -Dreuse=any}) */
        ANY_ENGINE;

        /** Parses {@code same} or {@code any}; the message names both. */
        public static Reuse parse(String text) {
            return switch (text) {
                case "same" -> SAME_ENGINE;
                case "any" -> ANY_ENGINE;
                default -> throw new IllegalArgumentException("reuse: expected same or any, got '" + text + "'");
            };
        }
    }

    public RunOptions {
        overrides = Map.copyOf(overrides);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        java.util.Objects.requireNonNull(reuse, "reuse");
        if (variant != null) {
            VariantName.check(variant);
        }
    }

    /** Options for the experiment as written (no variant). */
    public RunOptions(Path experiments, Path results, Profile profile, Map<String, Node> overrides, boolean fresh, int threads,
                      Reuse reuse) {
        this(experiments, results, profile, overrides, fresh, threads, reuse, null);
    }

    /** Options that reuse only trials trained by this build's code. */
    public RunOptions(Path experiments, Path results, Profile profile, Map<String, Node> overrides, boolean fresh, int threads) {
        this(experiments, results, profile, overrides, fresh, threads, Reuse.SAME_ENGINE);
    }

    /**
     * results/&lt;experiment&gt; for the file as written, results/&lt;experiment&gt;-&lt;profile&gt; under a profile, and
     * {@code @<variant>} after either for a variant.
     */
    public String resultsName(String experiment) {
        return resultsName(experiment, profile == null ? null : profile.key(), variant);
    }

    /** The results folder's name of {@code experiment} under {@code profile} (null: none) as {@code variant} (null: none). */
    public static String resultsName(String experiment, String profile, String variant) {
        String name = profile == null || profile.isBlank() || profile.equals("default") ? experiment : experiment + "-" + profile;
        return variant == null || variant.isBlank() ? name : name + ffnlab.results.ResultsStore.VARIANT + variant;
    }
}
