package ffnlab.run;

import ffnlab.data.PreparedData;
import ffnlab.results.TrialDirectory;
import ffnlab.results.TrialSchema;
import ffnlab.sweep.TrialSpec;
import ffnlab.train.EpochRecord;
import ffnlab.tribuo.Baselines;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A trial whose model is one of Tribuo's linear baselines ({@code model.kind: linear | logistic}) instead of the
 * network: fitted by {@link Baselines#fit} on the same prepared data and seed, recorded in the same layout -
 * metrics.csv has one row (epoch 1: the fitted model; losses and update counts do not apply and are NaN / 0),
 * predictions.csv the baseline's test predictions, no parameters.csv.
 */
final class BaselineTrial {
    private BaselineTrial() {
    }

    static TrialOutcome run(TrialSpec trial, TrialDirectory dir, PreparedData d, long startNanos) {
        Instant started = Instant.now();
        double loadAtStart = Provenance.loadAverage();
        dir.writeYaml(TrialDirectory.TRIAL, TrialRunner.trialYaml(trial));
        String kind = trial.config().model().kind();
        long fit = System.nanoTime();
        Baselines.Result r = Baselines.fit(d, kind, trial.seed());
        double seconds = (System.nanoTime() - fit) / 1e9;
        EpochRecord record = new EpochRecord(1, Double.NaN, r.trainMse(), r.testMse(), r.trainAccuracy(),
                r.testAccuracy(), Double.NaN, seconds, 0, Double.NaN);
        dir.write(TrialDirectory.METRICS, TrialSchema.metricsCsv(List.of(record), d::mseInOriginalUnits));
        StringBuilder p = new StringBuilder("actual,predicted\n");
        for (int i = 0; i < r.predictions().actual().size(); i++) {
            p.append(r.predictions().actual().get(i)).append(',').append(r.predictions().predicted().get(i)).append('\n');
        }
        dir.write(TrialDirectory.PREDICTIONS, p.toString());
        double wall = (System.nanoTime() - startNanos) / 1e9;
        dir.writeYaml(TrialDirectory.PROVENANCE, Provenance.of(trial.engine(), 1, "tribuo", "tribuo " + kind + " SGD, 1 thread", d.sha256(), started, Instant.now(),
                loadAtStart));
        Map<String, Object> summary = TrialSchema.summary(List.of(record), 1, 0, d.task() == ffnlab.data.Task.CLASSIFICATION,
                d::mseInOriginalUnits, wall, "none");
        dir.writeYaml(TrialDirectory.SUMMARY, summary);
        String result = d.task() == ffnlab.data.Task.CLASSIFICATION
                ? String.format(java.util.Locale.ROOT, "%s baseline test_accuracy %.4f", kind, r.testAccuracy())
                : String.format(java.util.Locale.ROOT, "%s baseline test_mse %.4g", kind, r.testMse());
        return new TrialOutcome(trial, TrialOutcome.Status.FINISHED, result, wall);
    }

}
