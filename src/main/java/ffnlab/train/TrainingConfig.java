package ffnlab.train;

import ffnlab.nn.Architecture;
import ffnlab.nn.Initialiser;
import ffnlab.nn.Loss;
import ffnlab.nn.Reduction;
import ffnlab.nn.optim.Optimiser;

/**
 * Everything that determines a training run, apart from the data and the backend.
 *
 * @param architecture  the network
 * @param initialiser   how W and b start
 * @param loss          the cost J
 * @param reduction     sum (the chapter's GD) or mean (PyTorch)
 * @param optimiser     SGD, momentum or Adam with its learning rate
 * @param batchSize     B: 1 is SGD, 0 or &gt;= P is full-batch GD, otherwise mini-batch SGD
 * @param epochs        number of passes over the training set
 * @param seed          seeds initialisation and shuffling (one {@link java.util.SplittableRandom}, split)
 * @param earlyStopping stop when the validation loss has not improved for this many epochs (0 = off)
 */
public record TrainingConfig(Architecture architecture, Initialiser initialiser, Loss loss, Reduction reduction,
                             Optimiser optimiser, int batchSize, int epochs, long seed, int earlyStopping) {
    public TrainingConfig {
        if (!loss.accepts(architecture.output())) {
            throw new IllegalArgumentException(loss.key() + " cannot be used with a " + architecture.output().key() + " output");
        }
        if (batchSize < 0) {
            throw new IllegalArgumentException("batch size must be 0 (full batch) or positive, got " + batchSize);
        }
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs must not be negative, got " + epochs);
        }
        if (earlyStopping < 0) {
            throw new IllegalArgumentException("early-stopping patience must not be negative, got " + earlyStopping);
        }
    }

    /** B for a training set of P patterns: 0 means P. */
    public int effectiveBatchSize(int patterns) {
        return batchSize == 0 ? patterns : Math.min(batchSize, patterns);
    }
}
