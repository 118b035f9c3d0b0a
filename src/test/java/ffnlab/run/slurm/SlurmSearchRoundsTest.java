package ffnlab.run.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.run.DataSources;
import ffnlab.run.ExperimentRun;
import ffnlab.run.Progress;
import ffnlab.run.RunOptions;
import ffnlab.run.TrialOutcome;
import ffnlab.search.SearchTable;
import ffnlab.sweep.TrialSpec;
import ffnlab.train.EpochRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search under {@code --executor slurm} with an in-memory scheduler: each submission holds one round, decided from
 * the trials finished on disk, and the rounds submitted, their trials and search.csv equal a local run's. A node's task
 * is played here by {@code ExperimentRun.run(plan, id)} in the submitter's JVM: it finds a later round's trial the way
 * a node's {@code trial --id} does.
 */
class SlurmSearchRoundsTest {
    private static final String BASE = """
            dataset: {source: toy-mapping, input_scaling: none}
            model: {hidden: [3], activation: sigmoid}
            training: {lr: 0.5, batch_size: 2, epochs: 40, reduction: sum, initialiser: uniform, init_range: 1.0}
            seeds: [1, 2]
            """;
    private static final String HYPERBAND = BASE + """
            sweep:
              halving: {metric: final_train_mse, rungs: [2, 6, 18], keep: 1/3, brackets: 3, seed: 2}
              grid:
                model.hidden: [1, 2, 3, 4, 5, 6]
                training.lr: [0.05, 0.5]
            """;
    private static final String TPE = BASE + """
            sweep:
              tpe:
                metric: final_train_mse
                trials: 7
                startup: 3
                batch: 2
                seed: 3
                params:
                  training.lr: {log_uniform: [0.01, 2.0]}
                  model.hidden: {int_uniform: [1, 8]}
            """;
    private static final Progress QUIET = new Progress() {
        @Override
        public void started(String experiment, int toRun, int finished) {
        }

        @Override
        public void trialStarted(TrialSpec trial) {
        }

        @Override
        public void epoch(TrialSpec trial, EpochRecord record) {
        }

        @Override
        public void trialEnded(TrialOutcome outcome) {
        }

        @Override
        public void close() {
        }
    };

    @TempDir
    Path dir;

    private RunOptions options(String results) {
        return new RunOptions(dir.resolve("experiments"), dir.resolve(results), null, Map.of(), false, 2, RunOptions.Reuse.SAME_ENGINE, null);
    }

    /** The trial ids of each round of search.csv, sorted within the round (a round's trials run in any order). */
    private static List<List<String>> rounds(Path experimentDir) {
        List<List<String>> rounds = new ArrayList<>();
        for (SearchTable.Row row : SearchTable.read(experimentDir)) {
            while (rounds.size() <= row.round()) {
                rounds.add(new ArrayList<>());
            }
            row.trials().stream().filter(id -> !rounds.get(row.round()).contains(id)).forEach(rounds.get(row.round())::add);
        }
        rounds.forEach(r -> r.sort(null));
        return rounds;
    }

    private void roundByRound(String name, String yaml) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("experiments"));
        Files.writeString(dir.resolve("experiments").resolve(name + ".yaml"), yaml);
        ExperimentRun local = new ExperimentRun(options("local"), new DataSources());
        local.run(local.plan(name), null, QUIET);
        List<List<String>> expected = rounds(dir.resolve("local").resolve(name));

        FakeScheduler scheduler = new FakeScheduler();
        SlurmSweep sweep = new SlurmSweep(options("slurm"), new DataSources(), null, new SlurmClient());
        SlurmOptions noWait = new SlurmOptions(null, "5", 1, null, List.of(), 0, SlurmOptions.thisJava(), List.of(), false, Duration.ofMillis(50));
        List<List<String>> submitted = new ArrayList<>();
        List<Integer> roundsSubmitted = new ArrayList<>();
        for (int call = 0; call < 20; call++) {
            SlurmSweep.Prepared prepared = sweep.prepare(name, Map.of());
            if (prepared.search().ended()) {
                break;
            }
            assertTrue(roundsSubmitted.isEmpty() || prepared.search().round() > roundsSubmitted.getLast(), "each call a later round");
            roundsSubmitted.add(prepared.search().round());
            ArrayJobOutcome outcome = new SlurmExecutor(scheduler).execute(prepared.request(), noWait, ArrayJobFollower.Listener.NONE);
            List<String> ids = new ArrayList<>(prepared.request().trialIds().stream().filter(id -> !outcome.alreadyFinished().contains(id)).toList());
            assertEquals(ids.size(), outcome.submitted());
            // the array's tasks, each as a node runs it: the trial found by id in the rounds decided so far
            ExperimentRun node = new ExperimentRun(options("slurm"), new DataSources());
            ExperimentRun.Plan plan = node.plan(name);
            for (String id : ids) {
                assertEquals(0, node.run(plan, id, QUIET).count(TrialOutcome.Status.FAILED), id);
            }
            scheduler.setAll(outcome.jobId().orElseThrow(), SlurmState.COMPLETED);
            ids.sort(null);
            submitted.add(ids);
        }
        // a round whose trials all finished in earlier rounds (shared by Hyperband's brackets) needs no array
        List<List<String>> toRun = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (List<String> round : expected) {
            List<String> fresh = round.stream().filter(id -> !seen.contains(id)).toList();
            seen.addAll(round);
            if (!fresh.isEmpty()) {
                toRun.add(fresh);
            }
        }
        assertEquals(toRun, submitted, "the arrays submitted hold the local run's rounds");
        assertEquals(Files.readString(dir.resolve("local").resolve(name).resolve(SearchTable.FILE)),
                Files.readString(dir.resolve("slurm").resolve(name).resolve(SearchTable.FILE)), "search.csv, values and outcomes bitwise");
        List<String> plan = Files.readAllLines(dir.resolve("slurm").resolve(name).resolve("plan.txt"));
        assertEquals(Files.readAllLines(dir.resolve("local").resolve(name).resolve("plan.txt")), plan, "plan.txt: every trial proposed");
        assertTrue(submitted.size() >= 3, submitted.toString());
    }

    @Test
    void hyperbandGoesRoundByRoundAsLocally() throws IOException, InterruptedException {
        roundByRound("hyperband", HYPERBAND);
    }

    @Test
    void tpeGoesRoundByRoundAsLocally() throws IOException, InterruptedException {
        roundByRound("tpe", TPE);
    }
}
