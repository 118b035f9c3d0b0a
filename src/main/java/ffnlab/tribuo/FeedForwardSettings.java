package ffnlab.tribuo;

import ffnlab.nn.Activation;
import ffnlab.nn.Architecture;
import ffnlab.nn.Initialiser;
import ffnlab.nn.Loss;
import ffnlab.nn.Reduction;
import ffnlab.nn.optim.Optimiser;
import ffnlab.train.TrainingConfig;
import java.util.List;

/**
 * Every hyper-parameter of a feed-forward network trained through Tribuo, apart from the input width n and the
 * output width K, which come from the dataset's feature map and output domain.
 *
 * @param hiddenWidths     n_1 .. n_{L-1}; empty is a network without hidden layer
 * @param hiddenActivation f^l for the hidden layers
 * @param outputActivation f^L: linear or sigmoid (regression), softmax (classification); the loss is the chapter's
 *                         pairing ({@link Loss#naturalFor})
 * @param initialiser      pytorch, xavier, he or uniform (explicit matrices need the widths, not available here)
 * @param reduction        sum (the chapter's GD) or mean (PyTorch)
 * @param optimiser        SGD, momentum or Adam with the learning rate
 * @param batchSize        B: 1 SGD, 0 full batch, else mini-batch
 * @param epochs           passes over the training set
 * @param seed             the seed of the first {@code train} call (later calls derive theirs, Tribuo-style)
 * @param threads          threads the backend may use
 */
public record FeedForwardSettings(List<Integer> hiddenWidths, Activation hiddenActivation, Activation outputActivation,
                                  Initialiser initialiser, Reduction reduction, Optimiser optimiser, int batchSize,
                                  int epochs, long seed, int threads) {
    public FeedForwardSettings {
        hiddenWidths = List.copyOf(hiddenWidths);
        if (initialiser instanceof Initialiser.Explicit) {
            throw new IllegalArgumentException("an explicit initialiser fixes the widths; use pytorch, xavier, he or uniform");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    /** The network for n inputs and K outputs. */
    public Architecture architecture(int inputs, int outputs) {
        return new Architecture(Architecture.widths(inputs, hiddenWidths, outputs), hiddenActivation, outputActivation);
    }

    /** The training loop's configuration for a dataset of n inputs and K outputs, with the call's seed. */
    public TrainingConfig trainingConfig(int inputs, int outputs, long callSeed) {
        return new TrainingConfig(architecture(inputs, outputs), initialiser, Loss.naturalFor(outputActivation), reduction,
                optimiser, batchSize, epochs, callSeed, 0);
    }
}
