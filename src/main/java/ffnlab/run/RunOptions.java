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
 */
public record RunOptions(Path experiments, Path results, Profile profile, Map<String, Node> overrides, boolean fresh, int threads) {
    public RunOptions {
        overrides = Map.copyOf(overrides);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    /** results/&lt;experiment&gt; for the file as written, results/&lt;experiment&gt;-&lt;profile&gt; under a profile. */
    public String resultsName(String experiment) {
        return profile == null ? experiment : experiment + "-" + profile.key();
    }
}
