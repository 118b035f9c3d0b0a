package ffnlab.tribuo;

import ffnlab.data.Examples;
import ffnlab.data.PreparedData;
import ffnlab.data.Task;
import java.util.ArrayList;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * {@link PreparedData} as Tribuo datasets: one example per row, features named by the data's feature names,
 * regression outputs as a {@link Regressor} with one dimension per target column (scaled values, as the
 * network sees them), classification outputs as a {@link Label} with the class name. A zero value is left out,
 * as Tribuo's sparse convention reads an absent feature as 0 (an all-zero row keeps its first feature).
 * The dataset's provenance is a {@link PreparedDataProvenance} with the data's SHA-256.
 */
public final class TribuoData {
    private TribuoData() {
    }

    /** The training split of a regression dataset. */
    public static MutableDataset<Regressor> regressionTrain(PreparedData data) {
        return regression(data, data.train(), "train");
    }

    /** The test split of a regression dataset. */
    public static MutableDataset<Regressor> regressionTest(PreparedData data) {
        return regression(data, requireTest(data), "test");
    }

    /** The training split of a classification dataset. */
    public static MutableDataset<Label> classificationTrain(PreparedData data) {
        return classification(data, data.train(), "train");
    }

    /** The test split of a classification dataset. */
    public static MutableDataset<Label> classificationTest(PreparedData data) {
        return classification(data, requireTest(data), "test");
    }

    private static Examples requireTest(PreparedData data) {
        if (data.test() == null) {
            throw new IllegalArgumentException(data.name() + " has no test split");
        }
        return data.test();
    }

    static MutableDataset<Regressor> regression(PreparedData data, Examples rows, String split) {
        if (data.task() != Task.REGRESSION) {
            throw new IllegalArgumentException(data.name() + " is a classification dataset");
        }
        String[] dims = data.targetNames().toArray(String[]::new);
        MutableDataset<Regressor> dataset = new MutableDataset<>(
                new PreparedDataProvenance(data.name(), split, rows.rows(), data.sha256()), new RegressionFactory());
        List<Example<Regressor>> examples = new ArrayList<>(rows.rows());
        for (int p = 0; p < rows.rows(); p++) {
            double[] d = new double[dims.length];
            for (int k = 0; k < dims.length; k++) {
                d[k] = rows.targets()[p * dims.length + k];
            }
            examples.add(example(new Regressor(dims, d), data.featureNames(), rows, p));
        }
        dataset.addAll(examples);
        return dataset;
    }

    static MutableDataset<Label> classification(PreparedData data, Examples rows, String split) {
        if (data.task() != Task.CLASSIFICATION) {
            throw new IllegalArgumentException(data.name() + " is a regression dataset");
        }
        MutableDataset<Label> dataset = new MutableDataset<>(
                new PreparedDataProvenance(data.name(), split, rows.rows(), data.sha256()), new LabelFactory());
        List<Label> labels = data.targetNames().stream().map(Label::new).toList();
        List<Example<Label>> examples = new ArrayList<>(rows.rows());
        for (int p = 0; p < rows.rows(); p++) {
            examples.add(example(labels.get(rows.labels()[p]), data.featureNames(), rows, p));
        }
        dataset.addAll(examples);
        return dataset;
    }

    private static <T extends org.tribuo.Output<T>> Example<T> example(T output, List<String> names, Examples rows, int p) {
        int n = rows.features();
        float[] x = rows.x();
        int nonZero = 0;
        for (int j = 0; j < n; j++) {
            nonZero += x[p * n + j] != 0f ? 1 : 0;
        }
        String[] featureNames = new String[Math.max(nonZero, 1)];
        double[] values = new double[featureNames.length];
        featureNames[0] = names.getFirst();
        int i = 0;
        for (int j = 0; j < n; j++) {
            float v = x[p * n + j];
            if (v != 0f) {
                featureNames[i] = names.get(j);
                values[i++] = v;
            }
        }
        return new ArrayExample<>(output, featureNames, values);
    }
}
