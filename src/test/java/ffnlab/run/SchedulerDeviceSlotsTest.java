package ffnlab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several trials on one GPU (backend.gpu_trials): the permits arithmetic and the device slots, without a GPU. */
class SchedulerDeviceSlotsTest {
    @TempDir
    Path dir;

    private List<TrialSpec> trials() throws IOException {
        Files.writeString(dir.resolve("s.yaml"), "dataset: {source: toy-mapping}\nseeds: [1, 2, 3, 4]\n"
                + "sweep: {grid: {model.hidden: [1, 2, 3]}}\n");
        ExperimentSpec spec = new ExperimentFiles(dir).load("s", null, Map.of());
        return SweepExpander.trials(spec, SweepExpander.configurations(spec, c -> new int[] {2, 2}), c -> "d", c -> "gpu", "engine");
    }

    @Test
    void aGpuTrialTakesTheBudgetDividedByTheTrialsAtOnce() {
        Scheduler s = new Scheduler(16);
        assertEquals(16, s.deviceShare(1), "one at a time: the whole budget, as before");
        assertEquals(4, s.deviceShare(4));
        assertEquals(5, s.deviceShare(3), "3 x 5 = 15 of 16 permits");
        assertEquals(2, s.deviceShare(6), "6 x 2 = 12: 8 would fit in the permits, the device slots keep it at 6");
        assertEquals(1, s.deviceShare(16));
        assertEquals(1, s.deviceShare(40), "never below one permit");
        for (int k = 1; k <= 40; k++) {
            assertTrue(k * s.deviceShare(k) <= 16 || s.deviceShare(k) == 1, "k = " + k + " fits in the budget");
            assertEquals(Math.min(k, 16), s.trialsAtOnceOnDevice(k), "k = " + k);
        }
        assertEquals(1, new Scheduler(2).trialsAtOnceOnDevice(1));
        assertEquals(2, new Scheduler(2).trialsAtOnceOnDevice(8), "the pool's 2 threads bound it");
        assertThrows(IllegalArgumentException.class, () -> s.deviceShare(0));
    }

    /**
     * Budget 8, k = 3: each GPU trial takes floor(8 / 3) = 2 permits, so a fourth would fit in the permits (8) but
     * not in the device slots (3). The first three meet at a latch (so three do run at once), then wait a while for a
     * fourth to start: with the slots working it cannot, and the peak stays at 3.
     */
    @Test
    void atMostKGpuTrialsRunAtOnceAndKDo() throws Exception {
        List<TrialSpec> trials = trials();
        Scheduler scheduler = new Scheduler(8);
        int k = 3;
        AtomicInteger onDevice = new AtomicInteger();
        AtomicInteger permitsInUse = new AtomicInteger();
        AtomicInteger peakOnDevice = new AtomicInteger();
        AtomicInteger peakPermits = new AtomicInteger();
        AtomicInteger started = new AtomicInteger();
        CountDownLatch firstK = new CountDownLatch(k);
        CountDownLatch oneMore = new CountDownLatch(1);
        List<TrialOutcome> outcomes = scheduler.run(trials, t -> scheduler.deviceShare(k), t -> k, (t, threads) -> {
            int order = started.incrementAndGet();
            peakOnDevice.accumulateAndGet(onDevice.incrementAndGet(), Math::max);
            peakPermits.accumulateAndGet(permitsInUse.addAndGet(threads), Math::max);
            try {
                if (order <= k) {
                    firstK.countDown();
                    assertTrue(firstK.await(30, TimeUnit.SECONDS), "k trials ran at once");
                    oneMore.await(300, TimeUnit.MILLISECONDS);
                } else {
                    oneMore.countDown();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                permitsInUse.addAndGet(-threads);
                onDevice.decrementAndGet();
            }
            return new TrialOutcome(t, TrialOutcome.Status.FINISHED, "ok", 0);
        });
        assertEquals(trials, outcomes.stream().map(TrialOutcome::trial).toList());
        assertTrue(outcomes.stream().allMatch(o -> o.status() == TrialOutcome.Status.FINISHED), "every trial finished");
        assertEquals(k, peakOnDevice.get(), "GPU trials at once");
        assertTrue(peakPermits.get() <= 8, "permits " + peakPermits.get());
    }

    @Test
    void theKeyBindsIsCheckedAndLeavesTheTrialIdAlone() throws Exception {
        Files.writeString(dir.resolve("k.yaml"), "dataset: {source: toy-mapping}\nseeds: [1, 2]\nbackend: {gpu_trials: 4}\n");
        Files.writeString(dir.resolve("one.yaml"), "dataset: {source: toy-mapping}\nseeds: [1, 2]\n");
        ExperimentSpec k = new ExperimentFiles(dir).load("k", null, Map.of());
        ExperimentSpec one = new ExperimentFiles(dir).load("one", null, Map.of());
        List<TrialSpec> withK = SweepExpander.trials(k, SweepExpander.configurations(k, c -> new int[] {2, 2}), c -> "d", c -> "gpu", "e");
        List<TrialSpec> alone = SweepExpander.trials(one, SweepExpander.configurations(one, c -> new int[] {2, 2}), c -> "d", c -> "gpu", "e");
        assertEquals(4, withK.get(0).config().backend().gpuTrials());
        assertEquals(1, alone.get(0).config().backend().gpuTrials(), "the default: one at a time");
        assertEquals(alone.stream().map(TrialSpec::id).toList(), withK.stream().map(TrialSpec::id).toList(),
                "how many run at once is not part of a trial's id");
        Files.writeString(dir.resolve("zero.yaml"), "dataset: {source: toy-mapping}\nbackend: {gpu_trials: 0}\n");
        Exception e = assertThrows(Exception.class, () -> {
            ExperimentSpec z = new ExperimentFiles(dir).load("zero", null, Map.of());
            SweepExpander.configurations(z, c -> new int[] {2, 2});
        });
        assertTrue(String.valueOf(e.getMessage()).contains("backend.gpu_trials"), e.getMessage());
    }
}
