package ffnlab.train;

import ffnlab.backend.Backend;
import ffnlab.backend.EngineSpec;
import ffnlab.backend.Evaluation;
import ffnlab.backend.TrainingEngine;
import ffnlab.data.Examples;
import ffnlab.nn.Parameters;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The training loop, written once: for each epoch, shuffle (seeded), run the mini-batches on the engine,
 * evaluate on the training and test sets, tell the listeners. A divergent training loss ({@link Divergence}:
 * NaN, infinite, or far above the initial parameters' loss) ends the run as diverged at that epoch; early stopping
 * watches the validation set's loss and, when it ends the run, restores the parameters of the epoch with the lowest
 * validation loss. {@link TrainingResult#finalEpoch} names the epoch whose parameters the run returns.
 *
 * <p>Randomness: one {@link SplittableRandom} from the seed; its first split initialises the weights, its
 * second shuffles, so the same seed gives the same run on every backend and thread count. Full-batch GD
 * (B = P) keeps the data's order, as the chapter's GD does.
 */
public final class TrainingLoop {
    private final TrainingConfig config;
    private final Backend backend;
    private final int threads;
    private final List<EpochListener> listeners = new ArrayList<>();

    public TrainingLoop(TrainingConfig config, Backend backend, int threads) {
        this.config = config;
        this.backend = backend;
        this.threads = threads;
    }

    public TrainingLoop listener(EpochListener listener) {
        listeners.add(listener);
        return this;
    }

    /** The initial parameters this configuration gives (the first split of the seed's generator). */
    public Parameters initialParameters() {
        SplittableRandom root = new SplittableRandom(config.seed());
        Parameters p = new Parameters(config.architecture());
        config.initialiser().initialise(p, root.split());
        return p;
    }

    /**
     * Trains on {@code train}, measuring {@code test} (may be null) after every epoch.
     * {@code validation} (may be null) drives early stopping when the config asks for it.
     */
    public TrainingResult run(Examples train, Examples test, Examples validation) {
        SplittableRandom root = new SplittableRandom(config.seed());
        Parameters initial = new Parameters(config.architecture());
        config.initialiser().initialise(initial, root.split());
        SplittableRandom shuffler = root.split();
        int patterns = train.rows();
        int batch = config.effectiveBatchSize(patterns);
        boolean fullBatch = batch >= patterns;
        int[] order = new int[patterns];
        for (int i = 0; i < patterns; i++) {
            order[i] = i;
        }
        long updatesPerEpoch = (patterns + batch - 1) / batch;
        boolean classification = train.isClassification();
        EngineSpec spec = new EngineSpec(config.architecture(), initial, config.loss(), config.reduction(), config.optimiser(), threads);
        List<EpochRecord> records = new ArrayList<>();
        int diverged = 0;
        boolean stoppedEarly = false;
        double bestValidation = Double.POSITIVE_INFINITY;
        int sinceBest = 0;
        Parameters best = null;
        int bestEpoch = 0;
        String device;
        Parameters finalParameters;
        int finalEpoch;
        try (TrainingEngine engine = backend.open(spec, train)) {
            device = engine.device();
            Evaluation initially = engine.evaluate(train);
            Divergence divergence = new Divergence(initially.rawLoss() / initially.rows());
            for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                if (!fullBatch) {
                    shuffle(order, shuffler);
                }
                long start = System.nanoTime();
                double raw = engine.trainEpoch(order, batch);
                double seconds = (System.nanoTime() - start) / 1e9;
                double trainLoss = raw / patterns;
                double trainMse = Double.NaN;
                double trainAccuracy = Double.NaN;
                double testMse = Double.NaN;
                double testAccuracy = Double.NaN;
                double testLoss = Double.NaN;
                double trainSetLoss = Double.NaN;
                if (Double.isFinite(trainLoss)) {
                    Evaluation onTrain = engine.evaluate(train);
                    trainSetLoss = onTrain.rawLoss() / onTrain.rows();
                    if (classification) {
                        trainAccuracy = onTrain.accuracy();
                    } else {
                        trainMse = onTrain.meanSquaredError();
                    }
                    if (test != null) {
                        Evaluation onTest = engine.evaluate(test);
                        testLoss = onTest.rawLoss() / onTest.rows();
                        if (classification) {
                            testAccuracy = onTest.accuracy();
                        } else {
                            testMse = onTest.meanSquaredError();
                        }
                    }
                }
                EpochRecord record = new EpochRecord(epoch, trainLoss, trainMse, testMse, trainAccuracy, testAccuracy,
                        testLoss, seconds, updatesPerEpoch, seconds * 1e6 / updatesPerEpoch);
                records.add(record);
                for (EpochListener l : listeners) {
                    l.epochFinished(record);
                }
                if (divergence.diverged(trainLoss) || divergence.diverged(trainSetLoss)) {
                    diverged = epoch;
                    break;
                }
                if (config.earlyStopping() > 0 && validation != null) {
                    double v = engine.evaluate(validation).rawLoss() / validation.rows();
                    if (v < bestValidation) {
                        bestValidation = v;
                        sinceBest = 0;
                        best = engine.parameters();
                        bestEpoch = epoch;
                    } else if (++sinceBest >= config.earlyStopping()) {
                        stoppedEarly = true;
                        break;
                    }
                }
            }
            boolean restored = stoppedEarly && best != null;
            finalParameters = restored ? best : engine.parameters();
            finalEpoch = restored ? bestEpoch : records.size();
        }
        return new TrainingResult(records, finalParameters, finalEpoch, diverged, stoppedEarly, device);
    }

    /** Fisher-Yates, in place, from the given generator: the loop's shuffle, also used by the benchmarks. */
    public static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
