package ffnlab.tribuo;

import ffnlab.data.PreparedData;
import ffnlab.data.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/**
 * Tribuo's own linear models as baseline "models" of a trial, so a report can show the network against a
 * linear fit on the same prepared data:
 * <ul>
 *   <li>"linear": Tribuo's linear-regression SGD trainer (squared loss, AdaGrad alpha 0.1, 10 epochs,
 *       batch 1), on the scaled targets;</li>
 *   <li>"logistic": Tribuo's multinomial logistic regression (log loss, AdaGrad alpha 1.0, 5 epochs, batch 1,
 *       the settings of Tribuo's LogisticRegressionTrainer) with the given seed.</li>
 * </ul>
 */
public final class Baselines {
    private static final org.apache.logging.log4j.Logger LOG = org.apache.logging.log4j.LogManager.getLogger();
    /** Tribuo's SGD trainers log every this many examples; they are quiet in ffnlab. */
    private static final int LOGGING_INTERVAL = Integer.MAX_VALUE;

    private Baselines() {
    }

    /**
     * A baseline's errors and test predictions, in the trial vocabulary. Errors not applicable to the task are NaN.
     *
     * @param kind          "linear" or "logistic"
     * @param trainMse      m.s.e. (1/P) sum_p ||d_p - y_p||^2 on the training split, scaled space
     * @param testMse       the same on the test split
     * @param trainMseOrig  trainMse in the data's original units
     * @param testMseOrig   testMse in the data's original units
     * @param trainAccuracy fraction of training patterns classified correctly
     * @param testAccuracy  the same on the test split
     * @param predictions   the test split's predictions (original units / class names)
     */
    public record Result(String kind, double trainMse, double testMse, double trainMseOrig, double testMseOrig,
                         double trainAccuracy, double testAccuracy, Predictions predictions) {
    }

    /**
     * Test-set predictions as written to predictions.csv ({@code actual,predicted}).
     *
     * @param actual    per test pattern: the target in original units (first target column) or the class name
     * @param predicted per test pattern: the prediction in the same form
     */
    public record Predictions(List<String> actual, List<String> predicted) {
        public Predictions {
            actual = List.copyOf(actual);
            predicted = List.copyOf(predicted);
        }
    }

    /** Fits the baseline {@code kind} ("linear" for regression, "logistic" for classification) on the training split. */
    public static Result fit(PreparedData data, String kind, long seed) {
        long start = System.nanoTime();
        Result r = switch (kind) {
            case "linear" -> linear(data, seed);
            case "logistic" -> logistic(data, seed);
            default -> throw new IllegalArgumentException("unknown baseline '" + kind + "'; expected linear or logistic");
        };
        // the metrics this task and split have (the others are NaN), each a parameter so the log rounds it
        Map<String, Double> measured = new LinkedHashMap<>();
        measured.put("train m.s.e.", r.trainMse());
        measured.put("test m.s.e.", r.testMse());
        measured.put("test m.s.e. in original units", r.testMseOrig());
        measured.put("train accuracy", r.trainAccuracy());
        measured.put("test accuracy", r.testAccuracy());
        measured.values().removeIf(v -> Double.isNaN(v));
        List<Object> params = new ArrayList<>(List.of(kind, data.name(), data.train().rows(), seed));
        params.addAll(measured.values());
        params.add(String.format(java.util.Locale.ROOT, "%.2f", (System.nanoTime() - start) / 1e9));
        LOG.info("baseline {} on {} ({} train rows, seed {}): " + String.join(", ", measured.keySet().stream().map(k -> k + " {}").toList())
                + ", {} s", params.toArray());
        return r;
    }

    private static Result linear(PreparedData data, long seed) {
        if (data.task() != Task.REGRESSION) {
            throw new IllegalArgumentException("the linear baseline is for regression; " + data.name() + " is classification (use logistic)");
        }
        var trainer = new org.tribuo.regression.sgd.linear.LinearSGDTrainer(new SquaredLoss(), new AdaGrad(0.1, 0.1), 10,
                LOGGING_INTERVAL, 1, seed);
        MutableDataset<Regressor> train = TribuoData.regressionTrain(data);
        Model<Regressor> model = trainer.train(train);
        double trainMse = mse(model.predict(train), data.targetNames());
        double testMse = Double.NaN;
        List<String> actual = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        if (data.test() != null) {
            List<Prediction<Regressor>> test = model.predict(TribuoData.regressionTest(data));
            testMse = mse(test, data.targetNames());
            String first = data.targetNames().getFirst();
            for (Prediction<Regressor> p : test) {
                actual.add(number(data.originalTarget(0, value(p.getExample().getOutput(), first))));
                predicted.add(number(data.originalTarget(0, value(p.getOutput(), first))));
            }
        }
        return new Result("linear", trainMse, testMse, data.mseInOriginalUnits(trainMse), data.mseInOriginalUnits(testMse),
                Double.NaN, Double.NaN, new Predictions(actual, predicted));
    }

    private static Result logistic(PreparedData data, long seed) {
        if (data.task() != Task.CLASSIFICATION) {
            throw new IllegalArgumentException("the logistic baseline is for classification; " + data.name() + " is regression (use linear)");
        }
        var trainer = new org.tribuo.classification.sgd.linear.LinearSGDTrainer(new LogMulticlass(), new AdaGrad(1.0, 0.1), 5,
                LOGGING_INTERVAL, 1, seed);
        MutableDataset<Label> train = TribuoData.classificationTrain(data);
        Model<Label> model = trainer.train(train);
        double trainAccuracy = accuracy(model.predict(train));
        double testAccuracy = Double.NaN;
        List<String> actual = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        if (data.test() != null) {
            List<Prediction<Label>> test = model.predict(TribuoData.classificationTest(data));
            testAccuracy = accuracy(test);
            for (Prediction<Label> p : test) {
                actual.add(p.getExample().getOutput().getLabel());
                predicted.add(p.getOutput().getLabel());
            }
        }
        return new Result("logistic", Double.NaN, Double.NaN, Double.NaN, Double.NaN, trainAccuracy, testAccuracy,
                new Predictions(actual, predicted));
    }

    /** The chapter's m.s.e. (1/P) sum_p ||d_p - y_p||^2, summed over the target columns. */
    static double mse(List<Prediction<Regressor>> predictions, List<String> targets) {
        double sum = 0;
        for (Prediction<Regressor> p : predictions) {
            for (String t : targets) {
                double e = value(p.getExample().getOutput(), t) - value(p.getOutput(), t);
                sum += e * e;
            }
        }
        return sum / predictions.size();
    }

    static double accuracy(List<Prediction<Label>> predictions) {
        long correct = predictions.stream().filter(p -> p.getOutput().getLabel().equals(p.getExample().getOutput().getLabel())).count();
        return (double) correct / predictions.size();
    }

    private static double value(Regressor r, String dimension) {
        return r.getDimension(dimension).orElseThrow().getValue();
    }

    private static String number(double v) {
        return Double.toString(v);
    }
}
