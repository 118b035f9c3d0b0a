package ffnlab.train;

import ffnlab.backend.Backend;
import ffnlab.backend.EngineSpec;
import ffnlab.backend.Evaluation;
import ffnlab.backend.TrainingEngine;
import ffnlab.data.Examples;
import ffnlab.nn.Parameters;
import ffnlab.nn.optim.OptimiserMoments;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The training loop, written once: for each epoch, shuffle (seeded), run the mini-batches on the engine (measuring
 * the test set between them when asked, {@link #evaluateEvery}), evaluate on the training and test sets, tell the
 * listeners. A divergent training loss ({@link Divergence}:
 * NaN, infinite, or far above the initial parameters' loss) ends the run as diverged at that epoch; early stopping
 * watches the validation set's loss and, when it ends the run, restores the parameters of the epoch with the lowest
 * validation loss. {@link TrainingResult#finalEpoch} names the epoch whose parameters the run returns.
 *
 * <p>Randomness: one {@link SplittableRandom} from the seed; its first split initialises the weights, its
 * second shuffles, so the same seed gives the same run on every backend and thread count. Full-batch GD
 * (B = P) keeps the data's order, as the chapter's GD does.
 */
public final class TrainingLoop {
    /** With checkpoints every 0 epochs: the wall time, in seconds, after which the next epoch writes one. */
    public static final double CHECKPOINT_INTERVAL_S = 60;
    private static final Logger LOG = LogManager.getLogger();
    private final TrainingConfig config;
    private final Backend backend;
    private final int threads;
    private final List<EpochListener> listeners = new ArrayList<>();
    private CheckpointDirectory checkpoints;
    private int checkpointEvery;
    private boolean resume;
    private int evaluateEvery;

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
     * Writes checkpoints to {@code directory} and resumes from the newest one that fits ({@link CheckpointDirectory#latest}):
     * every {@code every} epochs, or with {@code every} = 0 after the first epoch that ends {@link #CHECKPOINT_INTERVAL_S}
     * seconds or more after the last checkpoint (or the start); and always after the run's last epoch.
     */
    public TrainingLoop checkpoints(CheckpointDirectory directory, int every) {
        return checkpoints(directory, every, true);
    }

    /** As {@link #checkpoints(CheckpointDirectory, int)}; with {@code resume} false the run trains from scratch. */
    public TrainingLoop checkpoints(CheckpointDirectory directory, int every, boolean resume) {
        if (every < 0) {
            throw new IllegalArgumentException("checkpoint interval must not be negative, got " + every);
        }
        this.checkpoints = directory;
        this.checkpointEvery = every;
        this.resume = resume;
        return this;
    }

    /**
     * Measures the test set also between an epoch's batches, whenever the weight updates made since training began
     * reach a multiple of {@code updates} ({@link ProbeRecord}s in {@link TrainingResult#probes}); 0, the default,
     * measures only after each epoch. The measurements change no update, and their time is left out of the epoch's.
     */
    public TrainingLoop evaluateEvery(int updates) {
        if (updates < 0) {
            throw new IllegalArgumentException("evaluation interval must not be negative, got " + updates);
        }
        this.evaluateEvery = updates;
        return this;
    }

    /**
     * Trains on {@code train}, measuring {@code test} (may be null) after every epoch.
     * {@code validation} (may be null) drives early stopping when the config asks for it. With
     * {@link #checkpoints} set, the run starts from the newest checkpoint of at most {@code epochs} epochs that fits
     * (the listeners are told its records first) and the result is the one an uninterrupted run gives, bitwise
     * apart from the records' times.
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
        TrainingState resumed = checkpoints == null || !resume ? null : checkpoints.latest(config.epochs(), config.architecture(),
                state -> problem(state, patterns, fullBatch, updatesPerEpoch)).orElse(null);
        int shuffles = 0;
        if (resumed != null) {
            for (; shuffles < resumed.shuffles(); shuffles++) {
                shuffle(order, shuffler);
            }
            LOG.info("resuming from checkpoint {} (epoch {} of {})", checkpointPath(resumed), resumed.epoch(), config.epochs());
        }
        EngineSpec spec = new EngineSpec(config.architecture(), resumed == null ? initial : resumed.parameters(),
                config.loss(), config.reduction(), config.optimiser(), threads);
        List<EpochRecord> records = new ArrayList<>();
        List<ProbeRecord> probes = new ArrayList<>();
        int diverged = 0;
        boolean stoppedEarly = false;
        double bestValidation = Double.POSITIVE_INFINITY;
        int sinceBest = 0;
        Parameters best = null;
        int bestEpoch = 0;
        int firstEpoch = 1;
        String device;
        Parameters finalParameters;
        int finalEpoch;
        try (TrainingEngine engine = backend.open(spec, train)) {
            device = engine.device();
            Divergence divergence;
            if (resumed == null) {
                Evaluation initially = engine.evaluate(train);
                divergence = new Divergence(initially.rawLoss() / initially.rows());
            } else {
                engine.restoreOptimiser(resumed.moments());
                divergence = new Divergence(resumed.initialLoss());
                records.addAll(resumed.records());
                probes.addAll(resumed.probes());
                diverged = resumed.divergedAtEpoch();
                stoppedEarly = resumed.stoppedEarly();
                bestValidation = resumed.bestValidation();
                sinceBest = resumed.sinceBest();
                best = resumed.best();
                bestEpoch = resumed.bestEpoch();
                firstEpoch = resumed.ended() ? Integer.MAX_VALUE : resumed.epoch() + 1;
                for (EpochRecord record : records) {
                    for (EpochListener l : listeners) {
                        l.epochFinished(record);
                    }
                }
            }
            long lastCheckpoint = System.nanoTime();
            for (int epoch = firstEpoch; epoch <= config.epochs(); epoch++) {
                if (!fullBatch) {
                    shuffle(order, shuffler);
                    shuffles++;
                }
                long[] probeNanos = {0};
                IntConsumer between = evaluateEvery == 0 || test == null ? null
                        : probe(engine, test, epoch, (epoch - 1) * updatesPerEpoch, probes, probeNanos);
                long start = System.nanoTime();
                double raw = engine.trainEpoch(order, batch, between);
                double seconds = (System.nanoTime() - start - probeNanos[0]) / 1e9;
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
                } else if (config.earlyStopping() > 0 && validation != null) {
                    double v = engine.evaluate(validation).rawLoss() / validation.rows();
                    if (v < bestValidation) {
                        bestValidation = v;
                        sinceBest = 0;
                        best = engine.parameters();
                        bestEpoch = epoch;
                    } else if (++sinceBest >= config.earlyStopping()) {
                        stoppedEarly = true;
                    }
                }
                boolean last = diverged > 0 || stoppedEarly || epoch == config.epochs();
                if (checkpoints != null && (last || due(epoch, lastCheckpoint))) {
                    checkpoints.save(new TrainingState(epoch, records, engine.parameters(), engine.optimiserMoments(), order,
                            shuffles, divergence.initialLoss(), bestValidation, sinceBest, bestEpoch, best, diverged,
                            stoppedEarly, probes), last);
                    lastCheckpoint = System.nanoTime();
                }
                if (diverged > 0 || stoppedEarly) {
                    break;
                }
            }
            boolean restored = stoppedEarly && best != null;
            finalParameters = restored ? best : engine.parameters();
            finalEpoch = restored ? bestEpoch : records.size();
        }
        return new TrainingResult(records, finalParameters, finalEpoch, diverged, stoppedEarly, device,
                resumed == null ? 0 : resumed.epoch(), probes);
    }

    /**
     * The listener between an epoch's batches: after batch k, with {@code before + k} updates made in all, measures
     * {@code test} when that count is a multiple of {@link #evaluateEvery}, appends the {@link ProbeRecord} and adds the
     * measurement's wall time to {@code nanos[0]}.
     */
    private IntConsumer probe(TrainingEngine engine, Examples test, int epoch, long before, List<ProbeRecord> probes,
                              long[] nanos) {
        return k -> {
            long updates = before + k;
            if (updates % evaluateEvery != 0) {
                return;
            }
            long start = System.nanoTime();
            Evaluation e = engine.evaluate(test);
            boolean classification = test.isClassification();
            probes.add(new ProbeRecord(epoch, updates, e.rawLoss() / e.rows(),
                    classification ? Double.NaN : e.meanSquaredError(), classification ? e.accuracy() : Double.NaN));
            nanos[0] += System.nanoTime() - start;
        };
    }

    private boolean due(int epoch, long lastCheckpoint) {
        return checkpointEvery > 0 ? epoch % checkpointEvery == 0
                : (System.nanoTime() - lastCheckpoint) / 1e9 >= CHECKPOINT_INTERVAL_S;
    }

    private Path checkpointPath(TrainingState state) {
        Path last = checkpoints.file(state.epoch(), true);
        return java.nio.file.Files.exists(last) ? last : checkpoints.file(state.epoch(), false);
    }

    /** Why {@code state} cannot continue this run (another training set or batching), or null when it can. */
    private String problem(TrainingState state, int patterns, boolean fullBatch, long updatesPerEpoch) {
        if (state.order().length != patterns) {
            return "a permutation of " + state.order().length + " patterns, the training set has " + patterns;
        }
        int shuffles = fullBatch ? 0 : state.epoch();
        if (state.shuffles() != shuffles) {
            return state.shuffles() + " shuffles drawn, this run draws " + shuffles + " in " + state.epoch() + " epochs";
        }
        if (state.moments().steps() != state.epoch() * updatesPerEpoch) {
            return state.moments().steps() + " optimiser steps, this run takes " + state.epoch() * updatesPerEpoch
                    + " in " + state.epoch() + " epochs";
        }
        if (state.moments().buffers().size() != OptimiserMoments.bufferCount(config.optimiser())) {
            return state.moments().buffers().size() + " optimiser buffers, " + config.optimiser().key() + " keeps "
                    + OptimiserMoments.bufferCount(config.optimiser());
        }
        SplittableRandom root = new SplittableRandom(config.seed());
        root.split();
        SplittableRandom shuffler = root.split();
        int[] order = new int[patterns];
        for (int i = 0; i < patterns; i++) {
            order[i] = i;
        }
        for (int i = 0; i < state.shuffles(); i++) {
            shuffle(order, shuffler);
        }
        if (!java.util.Arrays.equals(order, state.order())) {
            return "its permutation is not the one this seed's " + state.shuffles() + " shuffles give";
        }
        return null;
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
