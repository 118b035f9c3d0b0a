package ffnlab.tribuo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.provenance.PrimitiveProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import ffnlab.backend.ReferenceBackend;
import ffnlab.data.Examples;
import ffnlab.data.PreparedData;
import ffnlab.data.Task;
import ffnlab.nn.Activation;
import ffnlab.nn.Initialiser;
import ffnlab.nn.Parameters;
import ffnlab.nn.Reduction;
import ffnlab.nn.optim.Optimiser;
import ffnlab.train.TrainingLoop;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.DataSourceProvenance;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/** The Tribuo contract of the feed-forward trainers, on small synthetic data and the reference backend. */
class FeedForwardTrainerTest {
    static final FeedForwardSettings REGRESSION = new FeedForwardSettings(List.of(6), Activation.TANH, Activation.LINEAR,
            new Initialiser.Xavier(), Reduction.MEAN, new Optimiser.Adam(0.01), 16, 30, 42L, 1);
    static final FeedForwardSettings CLASSIFICATION = new FeedForwardSettings(List.of(8), Activation.RELU, Activation.SOFTMAX,
            new Initialiser.He(), Reduction.MEAN, new Optimiser.Momentum(0.05, 0.9), 8, 20, 7L, 1);

    /** y = 2 a - b + 0.5 c with inputs in [-1, 1]; columns deliberately not in name order. */
    static PreparedData regressionData(int rows, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[rows * 3];
        float[] d = new float[rows];
        for (int p = 0; p < rows; p++) {
            float c = (float) r.nextDouble(-1, 1);
            float a = (float) r.nextDouble(-1, 1);
            float b = (float) r.nextDouble(-1, 1);
            x[p * 3] = c;
            x[p * 3 + 1] = a;
            x[p * 3 + 2] = b;
            d[p] = 2 * a - b + 0.5f * c;
        }
        Examples train = Examples.regression(rows, 3, x, 1, d);
        return new PreparedData("synthetic", Task.REGRESSION, train, train.slice(0, rows / 4), "abc123",
                List.of("c", "a", "b"), List.of("y"), new double[] {10.0}, new double[] {100.0});
    }

    /** Three classes around (+-1, +-1) centres. */
    static PreparedData classificationData(int rows, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] centres = {{1, 1}, {-1, 1}, {0, -1}};
        float[] x = new float[rows * 2];
        int[] labels = new int[rows];
        for (int p = 0; p < rows; p++) {
            int k = r.nextInt(3);
            labels[p] = k;
            x[p * 2] = centres[k][0] + (float) r.nextGaussian() * 0.3f;
            x[p * 2 + 1] = centres[k][1] + (float) r.nextGaussian() * 0.3f;
        }
        Examples all = Examples.classification(rows, 2, x, 3, labels);
        return new PreparedData("blobs", Task.CLASSIFICATION, all.slice(0, rows * 3 / 4), all.slice(rows * 3 / 4, rows), "def456",
                List.of("x1", "x2"), List.of("north-east", "north-west", "south"), new double[0], new double[0]);
    }

    @Test
    void sameSeedGivesIdenticalParametersAndTheDirectLoopsNumbers() {
        PreparedData data = regressionData(200, 1);
        MutableDataset<Regressor> train = TribuoData.regressionTrain(data);
        var a = (FeedForwardRegressionModel) new FeedForwardRegressionTrainer(REGRESSION, new ReferenceBackend()).train(train);
        var b = (FeedForwardRegressionModel) new FeedForwardRegressionTrainer(REGRESSION, new ReferenceBackend()).train(train);
        assertTrue(a.parameters().bitwiseEquals(b.parameters()));
        // Tribuo orders features by name: a, b, c; the direct loop on those columns gives the same network
        Examples byName = reorder(data.train(), new int[] {1, 2, 0});
        Parameters direct = new TrainingLoop(REGRESSION.trainingConfig(3, 1, 42L), new ReferenceBackend(), 1).run(byName, null, null).parameters();
        assertTrue(direct.bitwiseEquals(a.parameters()));
        var other = new FeedForwardRegressionTrainer(new FeedForwardSettings(List.of(6), Activation.TANH, Activation.LINEAR,
                new Initialiser.Xavier(), Reduction.MEAN, new Optimiser.Adam(0.01), 16, 30, 43L, 1), new ReferenceBackend()).train(train);
        assertFalse(((FeedForwardRegressionModel) other).parameters().bitwiseEquals(a.parameters()));
    }

    @Test
    void aReusedTrainerDerivesEachCallsSeedReproducibly() {
        MutableDataset<Regressor> train = TribuoData.regressionTrain(regressionData(64, 2));
        var trainer = new FeedForwardRegressionTrainer(REGRESSION, new ReferenceBackend());
        var first = (FeedForwardRegressionModel) trainer.train(train);
        var second = (FeedForwardRegressionModel) trainer.train(train);
        assertEquals(2, trainer.getInvocationCount());
        assertFalse(first.parameters().bitwiseEquals(second.parameters()));
        var again = (FeedForwardRegressionModel) trainer.train(train, Map.of(), 1);
        assertTrue(second.parameters().bitwiseEquals(again.parameters()));
    }

    @Test
    void featuresAreMatchedByNameNotPosition() {
        PreparedData data = regressionData(300, 3);
        Model<Regressor> model = new FeedForwardRegressionTrainer(REGRESSION, new ReferenceBackend()).train(TribuoData.regressionTrain(data));
        ArrayExample<Regressor> ordered = new ArrayExample<>(new Regressor("y", 0), new String[] {"a", "b", "c"}, new double[] {0.5, -0.25, 0.8});
        ArrayExample<Regressor> shuffled = new ArrayExample<>(new Regressor("y", 0), new String[] {"zzz-unknown", "c", "b", "a"},
                new double[] {9, 0.8, -0.25, 0.5});
        double y1 = model.predict(ordered).getOutput().getValues()[0];
        double y2 = model.predict(shuffled).getOutput().getValues()[0];
        assertEquals(y1, y2, 0.0);
        assertEquals(2 * 0.5 + 0.25 + 0.4, y1, 0.15, "learnt y = 2a - b + 0.5c");
        ArrayExample<Regressor> unknown = new ArrayExample<>(new Regressor("y", 0), new String[] {"q"}, new double[] {1});
        assertThrows(IllegalArgumentException.class, () -> model.predict(unknown));
    }

    @Test
    void emptyAndInvalidExamplesAreRejected() {
        var trainer = new FeedForwardRegressionTrainer(REGRESSION, new ReferenceBackend());
        MutableDataset<Regressor> empty = new MutableDataset<>(new SimpleDataSourceProvenance("empty", new RegressionFactory()), new RegressionFactory());
        assertThrows(IllegalArgumentException.class, () -> trainer.train(empty));
        MutableDataset<Regressor> nan = new MutableDataset<>(new SimpleDataSourceProvenance("nan", new RegressionFactory()), new RegressionFactory());
        assertThrows(IllegalArgumentException.class, () -> nan.add(new ArrayExample<>(new Regressor("y", 1),
                new String[] {"a"}, new double[] {Double.NaN})), "Tribuo rejects NaN features when the dataset is built");
        nan.add(new ArrayExample<>(new Regressor("y", Double.NaN), new String[] {"a"}, new double[] {1}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> trainer.train(nan));
        assertEquals("example 0: output 'y' is NaN; expected a finite value", e.getMessage());
        MutableDataset<Label> oneClass = new MutableDataset<>(new SimpleDataSourceProvenance("one", new LabelFactory()), new LabelFactory());
        oneClass.add(new ArrayExample<>(new Label("only"), new String[] {"a"}, new double[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> new FeedForwardClassificationTrainer(CLASSIFICATION, new ReferenceBackend()).train(oneClass));
        assertThrows(IllegalArgumentException.class, () -> new FeedForwardClassificationTrainer(REGRESSION, new ReferenceBackend()),
                "a linear output cannot classify");
    }

    @Test
    void provenanceHoldsEveryHyperParameterTheSeedAndTheDataHash() {
        PreparedData data = regressionData(40, 4);
        FeedForwardSettings uniform = new FeedForwardSettings(List.of(5, 3), Activation.SIGMOID, Activation.SIGMOID,
                new Initialiser.Uniform(-0.3, 0.2), Reduction.SUM, new Optimiser.Momentum(0.02, 0.8), 4, 3, 99L, 2);
        var trainer = new FeedForwardRegressionTrainer(uniform, new ReferenceBackend());
        Model<Regressor> model = trainer.train(TribuoData.regressionTrain(data));
        Map<String, Provenance> configured = model.getProvenance().getTrainerProvenance().getConfiguredParameters();
        assertEquals(Set.of("hiddenWidths", "hiddenActivation", "outputActivation", "initialiser", "initialLow", "initialHigh",
                "reduction", "optimiser", "learningRate", "momentum", "beta1", "beta2", "epsilon", "batchSize", "epochs", "seed",
                "threads"), configured.keySet());
        List<?> widths = ((com.oracle.labs.mlrg.olcut.provenance.ListProvenance<?>) configured.get("hiddenWidths")).getList();
        assertEquals(List.of("5", "3"), widths.stream().map(w -> String.valueOf(((PrimitiveProvenance<?>) w).getValue())).toList());
        assertEquals("SIGMOID", value(configured, "hiddenActivation"));
        assertEquals("uniform", value(configured, "initialiser"));
        assertEquals("-0.3", value(configured, "initialLow"));
        assertEquals("SUM", value(configured, "reduction"));
        assertEquals("momentum", value(configured, "optimiser"));
        assertEquals("0.02", value(configured, "learningRate"));
        assertEquals("0.8", value(configured, "momentum"));
        assertEquals("4", value(configured, "batchSize"));
        assertEquals("3", value(configured, "epochs"));
        assertEquals("99", value(configured, "seed"));
        var instance = model.getProvenance().getInstanceProvenance().getMap();
        assertEquals("99", value(instance, "call-seed"));
        assertTrue(value(instance, "training-data-sha256").matches("[0-9a-f]{64}"));
        assertEquals("reference", value(instance, "backend"));
        DataSourceProvenance source = (DataSourceProvenance) model.getProvenance().getDatasetProvenance().getSourceProvenance();
        assertTrue(source.toString().contains("abc123"), "the data's SHA-256 reaches the model: " + source);
        // the trainer's settings survive the round trip through its configuration
        assertEquals(uniform.toString(), trainer.settings().toString());
    }

    @Test
    void theProvenanceRebuildsTheTrainerThroughOlcut() {
        FeedForwardSettings adam = new FeedForwardSettings(List.of(4), Activation.RELU, Activation.SOFTMAX,
                new Initialiser.PyTorchDefault(), Reduction.SUM, new Optimiser.Adam(0.003, 0.8, 0.99, 1e-7), 0, 2, 5L, 1);
        Model<Label> model = new FeedForwardClassificationTrainer(adam, new ReferenceBackend())
                .train(TribuoData.classificationTrain(classificationData(40, 8)));
        var configuration = com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil.extractConfiguration(model.getProvenance());
        var manager = new com.oracle.labs.mlrg.olcut.config.ConfigurationManager();
        manager.addConfiguration(configuration);
        List<FeedForwardClassificationTrainer> rebuilt = manager.lookupAll(FeedForwardClassificationTrainer.class);
        assertEquals(1, rebuilt.size());
        assertEquals(adam.toString(), rebuilt.getFirst().settings().toString());
    }

    private static String value(Map<String, ? extends Provenance> map, String key) {
        return String.valueOf(((PrimitiveProvenance<?>) map.get(key)).getValue());
    }

    @Test
    void classifierLearnsBlobsAndReportsProbabilities() {
        PreparedData data = classificationData(400, 5);
        Model<Label> model = new FeedForwardClassificationTrainer(CLASSIFICATION, new ReferenceBackend())
                .train(TribuoData.classificationTrain(data));
        MutableDataset<Label> test = TribuoData.classificationTest(data);
        List<Prediction<Label>> predictions = model.predict(test);
        assertTrue(Baselines.accuracy(predictions) > 0.9, "accuracy " + Baselines.accuracy(predictions));
        Prediction<Label> p = predictions.getFirst();
        assertTrue(p.hasProbabilities());
        assertEquals(1.0, p.getOutputScores().values().stream().mapToDouble(Label::getScore).sum(), 1e-5);
        TribuoEvaluation.ClassificationScores scores = TribuoEvaluation.classification(model, test, data.targetNames());
        assertEquals(Baselines.accuracy(predictions), scores.accuracy(), 1e-12);
        long total = 0;
        long diagonal = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                total += scores.confusion()[i][j];
            }
            diagonal += scores.confusion()[i][i];
        }
        assertEquals(test.size(), total);
        assertEquals(scores.accuracy(), (double) diagonal / total, 1e-12);
        long trueSouth = java.util.Arrays.stream(data.test().labels()).filter(l -> l == 2).count();
        assertEquals(trueSouth, java.util.Arrays.stream(scores.confusion()[2]).sum(), "rows are the true classes");
    }

    @Test
    void regressionEvaluatorAgreesWithTheChaptersMse() {
        PreparedData data = regressionData(200, 6);
        Model<Regressor> model = new FeedForwardRegressionTrainer(REGRESSION, new ReferenceBackend()).train(TribuoData.regressionTrain(data));
        MutableDataset<Regressor> test = TribuoData.regressionTest(data);
        TribuoEvaluation.RegressionScores s = TribuoEvaluation.regression(model, test);
        assertEquals(Baselines.mse(model.predict(test), data.targetNames()), s.mse(), 1e-9);
        assertEquals(Math.sqrt(s.mse()), s.rmse(), 1e-9);
        assertTrue(s.r2() > 0.9, "R^2 " + s.r2());
        assertTrue(s.mae() > 0 && s.mae() <= s.rmse());
    }

    private static Examples reorder(Examples e, int[] columns) {
        float[] x = new float[e.rows() * columns.length];
        for (int p = 0; p < e.rows(); p++) {
            for (int j = 0; j < columns.length; j++) {
                x[p * columns.length + j] = e.x()[p * e.features() + columns[j]];
            }
        }
        return Examples.regression(e.rows(), columns.length, x, e.outputs(), e.targets());
    }
}
