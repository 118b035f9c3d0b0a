package ffnlab.spec;

import ffnlab.data.DataRequest;
import ffnlab.nn.Activation;
import ffnlab.nn.Architecture;
import ffnlab.nn.Initialiser;
import ffnlab.nn.Loss;
import ffnlab.nn.Reduction;
import ffnlab.nn.optim.Optimiser;
import ffnlab.train.TrainingConfig;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One trial's fully resolved configuration, bound once by {@link ConfigBinder} (so always valid): the typed
 * sections the run path reads, and the same values as a map of every key of {@link ConfigKeys} (defaults
 * filled in, "auto" output and loss resolved), which {@code sweep.TrialId} hashes and sweep expressions read.
 *
 * @param values   dotted key to value: Long, Double, Boolean, String, List&lt;Long&gt; or List&lt;String&gt;
 * @param data     the {@code dataset.*} keys
 * @param model    the {@code model.*} keys
 * @param training the {@code training.*} keys
 * @param backend  the {@code backend.*} keys
 */
public record TrialConfig(Map<String, Object> values, Data data, Model model, Training training, Backend backend) {
    public TrialConfig {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * What data the trial trains on.
     *
     * @param request            the dataset and its preparation
     * @param validationFraction share of the training rows held out for early stopping (0 = none)
     */
    public record Data(DataRequest request, double validationFraction) {
    }

    /**
     * The model: the network's hidden layers and activations, or one of Tribuo's linear baselines.
     *
     * @param kind       ffn, linear or logistic
     * @param hidden     n_1 .. n_{L-1}
     * @param activation f^l of the hidden layers
     * @param output     f^L
     */
    public record Model(String kind, List<Integer> hidden, Activation activation, Activation output) {
        public Model {
            hidden = List.copyOf(hidden);
        }

        /** Whether the model is the feed-forward network (else a Tribuo baseline). */
        public boolean isNetwork() {
            return kind.equals("ffn");
        }

        /** Layer widths [n, n_1, ..., K] for a dataset with the given input and output widths. */
        public int[] widths(int inputs, int outputs) {
            return Architecture.widths(inputs, hidden, outputs);
        }

        /** The number of weights and biases of the network for a dataset with the given input and output widths. */
        public long parameterCount(int inputs, int outputs) {
            return Architecture.parameterCount(widths(inputs, outputs));
        }

        /** The network for a dataset with the given input and output widths. */
        public Architecture architecture(int inputs, int outputs) {
            return new Architecture(widths(inputs, outputs), activation, output);
        }
    }

    /**
     * How the network learns.
     *
     * @param initialiser   how W and b start
     * @param optimiser     how the weights move, with its learning rate
     * @param loss          the cost J (fits the output activation)
     * @param reduction     sum or mean over the patterns
     * @param batchSize     B: 1 SGD, 0 full batch, else mini-batch
     * @param epochs        passes over the training set
     * @param earlyStopping patience in epochs (0 = off)
     */
    public record Training(Initialiser initialiser, Optimiser optimiser, Loss loss, Reduction reduction, int batchSize, int epochs,
                           int earlyStopping) {
        /** The training loop's configuration for {@code architecture} and one replicate's seed. */
        public TrainingConfig config(Architecture architecture, long seed) {
            return new TrainingConfig(architecture, initialiser, loss, reduction, optimiser, batchSize, epochs, seed, earlyStopping);
        }
    }

    /**
     * Where the trial runs.
     *
     * @param kind    auto, reference, cpu or gpu
     * @param threads   threads for one trial (0 = the scheduler decides)
     * @param gpuTrials trials one GPU trains at once (1 = one at a time)
     */
    public record Backend(String kind, int threads, int gpuTrials) {
        /** One GPU trial at a time. */
        public Backend(String kind, int threads) {
            this(kind, threads, 1);
        }
    }

    /** The value of one dotted key (for sweep coordinates and expressions). */
    public Object get(String key) {
        return values.get(key);
    }

    /** Configurations are equal when their values are: the typed sections follow from them. */
    @Override
    public boolean equals(Object o) {
        return o instanceof TrialConfig c && values.equals(c.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** The nested form (sections, then keys in sorted order) written to trial.yaml. */
    public Map<String, Object> nested() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String section : ConfigKeys.sections()) {
            Map<String, Object> s = new TreeMap<>();
            values.forEach((k, v) -> {
                if (k.startsWith(section + ".")) {
                    s.put(k.substring(section.length() + 1), v);
                }
            });
            out.put(section, s);
        }
        return out;
    }
}
