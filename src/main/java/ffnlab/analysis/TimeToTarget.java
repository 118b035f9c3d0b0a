package ffnlab.analysis;

import ffnlab.results.TrialSchema;
import ffnlab.results.TrialSchema.Column;
import ffnlab.results.TrialSchema.Metric;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * How long one trial took to reach a target test accuracy ({@code report.target_accuracy}): the first epoch whose
 * test accuracy is at least the target, the weight updates made up to the end of that epoch, and those updates times
 * the trial's steady time per update ({@code mean_update_time_us}: epochs 2.., so the first epoch's warm-up is
 * excluded). Accuracy is measured after each epoch, so the resolution is one epoch: the target was reached after
 * more than the updates before that epoch and at most those to its end, and the time to target is that upper bound,
 * with the lower one beside it ({@link #secondsBefore}; 0 for a trial that reached it in its first epoch). A trial
 * that never reaches the target has no time to target: it is counted as not reached, never given a time of 0 or
 * infinity.
 *
 * @param epoch         the first epoch (1-based) whose test accuracy reaches the target
 * @param updates       weight updates in epochs 1..epoch
 * @param seconds       updates x steady time per update, seconds
 * @param secondsBefore the updates of epochs 1..epoch-1 x steady time per update, seconds: the lower bound
 */
public record TimeToTarget(int epoch, long updates, double seconds, double secondsBefore) {
    /** Where an experiment file gives the target. */
    public static final String TARGET_KEY = "report.target_accuracy";
    /** Trial and aggregate columns. */
    public static final String UPDATES_TO_TARGET = "updates_to_target";
    public static final String TIME_TO_TARGET_S = "time_to_target_s";
    /** The lower bound of the time to target: the updates before the epoch that reached it x time per update. */
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
        long made = 0;
        for (int i = 0; i < epochs.length; i++) {
            long before = made;
            made += updates[i];
            if (testAccuracy[i] >= target) {
                return Optional.of(new TimeToTarget(epochs[i], made, made * updateTimeUs * 1e-6, before * updateTimeUs * 1e-6));
            }
        }
        return Optional.empty();
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
            Optional<TimeToTarget> reached = of(m.intColumn(Column.EPOCH.key()).asIntArray(),
                    java.util.Arrays.stream(m.intColumn(Column.UPDATES.key()).asIntArray()).asLongStream().toArray(),
                    m.doubleColumn(Column.TEST_ACCURACY.key()).asDoubleArray(), t.summaryValue(Metric.MEAN_UPDATE_TIME_US), target);
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
