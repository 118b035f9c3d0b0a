package ffnlab.tribuo;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.LongProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import ffnlab.backend.Backend;
import ffnlab.backend.ReferenceBackend;
import ffnlab.data.Examples;
import ffnlab.nn.Activation;
import ffnlab.nn.Initialiser;
import ffnlab.nn.Reduction;
import ffnlab.nn.optim.Optimiser;
import ffnlab.train.TrainingConfig;
import ffnlab.train.TrainingLoop;
import ffnlab.train.TrainingResult;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Trainer;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.provenance.impl.TrainerProvenanceImpl;

/**
 * The feed-forward network as a Tribuo {@link Trainer}: the dataset is turned into dense examples through
 * Tribuo's feature map (input j is the feature with id j, whatever the column order was), trained by ffnlab's
 * {@link TrainingLoop} on an injected {@link Backend}, and wrapped as a {@link FeedForwardModel}.
 *
 * <p>Every hyper-parameter is an OLCUT {@code @Config} field, so the trainer's provenance records all of them;
 * the model's instance provenance adds the backend, the device, the call's seed and the SHA-256 of the exact
 * training matrix. Like Tribuo's SGD trainers, the trainer is reusable: call k (0-based invocation count)
 * trains with seed {@code seed} for k = 0 and a seed derived from (seed, k) after, so any call is reproducible
 * with {@link #setInvocationCount}.
 *
 * @param <T> {@link org.tribuo.regression.Regressor} or {@link org.tribuo.classification.Label}
 */
public abstract class FeedForwardTrainer<T extends Output<T>> implements Trainer<T> {
    private static final Logger LOG = LogManager.getLogger();

    @Config(description = "Widths of the hidden layers, n_1 .. n_{L-1}.")
    private int[] hiddenWidths = {64};
    @Config(description = "Hidden activation: SIGMOID, TANH or RELU.")
    private Activation hiddenActivation = Activation.RELU;
    @Config(description = "Output activation: LINEAR or SIGMOID for regression, SOFTMAX for classification.")
    private Activation outputActivation = Activation.LINEAR;
    @Config(description = "Initialiser: pytorch, xavier, he or uniform (chapter fixes the widths and is refused).")
    private String initialiser = "pytorch";
    @Config(description = "Lower bound of the uniform initialiser.")
    private double initialLow = -0.5;
    @Config(description = "Upper bound of the uniform initialiser.")
    private double initialHigh = 0.5;
    @Config(description = "Loss reduction over a batch: SUM (the chapter's GD) or MEAN (PyTorch).")
    private Reduction reduction = Reduction.MEAN;
    @Config(description = "Optimiser: sgd, momentum or adam.")
    private String optimiser = "sgd";
    @Config(description = "Learning rate alpha.")
    private double learningRate = 0.01;
    @Config(description = "Momentum mu (momentum optimiser).")
    private double momentum = 0.9;
    @Config(description = "Adam beta1.")
    private double beta1 = 0.9;
    @Config(description = "Adam beta2.")
    private double beta2 = 0.999;
    @Config(description = "Adam epsilon.")
    private double epsilon = 1e-8;
    @Config(description = "Mini-batch size B: 1 is SGD, 0 full-batch GD.")
    private int batchSize = 32;
    @Config(description = "Number of epochs.")
    private int epochs = 10;
    @Config(description = "Seed of the first train call; later calls derive theirs from it.")
    private long seed = Trainer.DEFAULT_SEED;
    @Config(description = "Threads the backend may use.")
    private int threads = 1;

    private Backend backend = new ReferenceBackend();
    private int invocationCount;

    /** For OLCUT: defaults with the given output activation, reference backend. */
    protected FeedForwardTrainer(Activation output) {
        this.outputActivation = output;
    }

    protected FeedForwardTrainer(FeedForwardSettings settings, Backend backend) {
        this.backend = backend;
        hiddenWidths = settings.hiddenWidths().stream().mapToInt(Integer::intValue).toArray();
        hiddenActivation = settings.hiddenActivation();
        outputActivation = settings.outputActivation();
        switch (settings.initialiser()) {
            case Initialiser.Uniform u -> {
                initialLow = u.low();
                initialHigh = u.high();
            }
            default -> {
            }
        }
        initialiser = settings.initialiser().key();
        reduction = settings.reduction();
        optimiser = settings.optimiser().key();
        learningRate = settings.optimiser().learningRate();
        switch (settings.optimiser()) {
            case Optimiser.Sgd s -> {
            }
            case Optimiser.Momentum m -> momentum = m.momentum();
            case Optimiser.Adam a -> {
                beta1 = a.beta1();
                beta2 = a.beta2();
                epsilon = a.epsilon();
            }
        }
        batchSize = settings.batchSize();
        epochs = settings.epochs();
        seed = settings.seed();
        threads = settings.threads();
        postConfig();
    }

    /** Checks the configured values (OLCUT calls this after configuring). */
    @Override
    public void postConfig() {
        settings();
    }

    /** The hyper-parameters as a record, rebuilt from the configured fields. */
    public FeedForwardSettings settings() {
        Initialiser init = TrainingConfig.initialiser(initialiser, initialLow, initialHigh);
        Optimiser opt = TrainingConfig.optimiser(optimiser, learningRate, momentum, beta1, beta2, epsilon);
        return new FeedForwardSettings(java.util.Arrays.stream(hiddenWidths).boxed().toList(), hiddenActivation,
                outputActivation, init, reduction, opt, batchSize, epochs, seed, threads);
    }

    /** The backend this trainer trains on. */
    public Backend backend() {
        return backend;
    }

    /** The seed of call k: the configured seed for k = 0, else one drawn from a generator seeded by (seed, k). */
    public long callSeed(int invocation) {
        return invocation == 0 ? seed : new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * invocation)).nextLong();
    }

    @Override
    public Model<T> train(Dataset<T> dataset, Map<String, Provenance> runProvenance) {
        return train(dataset, runProvenance, INCREMENT_INVOCATION_COUNT);
    }

    @Override
    public synchronized Model<T> train(Dataset<T> dataset, Map<String, Provenance> runProvenance, int invocation) {
        if (invocation != INCREMENT_INVOCATION_COUNT) {
            setInvocationCount(invocation);
        }
        if (dataset.size() == 0) {
            throw new IllegalArgumentException("cannot train on an empty dataset");
        }
        if (dataset.getFeatureIDMap().size() == 0) {
            throw new IllegalArgumentException("cannot train on a dataset without features");
        }
        TrainerProvenance trainerProvenance = getProvenance();
        int call = invocationCount++;
        long callSeed = callSeed(call);
        DenseDataset dense = DenseDataset.of(dataset, this::targets);
        Examples examples = dense.examples();
        TrainingConfig config = settings().trainingConfig(examples.features(), examples.outputs(), callSeed);
        TrainingResult result = new TrainingLoop(config, backend, threads).run(examples, null, null);
        LOG.info("trained {} on {} examples with {} ({}), seed {}: final training loss {}", config.architecture(),
                examples.rows(), backend.name(), result.device(), callSeed, result.epochs().isEmpty() ? Double.NaN : result.last().trainLoss());
        Map<String, Provenance> instance = new HashMap<>(runProvenance);
        instance.put("backend", new StringProvenance("backend", backend.name()));
        instance.put("device", new StringProvenance("device", result.device()));
        instance.put("call-seed", new LongProvenance("call-seed", callSeed));
        instance.put("invocation", new IntProvenance("invocation", call));
        instance.put("training-data-sha256", new StringProvenance("training-data-sha256", dense.sha256()));
        instance.put("epochs-run", new IntProvenance("epochs-run", result.epochs().size()));
        instance.put("diverged-epoch", new IntProvenance("diverged-epoch", result.divergedAtEpoch()));
        ModelProvenance provenance = new ModelProvenance(FeedForwardModel.class.getName(), OffsetDateTime.now(),
                dataset.getProvenance(), trainerProvenance, instance);
        return model(provenance, dataset, result, dense);
    }

    /** D for one example, in the order of the dataset's output domain (regression), or null (classification). */
    protected abstract double[] targets(org.tribuo.Example<T> example, DenseDataset.Domain<T> domain);

    /** Wraps the trained parameters. */
    protected abstract Model<T> model(ModelProvenance provenance, Dataset<T> dataset, TrainingResult result, DenseDataset dense);

    @Override
    public int getInvocationCount() {
        return invocationCount;
    }

    @Override
    public synchronized void setInvocationCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("invocation count must not be negative, got " + count);
        }
        invocationCount = count;
    }

    @Override
    public TrainerProvenance getProvenance() {
        return new TrainerProvenanceImpl(this);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + settings();
    }
}
