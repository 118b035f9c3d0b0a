package ffnlab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ffnlab.spec.ExperimentFiles;
import ffnlab.spec.ExperimentSpec;
import ffnlab.spec.Overrides;
import ffnlab.spec.TrialConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The prefix key under which trials share checkpoints: equal for trials that differ only in training.epochs (or in
 * the checkpoint interval), different for any other value, seed, backend, data or engine; and the interval leaves the
 * trial id as it was.
 */
class PrefixKeyTest {
    /** The first configuration of toy-mapping, whose sweep is training.epochs: [1000, 20000]. */
    private static TrialConfig config(String set) {
        return config(set, 0);
    }

    private static TrialConfig config(String set, int configuration) {
        ExperimentSpec spec = new ExperimentFiles(Path.of("experiments")).load("toy-mapping", null,
                set.isEmpty() ? Map.of() : Overrides.parse(set, "-Dset"));
        return SweepExpander.configurations(spec, c -> new int[] {2, 2}).get(configuration).config();
    }

    @Test
    void onlyTheEpochsAndTheCheckpointIntervalLeaveThePrefix() {
        TrialConfig base = config("");
        TrialConfig longer = config("", 1);
        TrialConfig every = config("training.checkpoint_every=3");
        TrialConfig otherLr = config("training.lr=0.0123");
        assertEquals(List.of(1000L, 20000L), List.of(base.get("training.epochs"), longer.get("training.epochs")));
        String prefix = TrialId.prefix(base, "cpu", 1, "d0", "e0");
        assertEquals(prefix, TrialId.prefix(longer, "cpu", 1, "d0", "e0"));
        assertEquals(prefix, TrialId.prefix(every, "cpu", 1, "d0", "e0"));
        assertNotEquals(TrialId.of(base, "cpu", 1, "d0", "e0"), TrialId.of(longer, "cpu", 1, "d0", "e0"));
        assertEquals(TrialId.of(base, "cpu", 1, "d0", "e0"), TrialId.of(every, "cpu", 1, "d0", "e0"));
        assertNotEquals(prefix, TrialId.of(base, "cpu", 1, "d0", "e0"));
        assertNotEquals(prefix, TrialId.prefix(otherLr, "cpu", 1, "d0", "e0"));
        assertNotEquals(prefix, TrialId.prefix(base, "cpu", 2, "d0", "e0"));
        assertNotEquals(prefix, TrialId.prefix(base, "reference", 1, "d0", "e0"));
        assertNotEquals(prefix, TrialId.prefix(base, "cpu", 1, "d1", "e0"));
        assertNotEquals(prefix, TrialId.prefix(base, "cpu", 1, "d0", "e1"));
    }
}
