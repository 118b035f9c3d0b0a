package ffnlab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationTest {
    private static Map<String, Object> coordinates(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    @Test
    void theLabelIsTheSweptValuesInSweepOrderWithoutSeeds() {
        assertEquals("model.hidden=64, training.lr=0.001",
                Configuration.label(coordinates("model.hidden", 64L, "training.lr", 0.001)));
        assertEquals("model.hidden=[5, 5], model.activation=relu",
                Configuration.label(coordinates("model.hidden", List.of(5L, 5L), "model.activation", "relu")));
        assertEquals("model.kind=ffn", Configuration.label(coordinates("model.kind", "ffn", "training.seed", 3L)));
        assertEquals("base", Configuration.label(Map.of()));
        assertEquals("base", Configuration.label(coordinates("seed", 1L)), "seeds are replicates, not configurations");
        assertEquals("model.kind=linear", new Configuration(0, coordinates("model.kind", "linear"), null).label());
    }

    @Test
    void aConfigurationAndItsTrialReadBackHaveOneLabel() {
        // as swept (Long, Double) and as read back from trial.yaml (Integer, Double)
        Map<String, Object> swept = coordinates("model.hidden", 64L, "training.lr", 1.0, "model.widths", List.of(8L, 4L));
        Map<String, Object> readBack = coordinates("model.hidden", 64, "training.lr", 1.0d, "model.widths", List.of(8, 4));
        assertEquals("model.hidden=64, training.lr=1.0, model.widths=[8, 4]", Configuration.label(swept), "a double keeps its .0");
        assertEquals(Configuration.label(swept), Configuration.label(readBack));
        assertEquals(0, Configuration.ORDER.compare(swept, readBack));
    }

    @Test
    void theOrderIsNumericKeyByKeyInSweepOrder() {
        List<Map<String, Object>> configurations = new ArrayList<>(List.of(
                coordinates("model.hidden", 256L, "training.lr", 0.1),
                coordinates("model.hidden", 16L, "training.lr", 0.1),
                coordinates("model.hidden", 16L, "training.lr", 0.01),
                coordinates("model.hidden", 4L, "training.lr", 0.1)));
        configurations.sort(Configuration.ORDER);
        assertEquals(List.of("model.hidden=4, training.lr=0.1", "model.hidden=16, training.lr=0.01",
                "model.hidden=16, training.lr=0.1", "model.hidden=256, training.lr=0.1"),
                configurations.stream().map(Configuration::label).toList());
        List<Map<String, Object>> depths = new ArrayList<>(List.of(coordinates("model.hidden", List.of(5L, 5L, 5L)),
                coordinates("model.hidden", List.of(10L)), coordinates("model.hidden", List.of(5L, 5L))));
        depths.sort(Configuration.ORDER);
        assertEquals(List.of("model.hidden=[10]", "model.hidden=[5, 5]", "model.hidden=[5, 5, 5]"),
                depths.stream().map(Configuration::label).toList(), "lists by length, then elements");
        List<Map<String, Object>> kinds = new ArrayList<>(List.of(coordinates("model.kind", "linear"), coordinates("model.kind", "ffn"),
                coordinates()));
        kinds.sort(Configuration.ORDER);
        assertEquals(List.of("base", "model.kind=ffn", "model.kind=linear"), kinds.stream().map(Configuration::label).toList(),
                "text by its value; an absent key first");
    }
}
