package ffnlab.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.spec.Mark;
import ffnlab.spec.Node;
import ffnlab.spec.SweepAxis;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * TPE on a toy objective, no training: the Branin function (Dixon and Szego 1978) on x1 in [-5, 10], x2 in [0, 15], whose
 * minimum is 5 / (4 pi) = 0.397887 at three points, plus a choice dimension that adds 0, 1 or 4. Each search has a
 * budget of 60 evaluations (TPE: 10 from the prior, then rounds of 5); random search draws 60 points from the same prior.
 */
class TreeParzenSamplerTest {
    private static final List<SweepAxis.Distribution> SPACE = List.of(new SweepAxis.Distribution.Uniform("training.lr", -5, 10),
            new SweepAxis.Distribution.Uniform("training.momentum", 0, 15),
            new SweepAxis.Distribution.Choice("model.activation", List.of(scalar("relu"), scalar("tanh"), scalar("sigmoid"))));
    private static final int BUDGET = 60;
    private static final int STARTUP = 10;
    private static final int BATCH = 5;
    private static final double BRANIN_MINIMUM = 5 / (4 * Math.PI);

    private static Node scalar(String s) {
        return new Node.Scalar(s, Mark.of("test"));
    }

    /** Branin plus the choice's penalty 0, 1, 4. */
    static double objective(double[] x) {
        double a = 1;
        double b = 5.1 / (4 * Math.PI * Math.PI);
        double c = 5 / Math.PI;
        double r = 6;
        double s = 10;
        double t = 1 / (8 * Math.PI);
        double f = a * Math.pow(x[1] - b * x[0] * x[0] + c * x[0] - r, 2) + s * (1 - t) * Math.cos(x[0]) + s;
        return f + x[2] * x[2];
    }

    /** The best value TPE finds with {@code seed}, proposing in rounds as {@link TpeSearch} does. */
    static double tpe(long seed) {
        TreeParzenSampler sampler = new TreeParzenSampler(SPACE, 0.25, 24);
        List<TreeParzenSampler.Observed> observed = new ArrayList<>();
        for (int round = 0; round * BATCH < BUDGET; round++) {
            SplittableRandom random = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L * (round + 1));
            List<TreeParzenSampler.Observed> batch = new ArrayList<>();
            for (int i = round * BATCH; i < (round + 1) * BATCH; i++) {
                double[] x = i < STARTUP ? sampler.prior(random) : sampler.propose(observed, random);
                batch.add(new TreeParzenSampler.Observed(x, objective(x)));
            }
            observed.addAll(batch);
        }
        return observed.stream().mapToDouble(TreeParzenSampler.Observed::loss).min().orElseThrow();
    }

    static double random(long seed) {
        TreeParzenSampler sampler = new TreeParzenSampler(SPACE, 0.25, 24);
        SplittableRandom random = new SplittableRandom(seed);
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < BUDGET; i++) {
            best = Math.min(best, objective(sampler.prior(random)));
        }
        return best;
    }

    @Test
    void tpeBeatsRandomSearchOnBraninAcrossTwentySeeds() {
        int n = 20;
        double[] regretTpe = new double[n];
        double[] regretRandom = new double[n];
        double[] difference = new double[n];
        for (int s = 0; s < n; s++) {
            regretTpe[s] = Math.log10(tpe(1000 + s) - BRANIN_MINIMUM);
            regretRandom[s] = Math.log10(random(1000 + s) - BRANIN_MINIMUM);
            difference[s] = regretRandom[s] - regretTpe[s];
        }
        double mean = java.util.Arrays.stream(difference).average().orElseThrow();
        double sd = Math.sqrt(java.util.Arrays.stream(difference).map(d -> (d - mean) * (d - mean)).sum() / (n - 1));
        double half = 2.093 * sd / Math.sqrt(n);   // t quantile 0.975 with 19 degrees of freedom
        String figures = String.format("mean log10 regret TPE %.4f, random %.4f; random - TPE = %.4f, 95%% CI [%.4f, %.4f]",
                java.util.Arrays.stream(regretTpe).average().orElseThrow(), java.util.Arrays.stream(regretRandom).average().orElseThrow(),
                mean, mean - half, mean + half);
        System.out.println("TreeParzenSamplerTest: " + figures);
        assertTrue(mean - half > 0, "TPE should find lower Branin values than random search: " + figures);
    }

    @Test
    void theSameSeedAndObservationsProposeTheSamePointsBitwise() {
        assertTrue(Double.compare(tpe(7), tpe(7)) == 0);
        TreeParzenSampler sampler = new TreeParzenSampler(SPACE, 0.25, 24);
        List<TreeParzenSampler.Observed> observed = new ArrayList<>();
        SplittableRandom prior = new SplittableRandom(3);
        for (int i = 0; i < 12; i++) {
            double[] x = sampler.prior(prior);
            observed.add(new TreeParzenSampler.Observed(x, objective(x)));
        }
        assertArrayEquals(sampler.propose(observed, new SplittableRandom(11)), sampler.propose(List.copyOf(observed), new SplittableRandom(11)));
    }

    @Test
    void proposalsStayInsideTheSpace() {
        TreeParzenSampler sampler = new TreeParzenSampler(SPACE, 0.25, 24);
        List<TreeParzenSampler.Observed> observed = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 200; i++) {
            double[] x = i < 5 ? sampler.prior(random) : sampler.propose(observed, random);
            assertTrue(x[0] >= -5 && x[0] <= 10 && x[1] >= 0 && x[1] <= 15 && (x[2] == 0 || x[2] == 1 || x[2] == 2), java.util.Arrays.toString(x));
            observed.add(new TreeParzenSampler.Observed(x, objective(x)));
        }
    }
}
