package ffnlab.spec;

import ffnlab.spec.ConfigKey.Type;
import ffnlab.train.TrainingConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every key of a trial's configuration, with defaults: the one vocabulary that experiment files, sweeps,
 * -Dset overrides, trial.yaml and the validation messages share. Sections: dataset, model, training, backend.
 */
public final class ConfigKeys {
    private static final Map<String, ConfigKey> KEYS = new LinkedHashMap<>();

    static {
        key("dataset.source", Type.CHOICE, null, List.of("california-housing", "fashion-mnist", "toy-mapping", "csv"),
                "which data: california-housing, fashion-mnist, toy-mapping (the chapter's Example 2) or csv");
        key("dataset.csv_file", Type.TEXT, null, List.of(), "for source csv: the file (relative to the working directory)");
        key("dataset.target_columns", Type.TEXT_LIST, List.of(), List.of(), "for source csv: target column names (empty = the dataset's default target)");
        key("dataset.task", Type.CHOICE, null, List.of("regression", "classification"), "for source csv: regression or classification (default: the dataset's)");
        key("dataset.test_fraction", Type.NUMBER, 0.3, List.of(), "share of rows held out for testing (0.3 gives housing's 14448/6192; fashion-mnist uses its official split)");
        key("dataset.split_seed", Type.INTEGER, 42L, List.of(), "seeds the train/test split shuffle (independent of the training seeds)");
        key("dataset.input_scaling", Type.CHOICE, "standardise", List.of("none", "min_max", "standardise"), "input scaling fitted on the training split (fashion-mnist pixels are /255 first)");
        key("dataset.output_scaling", Type.CHOICE, "none", List.of("none", "standardise", "min_max"), "regression target scaling fitted on the training split");
        key("dataset.train_limit", Type.INTEGER, 0L, List.of(), "keep only the first N training rows after the split (0 = all)");
        key("dataset.test_limit", Type.INTEGER, 0L, List.of(), "keep only the first N test rows (0 = all)");
        key("dataset.validation_fraction", Type.NUMBER, 0.0, List.of(), "share of the training rows held out for early stopping (0 = none)");
        key("model.kind", Type.CHOICE, "ffn", List.of("ffn", "linear", "logistic"),
                "ffn = the feed-forward network; linear / logistic = Tribuo's linear-regression / logistic-regression SGD baseline on the same data");
        key("model.hidden", Type.INTEGER_LIST, List.of(10L), List.of(), "hidden layer widths [n_1, ..., n_{L-1}]; a number is one hidden layer; input and output widths come from the data");
        key("model.activation", Type.CHOICE, "relu", List.of("sigmoid", "tanh", "relu"), "hidden activation f^l");
        key("model.output", Type.CHOICE, "auto", List.of("auto", "linear", "sigmoid", "softmax"), "output activation f^L (auto: linear for regression, softmax for classification)");
        key("training.optimiser", Type.CHOICE, "sgd", TrainingConfig.OPTIMISERS, "how weights move: W <- W - alpha grad_W J (sgd), with momentum, or Adam");
        key("training.lr", Type.NUMBER, 0.01, List.of(), "learning rate alpha");
        key("training.momentum", Type.NUMBER, 0.9, List.of(), "momentum mu (optimiser momentum only)");
        key("training.batch_size", Type.INTEGER, 64L, List.of(), "B: 1 = SGD, 0 = full-batch GD, else mini-batch SGD");
        key("training.epochs", Type.INTEGER, 100L, List.of(), "passes over the training set");
        key("training.loss", Type.CHOICE, "auto", List.of("auto", "squared_error", "cross_entropy", "double_softmax_cross_entropy"), "cost J (auto: squared error for linear/sigmoid outputs, cross-entropy for softmax; double_softmax_cross_entropy: the chapter's printed Example 5, softmax outputs fed to a cross-entropy that applies softmax again)");
        key("training.reduction", Type.CHOICE, "mean", List.of("sum", "mean"), "sum over patterns (the chapter's GD) or mean (PyTorch)");
        key("training.initialiser", Type.CHOICE, "pytorch", TrainingConfig.INITIALISERS, "how W and b start; chapter = Example 2's printed weights");
        key("training.init_range", Type.NUMBER, 0.1, List.of(), "for initialiser uniform: W, b ~ U(-r, r)");
        key("training.checkpoint_every", Type.INTEGER, 0L, List.of(), "write a checkpoint every N epochs (0 = after the first epoch that ends 60 s or more after the last one); the last epoch always; not part of the trial id");
        key("training.eval_every", Type.INTEGER, 0L, List.of(), "also measure the test set between batches, every N weight updates counted from the start (0 = only after each epoch); probes.csv, and a finer time to report.target_accuracy; its time is left out of the epoch's");
        key("training.early_stopping", Type.INTEGER, 0L, List.of(), "stop after this many epochs without validation improvement (0 = off; needs dataset.validation_fraction)");
        key("backend.kind", Type.CHOICE, "auto", List.of("auto", "reference", "cpu", "gpu"), "where trials run: reference (the naive oracle), cpu (multithreaded), gpu (CUDA; backend.gpu_trials at once), auto (the GPU when one is usable, else cpu)");
        key("backend.threads", Type.INTEGER, 0L, List.of(), "threads for one trial (0 = the scheduler decides); not part of the trial id");
        key("backend.gpu_trials", Type.INTEGER, 1L, List.of(), "trials one GPU trains at once, each on its own CUDA stream (at most the scheduler's thread count); not part of the trial id");
    }

    private ConfigKeys() {
    }

    private static void key(String path, Type type, Object value, List<String> choices, String doc) {
        KEYS.put(path, new ConfigKey(path, type, value, choices, doc));
    }

    /** All keys, in documentation order. */
    public static Map<String, ConfigKey> all() {
        return java.util.Collections.unmodifiableMap(KEYS);
    }

    public static ConfigKey get(String path) {
        return KEYS.get(path);
    }

    /** The configuration sections, in order. */
    public static List<String> sections() {
        return List.of("dataset", "model", "training", "backend");
    }

    /** The names within one section. */
    public static List<String> namesIn(String section) {
        return KEYS.values().stream().filter(k -> k.section().equals(section)).map(ConfigKey::name).toList();
    }
}
