package ffnlab.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Turns a {@link CsvTable} into {@link PreparedData}: pick the target column(s), split the rows with the
 * request's seeded {@link TrainTestSplit}, keep the first N rows of each split when limited, then fit the input
 * (and, for regression, the output) scaling on the training rows only and apply it to both splits.
 */
final class TabularPreparation {
    private static final Logger LOG = LogManager.getLogger();

    private TabularPreparation() {
    }

    /**
     * @param name    dataset name
     * @param table   the rows as read
     * @param targets target column names (one for classification)
     * @param task    regression or classification
     * @param request split, scaling and limits
     * @param sha256  the source file's SHA-256
     */
    static PreparedData prepare(String name, CsvTable table, List<String> targets, Task task, DataRequest request, String sha256) {
        List<String> features = new ArrayList<>(table.columns());
        features.removeAll(targets);
        if (features.isEmpty()) {
            throw DataException.atLine(table.file(), 1, "expected at least one input column besides the target(s) "
                    + String.join(", ", targets));
        }
        int[] featureColumns = features.stream().mapToInt(table::columnIndex).toArray();
        int[] targetColumns = targets.stream().mapToInt(table::columnIndex).toArray();
        TrainTestSplit split = TrainTestSplit.of(table.rows(), request.testFraction(), request.splitSeed());
        int[] trainRows = TrainTestSplit.limit(split.train(), request.trainLimit());
        int[] testRows = TrainTestSplit.limit(split.test(), request.testLimit());
        if (trainRows.length == 0) {
            throw DataException.ofFile(table.file(), "has " + table.rows() + " rows; expected enough for a training split (test fraction "
                    + request.testFraction() + ")");
        }
        float[] trainX = gather(table, trainRows, featureColumns);
        float[] testX = gather(table, testRows, featureColumns);
        ColumnScaling inputs = ColumnScaling.fit(request.inputScaling().kind(), trainX, trainRows.length, featureColumns.length);
        inputs.applyInPlace(trainX, trainRows.length);
        inputs.applyInPlace(testX, testRows.length);
        Examples train;
        Examples test;
        List<String> targetNames;
        double[] targetScale;
        double[] targetOffset;
        if (task == Task.CLASSIFICATION) {
            String[] cells = table.text().get(targets.getFirst());
            List<String> classes = classNames(cells);
            if (classes.size() < 2) {
                throw DataException.ofFile(table.file(), "column '" + targets.getFirst() + "' holds one class ('" + classes.getFirst()
                        + "') in all " + cells.length + " rows; a classification task needs at least two");
            }
            int[] trainLabels = labels(cells, trainRows, classes);
            int[] testLabels = labels(cells, testRows, classes);
            train = Examples.classification(trainRows.length, featureColumns.length, trainX, classes.size(), trainLabels);
            test = Examples.classification(testRows.length, featureColumns.length, testX, classes.size(), testLabels);
            targetNames = classes;
            targetScale = new double[0];
            targetOffset = new double[0];
        } else {
            float[] trainD = gather(table, trainRows, targetColumns);
            float[] testD = gather(table, testRows, targetColumns);
            ColumnScaling outputs = ColumnScaling.fit(request.outputScaling().kind(), trainD, trainRows.length, targetColumns.length);
            outputs.applyInPlace(trainD, trainRows.length);
            outputs.applyInPlace(testD, testRows.length);
            train = Examples.regression(trainRows.length, featureColumns.length, trainX, targetColumns.length, trainD);
            test = Examples.regression(testRows.length, featureColumns.length, testX, targetColumns.length, testD);
            targetNames = targets;
            targetScale = outputs.scale();
            targetOffset = outputs.offset();
        }
        LOG.debug("{}: {} train / {} test rows, {} inputs ({}), targets {} ({})", name, train.rows(), test.rows(),
                features.size(), request.inputScaling().key(), targetNames.size() > 12 ? targetNames.size() + " classes" : targetNames,
                task == Task.CLASSIFICATION ? "classes" : request.outputScaling().key());
        return new PreparedData(name, task, train, test.rows() == 0 ? null : test, sha256, features, targetNames,
                targetScale, targetOffset);
    }

    /** The given columns of the given rows, row-major. */
    static float[] gather(CsvTable table, int[] rows, int[] columns) {
        int cols = table.columns().size();
        float[] values = table.values();
        float[] out = new float[rows.length * columns.length];
        for (int i = 0; i < rows.length; i++) {
            int base = rows[i] * cols;
            for (int j = 0; j < columns.length; j++) {
                out[i * columns.length + j] = values[base + columns[j]];
            }
        }
        return out;
    }

    /** The distinct class names, sorted numerically when every name is a number, else alphabetically. */
    static List<String> classNames(String[] cells) {
        boolean numeric = true;
        for (String c : cells) {
            numeric &= isNumber(c);
        }
        Comparator<String> order = numeric ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder();
        TreeSet<String> names = new TreeSet<>(order.thenComparing(Comparator.naturalOrder()));
        java.util.Collections.addAll(names, cells);
        return List.copyOf(names);
    }

    private static int[] labels(String[] cells, int[] rows, List<String> classes) {
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        for (int k = 0; k < classes.size(); k++) {
            index.put(classes.get(k), k);
        }
        int[] labels = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            labels[i] = index.get(cells[rows[i]]);
        }
        return labels;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
