package ffnlab.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.analysis.ExperimentResults;
import ffnlab.analysis.ResultsFixture;
import ffnlab.sweep.Configuration;
import ffnlab.sweep.TrialSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate's outcomes are rows of the experiment's one aggregate; checked against mean and deviation computed by hand. */
class OutcomeTest {
    @TempDir
    Path root;

    /** The fixture's plan: widths 256, 64, 16, 4 (not in numeric order) x seeds 1..3, plus a seed 4 of width 16 that never ran. */
    private static List<TrialSpec> plan() {
        List<TrialSpec> plan = new ArrayList<>();
        int index = 0;
        for (int width : new int[] {256, 64, 16, 4}) {
            Configuration c = new Configuration(index++, Map.of("model.hidden", (long) width), null);
            for (int seed = 1; seed <= (width == 16 ? 4 : 3); seed++) {
                plan.add(new TrialSpec(ResultsFixture.id("w" + width + "s" + seed), "width-sweep", c, seed, "abc", "cpu", "e"));
            }
        }
        return plan;
    }

    private double finalTestMse(Path experiment, int width, int seed) throws IOException {
        String summary = Files.readString(experiment.resolve("trials").resolve(ResultsFixture.id("w" + width + "s" + seed)).resolve("summary.yaml"));
        return Double.parseDouble(summary.lines().filter(l -> l.startsWith("final_test_mse: ")).findFirst().orElseThrow()
                .substring("final_test_mse: ".length()));
    }

    @Test
    void completeConfigurationsCarryTheMeanAndSampleDeviationOverTheirSeeds() throws IOException {
        Path experiment = ResultsFixture.widthSweep(root);
        List<TrialSpec> plan = plan();
        ExperimentResults results = ExperimentResults.load(experiment, plan.stream().map(TrialSpec::id).toList());
        List<Outcome> outcomes = Outcome.collect(plan, results, List.of("final_test_mse"));
        assertEquals(List.of("model.hidden=4", "model.hidden=16", "model.hidden=64", "model.hidden=256"),
                outcomes.stream().map(Outcome::configuration).toList(), "configurations in their one order");
        for (Outcome o : outcomes) {
            int width = Integer.parseInt(o.configuration().substring("model.hidden=".length()));
            if (width == 4 || width == 64) {
                double[] v = {finalTestMse(experiment, width, 1), finalTestMse(experiment, width, 2), finalTestMse(experiment, width, 3)};
                double mean = (v[0] + v[1] + v[2]) / 3;
                double std = Math.sqrt(((v[0] - mean) * (v[0] - mean) + (v[1] - mean) * (v[1] - mean) + (v[2] - mean) * (v[2] - mean)) / 2);
                assertEquals(3, o.n());
                assertEquals(mean, o.mean(), 1e-15, o.configuration());
                assertEquals(std, o.std(), 1e-15, o.configuration());
            } else {
                assertTrue(Double.isNaN(o.mean()), o.configuration() + ": a diverged or missing seed fails the gate");
            }
        }
        assertEquals(2, outcomes.get(3).n(), "width 256: two seeds finished, one diverged");
        assertEquals(3, outcomes.get(1).n(), "width 16: three of four planned seeds finished");
    }

    @Test
    void aSingleSeedHasNoSpread() {
        Path experiment = ResultsFixture.widthSweep(root);
        Configuration c = new Configuration(0, Map.of("model.hidden", 64L), null);
        List<TrialSpec> plan = List.of(new TrialSpec(ResultsFixture.id("w64s1"), "width-sweep", c, 1, "abc", "cpu", "e"));
        Outcome o = Outcome.collect(plan, ExperimentResults.load(experiment, List.of(plan.getFirst().id())), List.of("final_test_mse"))
                .getFirst();
        assertEquals(1, o.n());
        assertEquals(0.0, o.std());
        assertTrue(Double.isFinite(o.mean()));
    }
}
