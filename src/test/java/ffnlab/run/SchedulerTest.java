package ffnlab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.spec.ExperimentFiles;
import ffnlab.spec.ExperimentSpec;
import ffnlab.sweep.SweepExpander;
import ffnlab.sweep.TrialSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchedulerTest {
    @TempDir
    Path dir;

    private List<TrialSpec> trials() throws IOException {
        Files.writeString(dir.resolve("s.yaml"), "dataset: {source: toy-mapping}\nseeds: [1, 2, 3, 4]\n"
                + "sweep: {grid: {model.hidden: [1, 2, 3, 4, 5]}}\n");
        ExperimentSpec spec = new ExperimentFiles(dir).load("s", null, Map.of());
        return SweepExpander.trials(spec, SweepExpander.configurations(spec, c -> new int[] {2, 2}), c -> "d", c -> "cpu", "engine");
    }

    @Test
    void smallAndLargeTrialsNeverExceedTheBudgetAndOutcomesKeepTheOrder() throws Exception {
        List<TrialSpec> trials = trials();
        Scheduler scheduler = new Scheduler(3);
        AtomicInteger inUse = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        List<TrialOutcome> outcomes = scheduler.run(trials, t -> t.seed() == 4 ? 3 : 1, (t, threads) -> {
            int now = inUse.addAndGet(threads);
            peak.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inUse.addAndGet(-threads);
            return new TrialOutcome(t, TrialOutcome.Status.FINISHED, "ok", 0);
        });
        assertEquals(trials, outcomes.stream().map(TrialOutcome::trial).toList());
        assertTrue(peak.get() <= 3, "peak " + peak.get());
        assertTrue(peak.get() >= 2, "small trials ran in parallel");
    }

    @Test
    void threadsFollowTheNetworkSizeAndTheCap() {
        Scheduler s = new Scheduler(4);
        assertEquals(1, s.threadsFor(0, 2561, 14448), "width-sweep's largest network: one thread, trials in parallel");
        assertEquals(4, s.threadsFor(0, 669_706, 60_000), "Fashion-MNIST's network: all threads");
        assertEquals(2, s.threadsFor(2, 669_706, 60_000), "backend.threads asks for 2");
        assertEquals(4, s.threadsFor(16, 10, 10), "capped by the budget");
    }

    @Test
    void aFailingTrialIsRecordedAndTheOthersRun() throws Exception {
        List<TrialSpec> trials = trials();
        List<TrialOutcome> outcomes = new Scheduler(2).run(trials, t -> 1, (t, n) -> {
            if (t.seed() == 2) {
                throw new IllegalStateException("boom");
            }
            return new TrialOutcome(t, TrialOutcome.Status.FINISHED, "ok", 0);
        });
        assertEquals(5, outcomes.stream().filter(o -> o.status() == TrialOutcome.Status.FAILED).count());
        assertEquals(15, outcomes.stream().filter(o -> o.status() == TrialOutcome.Status.FINISHED).count());
    }
}
