package ffnlab.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ffnlab.nn.Activation;
import ffnlab.nn.Architecture;
import ffnlab.spec.ExperimentFiles;
import ffnlab.spec.ExperimentSpec;
import ffnlab.spec.TrialConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Trial ids of the committed experiments, and the one parameter count that plans, sweeps and the run path share. */
class TrialIdentityTest {
    /** Input and output widths by task: the configuration does not depend on them, only the plan's size checks do. */
    private static final SweepExpander.Shape SHAPE = c -> c.data().request().source().equals("fashion-mnist") ? new int[] {784, 10} : new int[] {8, 1};

    private static String id(String experiment, int configuration) {
        ExperimentSpec spec = new ExperimentFiles(Path.of("experiments")).load(experiment, null, Map.of());
        TrialConfig config = SweepExpander.configurations(spec, SHAPE).get(configuration).config();
        return TrialId.ignoringEngine(config, "cpu", 1, "d0");
    }

    /**
     * Golden values computed with the code at commit 8059f66, before the configuration was bound into typed sections
     * (TrialId.ignoringEngine(config, "cpu", 1, "d0") of the n-th configuration). Retyping the configuration must not
     * change what a trial is: the same file gives the same ids, so finished results stay reusable.
     */
    @Test
    void theCommittedExperimentsKeepTheirIds() {
        assertEquals("5fa6feeb3f6ca736", id("toy-mapping", 0));
        assertEquals("12719680a3855524", id("toy-mapping", 1));
        assertEquals("a2bf586ce95b273a", id("housing-ffn", 0));
        assertEquals("51de938c0ac460ce", id("housing-ffn", 1));
        assertEquals("a8a384ea718cadf4", id("depth-sweep", 1));
        assertEquals("78dc4993f7afb6c4", id("width-sweep", 1));
        assertEquals("35279b8368d903f9", id("fashion-mnist", 0));
        assertEquals("c066bb1b446d9993", id("batch-size-sweep", 0));
    }

    @Test
    void oneParameterCountForEveryUse() {
        assertEquals((8 + 1) * 10 + (10 + 1) * 5 + (5 + 1), Architecture.parameterCount(8, 10, 5, 1));
        assertEquals(Architecture.parameterCount(8, 10, 5, 1), Architecture.of(Activation.RELU, Activation.LINEAR, 8, 10, 5, 1).parameterCount());
        ExperimentSpec spec = new ExperimentFiles(Path.of("experiments")).load("housing-dnn", null, Map.of());
        TrialConfig dnn = SweepExpander.configurations(spec, SHAPE).getFirst().config();
        assertEquals(List.of(10, 5), dnn.model().hidden());
        assertArrayEquals(new int[] {8, 10, 5, 1}, dnn.model().widths(8, 1));
        assertArrayEquals(new int[] {784, 10}, Architecture.widths(784, List.of(), 10), "no hidden layer");
        assertEquals(Architecture.parameterCount(8, 10, 5, 1), dnn.model().parameterCount(8, 1));
        assertEquals(dnn.model().architecture(8, 1).parameterCount(), dnn.model().parameterCount(8, 1));
        assertEquals(Architecture.parameterCount(8, 10, 5, 1), SweepExpander.variables(dnn, SHAPE).apply("parameters")[0],
                "the sweep's 'parameters' variable");
    }
}
