package ffnlab.cli;

import ffnlab.report.ReportCommand;
import ffnlab.run.DataSources;
import ffnlab.run.RunOptions;
import ffnlab.run.RunReport;
import ffnlab.run.slurm.ArrayJobFollower;
import ffnlab.run.slurm.ArrayJobOutcome;
import ffnlab.run.slurm.ArrayJobOutcome.TaskReport;
import ffnlab.run.slurm.SlurmClient;
import ffnlab.run.slurm.SlurmSweep;
import ffnlab.run.slurm.Submission;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code run NAME --executor slurm} / {@code -Dexecutor=slurm}: submits the sweep's unfinished trials as one
 * SLURM array job, prints the job id and how to follow it, and, with {@code --wait} / {@code -Dwait=true},
 * prints each trial as it finishes, each failed task with its array index and log, then the results table a
 * local run prints (over this sweep's trials only) and builds the HTML report, as a local run does. A trial
 * another process was running when its task started is reported as busy, as a local run reports it.
 * A search is submitted one round per array, each round decided from the results of the rounds before: without
 * waiting, each call submits the next round not yet run (and says which); with {@code --wait}, the command follows
 * each round's array to its end and submits the next, until the search ends or a task fails.
 * Exit status: 0 submitted (or all finished, or busy elsewhere), 1 some task failed, 2 bad input or SLURM refused.
 */
final class SlurmCommand {
    private SlurmCommand() {
    }

    static int run(CommandLine cl, RunOptions options, PrintStream out) {
        SlurmSweep sweep = new SlurmSweep(options, new DataSources(), cl.set(), new SlurmClient());
        ArrayJobOutcome outcome;
        SlurmSweep.Prepared prepared;
        try {
            while (true) {
                prepared = sweep.prepare(cl.experiment(), cl.slurm());
                if (prepared.search() != null && prepared.search().ended()) {
                    out.printf("ffnlab: %s: the search has ended: %d rounds, %d trials%n", prepared.plan().resultsName(),
                            prepared.search().round(), prepared.search().proposed().size());
                }
                outcome = sweep.submit(prepared, new ConsoleProgress(out));
                // a followed search round that ended well: decide the next round from its results and submit it
                if (prepared.search() == null || prepared.search().ended() || !outcome.followed() || !outcome.failed().isEmpty()
                        || !outcome.busy().isEmpty()) {
                    break;
                }
                out.printf("ffnlab: %s: search round %d ended (%d trials finished)%n", prepared.plan().resultsName(),
                        prepared.search().round(), outcome.finished().size());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println("ffnlab: interrupted; the array job keeps running (squeue, scancel)");
            return 1;
        }
        String name = prepared.plan().resultsName();
        String reportCommand = "mvn -q exec:java -Dexp=" + cl.experiment() + (options.profile() == null ? "" : " -Dprofile=" + options.profile().key())
                + " -Dreport-only=true";
        if (outcome.jobId().isEmpty() && !outcome.followed()) {
            out.printf("ffnlab: %s: nothing to submit: %d trials finished, %d still queued in an earlier array%n", name,
                    outcome.alreadyFinished().size(), outcome.alreadyQueued().size());
            if (outcome.alreadyQueued().isEmpty()) {
                List<String> order = prepared.reportedTrials();
                Main.afterRun(prepared.plan().spec(), new RunReport(name, prepared.request().resultsDirectory(), List.of(), 0), order, out);
                ReportCommand.run(name, options.results(), Main.reportsRoot(options.results()), out);
            }
            return 0;
        }
        if (!outcome.followed()) {
            String jobId = outcome.jobId().get();
            out.printf("ffnlab: %s: submitted job %s: %d trials as one array (%d finished, %d queued elsewhere, skipped)%n", name, jobId,
                    outcome.submitted(), outcome.alreadyFinished().size(), outcome.alreadyQueued().size());
            if (prepared.search() != null) {
                out.printf("  search round %d: run the same command once the array has ended to submit the next round "
                        + "(decided from its results), or submit with --wait to go round by round to the end%n", prepared.search().round());
            }
            out.printf("  follow it:  squeue -j %s   (or submit with -Dwait=true / --wait)%n", jobId);
            out.printf("  task logs:  %s%n", outcome.submission().logs().resolve(jobId + "_<task>.log"));
            out.printf("  report:     %s   once the array has ended%n", reportCommand);
            return 0;
        }
        String jobId = outcome.jobId().orElse("(earlier arrays)");
        out.printf("ffnlab: %s: job %s ended: %d trials finished, %d busy (another process), %d tasks failed%n", name, jobId,
                outcome.finished().size(), outcome.busy().size(), outcome.failed().size());
        for (TaskReport b : outcome.busy()) {
            out.printf("  task %d (trial %s) busy: another process is running the trial; its result appears when that process ends%n",
                    b.task(), b.trialId());
        }
        for (TaskReport f : outcome.failed()) {
            out.printf("  task %d (trial %s) %s: %s; log: %s%n", f.task(), f.trialId(), f.state(), f.detail(), f.log());
        }
        if (!outcome.failed().isEmpty()) {
            out.printf("  submit again to run only the %d unfinished trials%n", outcome.failed().size());
        }
        // the same table (and chapter comparison) as a local run prints, over this sweep's trials
        List<String> order = prepared.reportedTrials();
        Main.afterRun(prepared.plan().spec(), new RunReport(name, prepared.request().resultsDirectory(), List.of(), 0),
                order, out);
        ReportCommand.run(name, options.results(), Main.reportsRoot(options.results()), out);
        return outcome.failed().isEmpty() ? 0 : 1;
    }

    /** Prints the array's progress, one line per ended task. */
    private record ConsoleProgress(PrintStream out) implements ArrayJobFollower.Listener {
        @Override
        public void submitted(String jobId, Submission submission) {
            out.printf("ffnlab: submitted job %s (%d trials); script %s%n", jobId, submission.trialIds().size(), submission.script());
        }

        @Override
        public void trialFinished(TaskReport report, int ended, int total) {
            out.printf("  [%d/%d] task %d: trial %s finished%n", ended, total, report.task(), report.trialId());
        }

        @Override
        public void trialBusy(TaskReport report, int ended, int total) {
            out.printf("  [%d/%d] task %d: trial %s busy (another process is running it)%n", ended, total, report.task(), report.trialId());
        }

        @Override
        public void taskFailed(TaskReport report, int ended, int total) {
            out.printf("  [%d/%d] task %d: trial %s %s (%s); log: %s%n", ended, total, report.task(), report.trialId(), report.state(),
                    report.detail(), report.log());
        }
    }
}
