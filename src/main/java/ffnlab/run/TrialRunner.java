package ffnlab.run;

import ffnlab.backend.Backend;
import ffnlab.backend.EngineSpec;
import ffnlab.backend.TrainingEngine;
import ffnlab.data.Examples;
import ffnlab.data.PreparedData;
import ffnlab.nn.Architecture;
import ffnlab.nn.Parameters;
import ffnlab.nn.ParametersFile;
import ffnlab.results.ExperimentDirectory;
import ffnlab.results.ParametersCsv;
import ffnlab.results.TrialDirectory;
import ffnlab.results.TrialSchema;
import ffnlab.spec.TrialConfig;
import ffnlab.sweep.TrialSpec;
import ffnlab.train.CheckpointDirectory;
import ffnlab.train.EpochListener;
import ffnlab.train.TrainingConfig;
import ffnlab.train.TrainingLoop;
import ffnlab.train.TrainingResult;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Runs one trial and records it: takes the trial's lock (or reports it busy), clears what an interrupted run
 * left, trains, then writes trial.yaml, metrics.csv (and probes.csv), predictions.csv, parameters.csv (small networks) or
 * parameters.bin ({@link ParametersFile}, larger ones), provenance.yaml and, last, summary.yaml. Training writes
 * checkpoints to {@code checkpoints/<prefix key>/} of the experiment folder ({@link TrialSpec#prefixKey}: the trial
 * without its epoch count) and starts from the newest one that fits, so a killed trial resumes and a trial with more
 * epochs continues from a shorter one. A divergent loss ({@link ffnlab.train.Divergence}) is recorded as status
 * diverged at its epoch.
 */
public final class TrialRunner {
    private static final Logger LOG = LogManager.getLogger();
    /** The experiment folder's folder of checkpoints, one folder per prefix key. */
    public static final String CHECKPOINTS = "checkpoints";

    private final DataSources data;
    private final ExperimentDirectory directory;
    private final BackendChoice.Factory backends;

    public TrialRunner(DataSources data, ExperimentDirectory directory) {
        this(data, directory, BackendChoice::open);
    }

    TrialRunner(DataSources data, ExperimentDirectory directory, BackendChoice.Factory backends) {
        this.data = data;
        this.directory = directory;
        this.backends = backends;
    }

    /**
     * @param fresh   rerun even when finished, from scratch rather than from a checkpoint
     * @param threads threads this trial may use
     */
    public TrialOutcome run(TrialSpec trial, boolean fresh, int threads, EpochListener listener) {
        long start = System.nanoTime();
        TrialDirectory dir = directory.trial(trial.id());
        if (dir.finished() && !fresh) {
            return new TrialOutcome(trial, TrialOutcome.Status.SKIPPED, "finished earlier", 0);
        }
        Optional<TrialDirectory.Lock> lock = dir.tryLock();
        if (lock.isEmpty()) {
            return new TrialOutcome(trial, TrialOutcome.Status.BUSY, "running in another process", 0);
        }
        try (TrialDirectory.Lock held = lock.get()) {
            if (dir.finished() && !fresh) {
                return new TrialOutcome(trial, TrialOutcome.Status.SKIPPED, "finished by another process", 0);
            }
            dir.clear();
            return train(trial, dir, fresh, threads, listener, start);
        }
    }

    /** With {@code fresh}, trains from scratch (still writing checkpoints) instead of resuming from one. */
    private TrialOutcome train(TrialSpec trial, TrialDirectory dir, boolean fresh, int threads, EpochListener listener, long start) {
        TrialConfig c = trial.config();
        if (!c.model().isNetwork()) {
            return BaselineTrial.run(trial, dir, data.load(c), start);
        }
        TrainingData split = data.forTraining(c);
        PreparedData d = split.data();
        Instant started = Instant.now();
        double loadAtStart = Provenance.loadAverage();
        dir.writeYaml(TrialDirectory.TRIAL, trialYaml(trial));
        Architecture arch = c.model().architecture(d.train().features(), d.train().outputs());
        TrainingConfig tc = c.training().config(arch, trial.seed());
        Examples train = d.train();
        Examples validation = split.validation();
        Backend backend = backends.open(trial.backend(), threads);
        TrainingResult result;
        String predictions;
        try {
            int every = ((Number) c.get("training.checkpoint_every")).intValue();
            int evalEvery = ((Number) c.get("training.eval_every")).intValue();
            result = new TrainingLoop(tc, backend, threads).listener(listener).checkpoints(checkpoints(trial), every, !fresh)
                    .evaluateEvery(evalEvery).run(train, d.test(), validation);
            predictions = predictions(backend, tc, result.parameters(), train, d, threads);
        } finally {
            backend.close();
        }
        DoubleUnaryOperator orig = d::mseInOriginalUnits;
        dir.write(TrialDirectory.METRICS, TrialSchema.metricsCsv(result.epochs(), orig));
        if (!result.probes().isEmpty()) {
            dir.write(TrialDirectory.PROBES, TrialSchema.probesCsv(result.probes(), orig));
        }
        dir.write(TrialDirectory.PREDICTIONS, predictions);
        if (arch.parameterCount() <= ParametersCsv.MAX_PARAMETERS) {
            dir.write(TrialDirectory.PARAMETERS, ParametersCsv.write(result.parameters()));
        } else {
            dir.write(TrialDirectory.PARAMETERS_BINARY, ParametersFile.write(result.parameters()));
        }
        double wall = (System.nanoTime() - start) / 1e9;
        Map<String, Object> provenance = Provenance.of(trial.engine(), threads, backend.name(), result.device(), d.sha256(),
                started, Instant.now(), loadAtStart);
        provenance.put("resumed_from_epoch", result.resumedAtEpoch());
        dir.writeYaml(TrialDirectory.PROVENANCE, provenance);
        Map<String, Object> summary = TrialSchema.summary(result.epochs(), result.finalEpoch(), result.divergedAtEpoch(), d.task() == ffnlab.data.Task.CLASSIFICATION,
                orig, wall, result.parameters().sha256());
        dir.writeYaml(TrialDirectory.SUMMARY, summary);
        if (result.diverged()) {
            LOG.warn("trial {} ({}) diverged at epoch {}", trial.id(), trial.label(), result.divergedAtEpoch());
            return new TrialOutcome(trial, TrialOutcome.Status.DIVERGED, "diverged at epoch " + result.divergedAtEpoch(), wall);
        }
        String error = d.task() == ffnlab.data.Task.CLASSIFICATION
                ? String.format(java.util.Locale.ROOT, "test_accuracy %.4f", result.atFinalEpoch().testAccuracy())
                : d.test() == null ? String.format(java.util.Locale.ROOT, "train_mse %.4g", result.atFinalEpoch().trainMse())
                : String.format(java.util.Locale.ROOT, "test_mse %.4g", result.atFinalEpoch().testMse());
        return new TrialOutcome(trial, TrialOutcome.Status.FINISHED, error, wall);
    }

    /** The checkpoints of {@code trial} and of the same trial with other epoch counts. */
    CheckpointDirectory checkpoints(TrialSpec trial) {
        return new CheckpointDirectory(directory.path().resolve(CHECKPOINTS).resolve(trial.prefixKey()));
    }

    static Map<String, Object> trialYaml(TrialSpec trial) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("id", trial.id());
        t.put("id_ignoring_engine", trial.idIgnoringEngine());
        t.put("engine_fingerprint", trial.engine());
        t.put("backend", trial.backend());
        t.put("experiment", trial.experiment());
        t.put("seed", trial.seed());
        t.put("coordinates", trial.coordinates());
        t.put("config", trial.config().nested());
        return t;
    }

    /**
     * Test-set predictions (the training set's when the data has no test split, as Example 2): regression
     * {@code actual,predicted} in original units (d = o + s d_scaled; {@code actual_k,predicted_k} per column when
     * K &gt; 1); classification {@code actual,predicted} as class names.
     */
    private static String predictions(Backend backend, TrainingConfig tc, Parameters p, Examples train, PreparedData d, int threads) {
        Examples test = d.test() != null ? d.test() : d.train();
        EngineSpec spec = new EngineSpec(tc.architecture(), p, tc.loss(), tc.reduction(), tc.optimiser(), threads);
        float[] y;
        try (TrainingEngine engine = backend.open(spec, train)) {
            y = engine.predict(test.x(), test.rows());
        }
        StringBuilder b = new StringBuilder();
        int k = test.outputs();
        if (test.isClassification()) {
            b.append("actual,predicted\n");
            for (int r = 0; r < test.rows(); r++) {
                int best = 0;
                for (int j = 1; j < k; j++) {
                    if (y[r * k + j] > y[r * k + best]) {
                        best = j;
                    }
                }
                b.append(csv(d.targetNames().get(test.labels()[r]))).append(',').append(csv(d.targetNames().get(best))).append('\n');
            }
            return b.toString();
        }
        if (k == 1) {
            b.append("actual,predicted\n");
        } else {
            for (int j = 0; j < k; j++) {
                b.append(j == 0 ? "" : ",").append("actual_").append(j + 1).append(",predicted_").append(j + 1);
            }
            b.append('\n');
        }
        for (int r = 0; r < test.rows(); r++) {
            for (int j = 0; j < k; j++) {
                b.append(j == 0 ? "" : ",").append(d.originalTarget(j, test.targets()[r * k + j])).append(',')
                        .append(d.originalTarget(j, y[r * k + j]));
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
