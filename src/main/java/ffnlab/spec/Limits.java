package ffnlab.spec;

/**
 * The largest values an experiment may ask for. Each is far above what the chapter's experiments use and
 * below what would overflow a Java array index or exhaust memory, so a mistyped number is a validation
 * message naming the file and line, never a trial that crashes after validation passed.
 */
public final class Limits {
    /** training.epochs and training.early_stopping. */
    public static final long MAX_EPOCHS = 1_000_000;
    /** training.batch_size (0 = the whole training split). */
    public static final long MAX_BATCH_SIZE = 1_000_000;
    /** dataset.train_limit and dataset.test_limit (rows kept after the split). */
    public static final long MAX_ROWS = 1_000_000_000;
    /** One hidden layer's width n_l: a chunk of 1024 patterns through it stays below 300 MB. */
    public static final long MAX_WIDTH = 65_536;
    /** The number of hidden layers L - 1. */
    public static final int MAX_HIDDEN_LAYERS = 1_000;
    /** backend.threads and backend.gpu_trials. */
    public static final long MAX_THREADS = 1_024;
    /**
     * Weights and biases of one network, sum over layers of (n_{l-1} + 1) n_l: 200 MB of float32 per copy;
     * training keeps about four copies (weights, gradients, optimiser state).
     */
    public static final long MAX_PARAMETERS = 50_000_000;
    /** Trials in one plan (configurations x seeds), and configurations a sweep may expand to before constraints. */
    public static final long MAX_TRIALS = 100_000;

    private Limits() {
    }
}
