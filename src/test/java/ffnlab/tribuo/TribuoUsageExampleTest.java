package ffnlab.tribuo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.backend.cpu.CpuBackend;
import ffnlab.nn.Activation;
import ffnlab.nn.Initialiser;
import ffnlab.nn.Reduction;
import ffnlab.nn.optim.Optimiser;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.baseline.DummyClassifierTrainer;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.baseline.DummyRegressionTrainer;
import org.tribuo.regression.evaluation.RegressionEvaluator;

/**
 * How a Tribuo user trains an ffnlab network: build Tribuo datasets as usual, pick the network's hyper-parameters
 * in a {@link FeedForwardSettings}, train with {@link FeedForwardRegressionTrainer} or
 * {@link FeedForwardClassificationTrainer} on a backend, and score the model with Tribuo's own evaluators.
 */
class TribuoUsageExampleTest {

    @Test
    void aRegressionNetworkBeatsTribuosMeanPredictor() {
        // y = sin(pi a) b on [-1, 1]^2: not linear, so a hidden layer is needed
        MutableDataset<Regressor> train = regressionData(600, 1);
        MutableDataset<Regressor> test = regressionData(200, 2);

        var settings = new FeedForwardSettings(List.of(16), Activation.TANH, Activation.LINEAR, new Initialiser.Xavier(), Reduction.MEAN,
                new Optimiser.Adam(0.01), 16, 150, 42L, 1);
        Model<Regressor> network = new FeedForwardRegressionTrainer(settings, new CpuBackend(1)).train(train);
        Model<Regressor> mean = DummyRegressionTrainer.createMeanTrainer().train(train);

        var evaluator = new RegressionEvaluator();
        Regressor y = new Regressor("y", Double.NaN);
        double networkRmse = evaluator.evaluate(network, test).rmse(y);
        double meanRmse = evaluator.evaluate(mean, test).rmse(y);
        assertTrue(networkRmse < 0.1 * meanRmse, "test RMSE " + networkRmse + ", mean predictor " + meanRmse);
    }

    @Test
    void aClassificationNetworkIsFarAboveChance() {
        // three classes: which third of the circle the point (a, b) lies in
        MutableDataset<Label> train = classificationData(600, 3);
        MutableDataset<Label> test = classificationData(300, 4);

        var settings = new FeedForwardSettings(List.of(16), Activation.RELU, Activation.SOFTMAX, new Initialiser.He(), Reduction.MEAN,
                new Optimiser.Adam(0.01), 16, 60, 7L, 1);
        Model<Label> network = new FeedForwardClassificationTrainer(settings, new CpuBackend(1)).train(train);
        Model<Label> majority = DummyClassifierTrainer.createMostFrequentTrainer().train(train);

        var evaluator = new LabelEvaluator();
        double networkAccuracy = evaluator.evaluate(network, test).accuracy();
        double majorityAccuracy = evaluator.evaluate(majority, test).accuracy();
        assertTrue(networkAccuracy > 0.9 && majorityAccuracy < 0.5, "accuracy " + networkAccuracy + ", majority class " + majorityAccuracy);
    }

    /** {@code rows} points (a, b) drawn uniformly from [-1, 1]^2, each with the output {@code target} gives it. */
    private static <T extends Output<T>> MutableDataset<T> points(int rows, long seed, OutputFactory<T> factory, BiFunction<Double, Double, T> target) {
        SplittableRandom random = new SplittableRandom(seed);
        var data = new MutableDataset<>(new SimpleDataSourceProvenance("points in [-1, 1]^2", factory), factory);
        for (int p = 0; p < rows; p++) {
            double a = random.nextDouble(-1, 1);
            double b = random.nextDouble(-1, 1);
            data.add(new ArrayExample<>(target.apply(a, b), new String[] {"a", "b"}, new double[] {a, b}));
        }
        return data;
    }

    private static MutableDataset<Regressor> regressionData(int rows, long seed) {
        return points(rows, seed, new RegressionFactory(), (a, b) -> new Regressor("y", Math.sin(Math.PI * a) * b));
    }

    /** The label is which third of the circle (a, b) lies in. */
    private static MutableDataset<Label> classificationData(int rows, long seed) {
        return points(rows, seed, new LabelFactory(), (a, b) -> new Label("third-" + Math.min(2, (int) ((Math.atan2(b, a) + Math.PI) / (2 * Math.PI / 3)))));
    }
}
