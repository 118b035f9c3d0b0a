package ffnlab.run.slurm;

import ffnlab.run.slurm.Scheduler.ArrayTaskState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scheduler in memory for unit tests: {@link #submit} records the script and gives ids 100, 101, ...; each job's
 * tasks start PENDING and change only when a test sets them ({@link #set}); {@link #forget} drops a job from the
 * controller's view, leaving what {@link #account} recorded. Thread-safe: every method is synchronized.
 */
final class FakeScheduler implements Scheduler {
    /** One submitted array: its script and its tasks' states (task i at index i). */
    record Job(String id, Path script, List<SlurmState> states) {
    }

    private final AtomicInteger nextId = new AtomicInteger(100);
    private final Map<String, Job> live = new LinkedHashMap<>();
    private final Map<String, List<ArrayTaskState>> accounting = new LinkedHashMap<>();
    private final List<Job> submitted = new ArrayList<>();
    private final List<List<ArrayTaskState>> script = new ArrayList<>();
    private long submitDelayMs;
    private int polls;
    private SlurmException nextSubmitFailure;
    private boolean queueDespiteFailure;

    /** Makes each submit take {@code ms} (a slow sbatch), widening any window between deciding and recording. */
    synchronized FakeScheduler submitDelay(long ms) {
        this.submitDelayMs = ms;
        return this;
    }

    /**
     * Makes the next submit throw {@code failure}; with {@code queued}, the job is queued all the same (a sbatch
     * whose answer was lost).
     */
    synchronized void failNextSubmit(SlurmException failure, boolean queued) {
        this.nextSubmitFailure = failure;
        this.queueDespiteFailure = queued;
    }

    @Override
    public String submit(Path script, String arraySpec) {
        long delay;
        synchronized (this) {
            delay = submitDelayMs;
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlurmException("interrupted");
        }
        int tasks = Integer.parseInt(arraySpec.replaceAll("%.*", "").split("-")[1]) + 1;
        synchronized (this) {
            String id = Integer.toString(nextId.getAndIncrement());
            Job job = new Job(id, script, new ArrayList<>(java.util.Collections.nCopies(tasks, SlurmState.PENDING)));
            SlurmException failure = nextSubmitFailure;
            nextSubmitFailure = null;
            if (failure != null && !queueDespiteFailure) {
                throw failure;
            }
            live.put(id, job);
            submitted.add(job);
            if (failure != null) {
                throw failure;
            }
            return id;
        }
    }

    /** Sets the state of {@code task} of job {@code id} as the controller shows it. */
    synchronized void set(String id, int task, SlurmState state) {
        live.get(id).states().set(task, state);
    }

    /** Sets every task of job {@code id}. */
    synchronized void setAll(String id, SlurmState state) {
        java.util.Collections.fill(live.get(id).states(), state);
    }

    /** The controller forgets job {@code id}. */
    synchronized void forget(String id) {
        live.remove(id);
    }

    /** What accounting reports for job {@code id}. */
    synchronized void account(String id, List<ArrayTaskState> tasks) {
        accounting.put(id, List.copyOf(tasks));
    }

    /**
     * Answers the next {@link #queue} calls with these lists in turn (each call takes one), before falling back to
     * the jobs' states: a scripted sequence of what the controller shows.
     */
    synchronized void script(List<List<ArrayTaskState>> answers) {
        script.addAll(answers);
    }

    synchronized List<Job> submitted() {
        return List.copyOf(submitted);
    }

    synchronized int polls() {
        return polls;
    }

    @Override
    public synchronized Optional<List<ArrayTaskState>> queue(String jobId, String jobName) {
        polls++;
        if (!script.isEmpty()) {
            List<ArrayTaskState> next = script.removeFirst();
            return next.isEmpty() ? Optional.empty() : Optional.of(next);
        }
        Job job = live.get(jobId);
        if (job == null) {
            return Optional.empty();
        }
        List<ArrayTaskState> tasks = new ArrayList<>();
        for (int t = 0; t < job.states().size(); t++) {
            tasks.add(new ArrayTaskState(t, job.states().get(t), ""));
        }
        return Optional.of(tasks);
    }

    @Override
    public synchronized Optional<List<ArrayTaskState>> accounting(String jobId) {
        return Optional.ofNullable(accounting.get(jobId));
    }

    @Override
    public synchronized Optional<String> findJob(String jobName, Path script) {
        return live.values().stream().filter(j -> j.script().equals(script)).map(Job::id).findFirst();
    }

    @Override
    public synchronized void cancel(String jobId) {
        Job job = live.get(jobId);
        if (job != null) {
            job.states().replaceAll(s -> s.ended() ? s : SlurmState.CANCELLED);
        }
    }
}
