package ffnlab.run;

import ffnlab.sweep.TrialSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.ToIntFunction;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Runs trials within a core budget of T threads: each trial takes as many permits as the threads it uses
 * (1 for a small network, all T for a large one, see {@link #threadsFor}), trials start in declared order as
 * permits free up, so small trials run T at a time and a large one runs alone; the budget is never exceeded.
 * Results do not depend on T or on the order trials finish (each trial is seeded by its own seed).
 *
 * <p>GPU trials: one device takes k trials at once ({@code backend.gpu_trials}); each such trial takes
 * {@link #deviceShare} = max(1, floor(T / k)) permits, so k of them fit in the budget, and one of the run's G device
 * slots, G being the largest k among its trials. Invariant: at most min(G, T) GPU trials hold a slot at any time
 * and the permits in use never exceed T; both semaphores are acquired in declared order by the one submitting
 * thread and released by the trial that took them, whatever way it ends.
 */
public final class Scheduler {
    private static final Logger LOG = LogManager.getLogger();
    /** A trial is large when its parameters times training patterns reach this (about one epoch's multiply-adds). */
    public static final long LARGE_WORK = 500_000_000L;

    private final int budget;

    public Scheduler(int budget) {
        if (budget < 1) {
            throw new IllegalArgumentException("the thread budget must be at least 1, got " + budget);
        }
        this.budget = budget;
    }

    public int budget() {
        return budget;
    }

    /**
     * Threads for one trial: its {@code backend.threads} when set (capped by the budget); else 1 when
     * parameters x patterns is below {@link #LARGE_WORK}, the whole budget otherwise.
     */
    public int threadsFor(int requested, long parameters, long patterns) {
        if (requested > 0) {
            return Math.min(requested, budget);
        }
        return parameters * patterns < LARGE_WORK ? 1 : budget;
    }

    /**
     * Permits one GPU trial takes when the device trains {@code gpuTrials} at once: max(1, floor(T / gpuTrials)),
     * so that gpuTrials of them fit in the budget T (1 trial at a time: the whole budget, as a large CPU trial).
     */
    public int deviceShare(int gpuTrials) {
        if (gpuTrials < 1) {
            throw new IllegalArgumentException("backend.gpu_trials must be at least 1, got " + gpuTrials);
        }
        return Math.max(1, budget / gpuTrials);
    }

    /** How many GPU trials run at once when the device takes {@code gpuTrials}: the pool has T threads. */
    public int trialsAtOnceOnDevice(int gpuTrials) {
        return Math.min(gpuTrials, budget / deviceShare(gpuTrials));
    }

    /** A trial's work, run on a scheduler thread with the given thread count. */
    @FunctionalInterface
    public interface Task {
        TrialOutcome run(TrialSpec trial, int threads);
    }

    /** Runs every trial (none on a GPU); returns the outcomes in the trials' order. */
    public List<TrialOutcome> run(List<TrialSpec> trials, ToIntFunction<TrialSpec> threads, Task task) {
        return run(trials, threads, t -> 0, task);
    }

    /**
     * Runs every trial; returns the outcomes in the trials' order. {@code gpuTrials} gives a GPU trial's
     * {@code backend.gpu_trials} (k at least 1) and 0 for a trial that does not run on the GPU.
     */
    public List<TrialOutcome> run(List<TrialSpec> trials, ToIntFunction<TrialSpec> threads, ToIntFunction<TrialSpec> gpuTrials,
                                  Task task) {
        Semaphore permits = new Semaphore(budget);
        Semaphore deviceSlots = new Semaphore(Math.max(1, trials.stream().mapToInt(gpuTrials).max().orElse(1)));
        List<Future<TrialOutcome>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(budget, r -> {
            Thread t = new Thread(r, "trial-" + Integer.toHexString(System.identityHashCode(r)));
            t.setDaemon(true);
            return t;
        })) {
            for (TrialSpec trial : trials) {
                int n = threads.applyAsInt(trial);
                int slot = gpuTrials.applyAsInt(trial) > 0 ? 1 : 0;
                deviceSlots.acquireUninterruptibly(slot);
                permits.acquireUninterruptibly(n);
                futures.add(pool.submit(() -> {
                    try {
                        return task.run(trial, n);
                    } catch (RuntimeException e) {
                        LOG.error("trial {} ({}) failed: {}", trial.id(), trial.label(), e.toString());
                        LOG.debug("trial failure", e);
                        return new TrialOutcome(trial, TrialOutcome.Status.FAILED, String.valueOf(e.getMessage()), 0);
                    } finally {
                        permits.release(n);
                        deviceSlots.release(slot);
                    }
                }));
            }
            List<TrialOutcome> out = new ArrayList<>();
            for (Future<TrialOutcome> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running trials", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
