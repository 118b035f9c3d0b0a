package ffnlab.tribuo;

import java.util.List;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.evaluation.RegressionEvaluation;
import org.tribuo.regression.evaluation.RegressionEvaluator;

/**
 * Trials evaluated with Tribuo's own evaluators, so ffnlab's numbers can be checked against an independent
 * implementation: {@link RegressionEvaluator} for m.s.e., RMSE, MAE and R^2, {@link LabelEvaluator} for
 * accuracy, macro-averaged F1 and the confusion matrix.
 */
public final class TribuoEvaluation {
    private TribuoEvaluation() {
    }

    /**
     * Regression scores averaged over the output dimensions (in the units of the dataset's targets).
     *
     * @param mse  (1/(P K)) sum (d - y)^2, the mean over dimensions of RMSE_k^2
     * @param rmse mean over dimensions of sqrt((1/P) sum_p (d_pk - y_pk)^2)
     * @param mae  mean over dimensions of (1/P) sum_p |d_pk - y_pk|
     * @param r2   mean over dimensions of 1 - SS_res / SS_tot
     */
    public record RegressionScores(double mse, double rmse, double mae, double r2) {
    }

    /**
     * Classification scores.
     *
     * @param accuracy  fraction classified correctly
     * @param macroF1   F1 averaged over classes with equal weight
     * @param classes   class names, the order of the confusion matrix
     * @param confusion confusion[i][j] = number of test patterns of true class i predicted as class j
     */
    public record ClassificationScores(double accuracy, double macroF1, List<String> classes, long[][] confusion) {
    }

    public static RegressionScores regression(Model<Regressor> model, Dataset<Regressor> data) {
        RegressionEvaluation e = new RegressionEvaluator().evaluate(model, data);
        double mse = e.rmse().values().stream().mapToDouble(r -> r * r).average().orElse(Double.NaN);
        return new RegressionScores(mse, e.averageRMSE(), e.averageMAE(), e.averageR2());
    }

    /** @param classes the class names in the order wanted for the confusion matrix (e.g. the data's class order) */
    public static ClassificationScores classification(Model<Label> model, Dataset<Label> data, List<String> classes) {
        LabelEvaluation e = new LabelEvaluator().evaluate(model, data);
        long[][] confusion = new long[classes.size()][classes.size()];
        for (int i = 0; i < classes.size(); i++) {
            for (int j = 0; j < classes.size(); j++) {
                confusion[i][j] = Math.round(e.getConfusionMatrix().confusion(new Label(classes.get(j)), new Label(classes.get(i))));
            }
        }
        return new ClassificationScores(e.accuracy(), e.macroAveragedF1(), List.copyOf(classes), confusion);
    }
}
