package ffnlab.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InheritanceAndOverridesTest {
    @TempDir
    Path dir;

    @BeforeEach
    void files() throws IOException {
        Files.writeString(dir.resolve("base.yaml"), """
                description: base
                dataset: {source: toy-mapping, input_scaling: none}
                model: {hidden: [3], activation: sigmoid}
                training: {lr: 0.05, epochs: 100, batch_size: 0}
                seeds: [1, 2, 3]
                sweep:
                  grid: {training.lr: [0.1, 0.2]}
                """);
        Files.writeString(dir.resolve("child.yaml"), """
                extends: base
                description: child
                training: {epochs: 7}
                sweep:
                  grid: {model.hidden: [1, 2]}
                """);
        Files.writeString(dir.resolve("a.yaml"), "extends: b\n");
        Files.writeString(dir.resolve("b.yaml"), "extends: a\n");
    }

    private static TrialConfig bind(ExperimentSpec spec) {
        Diagnostics d = new Diagnostics();
        TrialConfig c = ConfigBinder.bind(spec.base(), d);
        d.throwIfAny();
        return c;
    }

    @Test
    void childOverridesKeysAndKeepsTheRest() {
        ExperimentSpec spec = new ExperimentFiles(dir).load("child", null, Map.of());
        TrialConfig c = bind(spec);
        assertEquals("child", spec.description());
        assertEquals(7, c.training().epochs());
        assertEquals(0.05, c.training().optimiser().learningRate());
        assertEquals(ffnlab.nn.Activation.SIGMOID, c.model().activation());
        assertEquals(List.of(1L, 2L, 3L), spec.seeds());
        assertEquals(List.of("model.hidden"), spec.sweep().sweptKeys(), "a child's sweep replaces the parent's");
    }

    @Test
    void cyclesAreErrors() {
        SpecException e = assertThrows(SpecException.class, () -> new ExperimentFiles(dir).load("a", null, Map.of()));
        assertEquals(dir.getFileName() + "/b.yaml:1:10: extends: extends forms a cycle: a -> b -> a", e.getMessage());
    }

    @Test
    void anOverrideThroughAValueIsReportedWhereTheValueIsWritten() throws java.io.IOException {
        Files.writeString(dir.resolve("scalar.yaml"), "description: x\ndataset: 5\n");
        SpecException e = assertThrows(SpecException.class, () -> new ExperimentFiles(dir).load("scalar", Profile.SMOKE, Map.of()));
        assertEquals(dir.getFileName() + "/scalar.yaml:2:10: dataset.train_limit: 'dataset' holds a value, not a section,"
                + " so profile smoke cannot set dataset.train_limit", e.getMessage());
    }

    @Test
    void commandLineOverridesApplyBeforeExpansion() {
        Map<String, Node> set = Overrides.parse("training.epochs=20,seeds=[4, 5],sweep.grid.model.hidden=[[8, 8]],backend.kind=cpu", "-Dset");
        ExperimentSpec spec = new ExperimentFiles(dir).load("child", null, set);
        TrialConfig c = bind(spec);
        assertEquals(20, c.training().epochs());
        assertEquals("cpu", c.backend().kind());
        assertEquals(List.of(4L, 5L), spec.seeds());
        var configs = ffnlab.sweep.SweepExpander.configurations(spec, x -> new int[] {2, 2});
        assertEquals(1, configs.size());
        assertEquals(List.of(8L, 8L), configs.getFirst().config().get("model.hidden"));
    }

    @Test
    void badOverridesNameTheOption() {
        Map<String, Node> set = Overrides.parse("training.epoch=20", "-Dset");
        SpecException e = assertThrows(SpecException.class, () -> new ExperimentFiles(dir).load("child", null, set));
        assertTrue(e.getMessage().contains("-Dset training.epoch=20: training.epoch: unknown key 'epoch'; did you mean 'epochs'?"), e.getMessage());
        assertThrows(SpecException.class, () -> Overrides.parse("novalue", "-Dset"));
    }

    @Test
    void smokeProfileShortensAndKeepsTheFirstSeed() {
        ExperimentSpec spec = new ExperimentFiles(dir).load("child", Profile.SMOKE, Map.of());
        TrialConfig c = bind(spec);
        assertEquals(2, c.training().epochs());
        assertEquals(256, c.data().request().trainLimit());
        assertEquals(List.of(1L), spec.seeds());
    }
}
