package ffnlab.train;

import ffnlab.data.ToyMapping;
import ffnlab.nn.Activation;
import ffnlab.nn.Architecture;
import ffnlab.nn.Initialiser;
import ffnlab.nn.Loss;
import ffnlab.nn.Reduction;
import ffnlab.nn.optim.Optimiser;
import java.util.List;

/**
 * Everything that determines a training run, apart from the data and the backend; and the one mapping from the
 * names of initialisers and optimisers (as experiment files and the Tribuo trainer write them) to their objects.
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
        loss.requireAccepts(architecture.output());
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

    /** The initialiser names {@link #initialiser} knows; chapter is Example 2's printed weights. */
    public static final List<String> INITIALISERS = List.of("pytorch", "xavier", "he", "uniform", "chapter");
    /** The optimiser names {@link #optimiser} knows. */
    public static final List<String> OPTIMISERS = List.of("sgd", "momentum", "adam");

    /**
     * The initialiser called {@code name}.
     *
     * @param low  lower bound of the uniform initialiser
     * @param high upper bound of the uniform initialiser
     * @throws IllegalArgumentException for a name not in {@link #INITIALISERS}
     */
    public static Initialiser initialiser(String name, double low, double high) {
        return switch (name) {
            case "pytorch" -> new Initialiser.PyTorchDefault();
            case "xavier" -> new Initialiser.Xavier();
            case "he" -> new Initialiser.He();
            case "uniform" -> new Initialiser.Uniform(low, high);
            case "chapter" -> ToyMapping.initialiser();
            default -> throw new IllegalArgumentException("unknown initialiser '" + name + "'; expected one of " + String.join(", ", INITIALISERS));
        };
    }

    /**
     * The optimiser called {@code name} with learning rate alpha.
     *
     * @param momentum mu of the momentum optimiser
     * @param beta1    Adam's beta1
     * @param beta2    Adam's beta2
     * @param epsilon  Adam's epsilon
     * @throws IllegalArgumentException for a name not in {@link #OPTIMISERS}
     */
    public static Optimiser optimiser(String name, double learningRate, double momentum, double beta1, double beta2, double epsilon) {
        return switch (name) {
            case "sgd" -> new Optimiser.Sgd(learningRate);
            case "momentum" -> new Optimiser.Momentum(learningRate, momentum);
            case "adam" -> new Optimiser.Adam(learningRate, beta1, beta2, epsilon);
            default -> throw new IllegalArgumentException("unknown optimiser '" + name + "'; expected one of " + String.join(", ", OPTIMISERS));
        };
    }

    /**
     * What is wrong with {@code output} as the output activation of a classification (softmax: class probabilities)
     * or a regression (linear or sigmoid: values), as "needs a softmax output, got linear"; null when it fits.
     */
    public static String outputMismatch(boolean classification, Activation output) {
        if (classification == (output == Activation.SOFTMAX)) {
            return null;
        }
        return "needs " + (classification ? "a softmax output" : "a linear or sigmoid output") + ", got " + output.key();
    }

    /** B for a training set of P patterns: 0 means P. */
    public int effectiveBatchSize(int patterns) {
        return batchSize == 0 ? patterns : Math.min(batchSize, patterns);
    }
}
