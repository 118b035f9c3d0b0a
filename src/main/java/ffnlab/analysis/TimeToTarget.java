package ffnlab.analysis;

import ffnlab.results.TrialSchema;
import ffnlab.results.TrialSchema.Column;
import ffnlab.results.TrialSchema.Metric;
import ffnlab.results.TrialSchema.ProbeColumn;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * How long one trial took to reach a target test accuracy ({@code report.target_accuracy}): the first test measurement
 * whose accuracy is at least the target, the weight updates made before it, and those updates times the trial's steady
 * time per update ({@code mean_update_time_us}: epochs 2.., so the first epoch's warm-up is excluded). Test accuracy is
 * measured after each epoch and, with {@code training.eval_every}, between batches (probes.csv), so the target was
 * reached after more than the updates of the measurement before and at most those of the reaching one: the time to
 * target is that upper bound, with the lower one beside it ({@link #secondsBefore}; 0 for a trial that reached it at
 * its first measurement). A trial that never reaches the target has no time to target: it is counted as not reached,
 * never given a time of 0 or infinity.
 *
 * @param epoch         the epoch (1-based) during or after which the reaching measurement was taken
 * @param updates       weight updates made before the reaching measurement
 * @param seconds       updates x steady time per update, seconds
 * @param secondsBefore the updates before the previous measurement x steady time per update, seconds: the lower bound
 */
public record TimeToTarget(int epoch, long updates, double seconds, double secondsBefore) {
    /** Where an experiment file gives the target. */
    public static final String TARGET_KEY = "report.target_accuracy";
    /** Trial and aggregate columns. */
    public static final String UPDATES_TO_TARGET = "updates_to_target";
    public static final String TIME_TO_TARGET_S = "time_to_target_s";
    /** The lower bound of the time to target: the updates of the measurement before the reaching one x time per update. */
    public static final String TIME_BEFORE_TARGET_S = "time_before_target_s";
    public static final String EPOCH_TO_TARGET = "epoch_to_target";
    /** Per configuration: how many seeds reached the target. */
    public static final String N_REACHED = "n_reached";

    /**
     * @param epochs       each epoch's number, in order
     * @param updates      each epoch's weight updates
     * @param testAccuracy each epoch's test accuracy
     * @param updateTimeUs the steady time per update, µs
     * @param target       the test accuracy to reach
     * @return empty when no epoch reaches the target
     */
    public static Optional<TimeToTarget> of(int[] epochs, long[] updates, double[] testAccuracy, double updateTimeUs,
                                            double target) {
        return of(epochs, updates, testAccuracy, new int[0], new long[0], new double[0], updateTimeUs, target);
    }

    /**
     * As {@link #of(int[], long[], double[], double, double)}, with the measurements between batches too.
     *
     * @param probeEpochs   each probe's epoch, in order
     * @param probeUpdates  each probe's updates since training began (inside its epoch, not at its end)
     * @param probeAccuracy each probe's test accuracy
     */
    public static Optional<TimeToTarget> of(int[] epochs, long[] updates, double[] testAccuracy, int[] probeEpochs,
                                            long[] probeUpdates, double[] probeAccuracy, double updateTimeUs, double target) {
        long made = 0;
        long previous = 0;
        int p = 0;
        for (int i = 0; i < epochs.length; i++) {
            made += updates[i];
            for (; p < probeEpochs.length && probeUpdates[p] < made; p++) {
                if (probeAccuracy[p] >= target) {
                    return Optional.of(reached(probeEpochs[p], probeUpdates[p], previous, updateTimeUs));
                }
                previous = probeUpdates[p];
            }
            if (testAccuracy[i] >= target) {
                return Optional.of(reached(epochs[i], made, previous, updateTimeUs));
            }
            previous = made;
        }
        return Optional.empty();
    }

    private static TimeToTarget reached(int epoch, long updates, long before, double updateTimeUs) {
        return new TimeToTarget(epoch, updates, updates * updateTimeUs * 1e-6, before * updateTimeUs * 1e-6);
    }

    /** The target an experiment file sets, if any. */
    public static OptionalDouble target(YamlDocument experiment) {
        double t = YamlDocument.asNumber(experiment.get(TARGET_KEY));
        return Double.isFinite(t) ? OptionalDouble.of(t) : OptionalDouble.empty();
    }

    /**
     * The time to target of every trial that did not diverge and the aggregate per configuration.
     *
     * @param target           the test accuracy to reach
     * @param trials           one row per trial (trial_id, configuration, seed, status and {@link #EPOCH_TO_TARGET},
     *                         {@link #UPDATES_TO_TARGET}, {@link #TIME_TO_TARGET_S}, NaN where not reached): the
     *                         table {@link SeedValues#of} reads
     * @param perConfiguration a copy of {@link Aggregation#perConfiguration} with {@link #N_REACHED} and the mean and
     *                         ci95 of the updates, the time to target and its lower bound; those are over the seeds only when every seed
     *                         reached the target, NaN otherwise (a mean over the seeds that reached would flatter it)
     */
    public record Sweep(double target, Table trials, Table perConfiguration) {

        /** @param perConfiguration {@link Aggregation#perConfiguration} of {@code results} (it is copied) */
        public static Sweep of(ExperimentResults results, Table perConfiguration, double target) {
            Table trials = perTrial(results.trials(), target);
            Table out = perConfiguration.copy();
            IntColumn reached = IntColumn.create(N_REACHED);
            for (String configuration : out.stringColumn(TrialTable.CONFIGURATION)) {
                Table own = trials.where(trials.stringColumn(TrialTable.CONFIGURATION).isEqualTo(configuration));
                reached.append(own.rowCount() - own.doubleColumn(UPDATES_TO_TARGET).countMissing());
            }
            out.addColumns(reached);
            for (String key : List.of(UPDATES_TO_TARGET, TIME_TO_TARGET_S, TIME_BEFORE_TARGET_S)) {
                DoubleColumn mean = DoubleColumn.create(key + Aggregation.MEAN);
                DoubleColumn ci = DoubleColumn.create(key + Aggregation.CI95);
                double[][] values = SeedValues.of(trials, out, key).values();
                for (int c = 0; c < out.rowCount(); c++) {
                    boolean all = out.intColumn(Aggregation.N).getInt(c) > 0
                            && reached.getInt(c) == out.intColumn(Aggregation.N).getInt(c);
                    ConfidenceInterval.Mean m = ConfidenceInterval.of(all ? values[c] : new double[0]);
                    mean.append(m.mean());
                    ci.append(m.halfWidth());
                }
                out.addColumns(mean, ci);
            }
            return new Sweep(target, trials, out);
        }

        /** How many seeds of configuration row {@code c} reached the target, and of how many. */
        public String reachedOf(int c) {
            return perConfiguration.intColumn(N_REACHED).getInt(c) + " of " + perConfiguration.intColumn(Aggregation.N).getInt(c);
        }
    }

    /** One row per trial that did not diverge, with its time to target (NaN where not reached). */
    static Table perTrial(List<FinishedTrial> finished, double target) {
        StringColumn id = StringColumn.create(TrialTable.TRIAL_ID);
        StringColumn configuration = StringColumn.create(TrialTable.CONFIGURATION);
        LongColumn seed = LongColumn.create(TrialTable.SEED);
        StringColumn status = StringColumn.create(TrialTable.STATUS);
        DoubleColumn epoch = DoubleColumn.create(EPOCH_TO_TARGET);
        DoubleColumn updates = DoubleColumn.create(UPDATES_TO_TARGET);
        DoubleColumn seconds = DoubleColumn.create(TIME_TO_TARGET_S);
        DoubleColumn before = DoubleColumn.create(TIME_BEFORE_TARGET_S);
        for (FinishedTrial t : finished) {
            if (t.diverged()) {
                continue;
            }
            Table m = t.metrics();
            Table probes = t.probes().orElse(null);
            Optional<TimeToTarget> reached = of(m.intColumn(Column.EPOCH.key()).asIntArray(),
                    java.util.Arrays.stream(m.intColumn(Column.UPDATES.key()).asIntArray()).asLongStream().toArray(),
                    m.doubleColumn(Column.TEST_ACCURACY.key()).asDoubleArray(),
                    probes == null ? new int[0] : java.util.Arrays.stream(probes.longColumn(ProbeColumn.EPOCH.key()).asLongArray()).mapToInt(Math::toIntExact).toArray(),
                    probes == null ? new long[0] : probes.longColumn(ProbeColumn.UPDATES.key()).asLongArray(),
                    probes == null ? new double[0] : probes.doubleColumn(ProbeColumn.TEST_ACCURACY.key()).asDoubleArray(),
                    t.summaryValue(Metric.MEAN_UPDATE_TIME_US), target);
            id.append(t.id());
            configuration.append(t.configuration());
            seed.append(t.seed());
            status.append(TrialSchema.FINISHED);
            epoch.append(reached.map(r -> (double) r.epoch()).orElse(Double.NaN));
            updates.append(reached.map(r -> (double) r.updates()).orElse(Double.NaN));
            seconds.append(reached.map(TimeToTarget::seconds).orElse(Double.NaN));
            before.append(reached.map(TimeToTarget::secondsBefore).orElse(Double.NaN));
        }
        return Table.create("time to target", id, configuration, seed, status, epoch, updates, seconds, before);
    }
}
