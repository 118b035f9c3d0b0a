package ffnlab.backend.cpu;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed team of threads that runs the blocks 0..count-1 of one job at a time: the caller plus
 * {@code threads - 1} workers claim blocks from the job's own counter, so a descheduled worker (a busy, shared
 * machine) never holds the caller up: the caller simply claims the rest. Which thread runs a block never
 * changes its result, because each block is one deterministic kernel call on a fixed partition.
 *
 * <p><b>Invariant.</b> Everything a thread needs to take part in a job (the blocks, their count, the claim
 * counter, the completion counter, the first failure) lives in one immutable {@link Job} whose counters belong
 * to that job alone, and a job is published by one volatile write of {@link #current}. A thread claims block
 * {@code b} of job {@code j} only by {@code j.next.getAndIncrement() == b} with {@code b < j.count}, and counts
 * it done only in {@code j.done}. So each block of each job is claimed at most once (one counter, read and
 * advanced atomically, against a count fixed before publication), a thread that wakes late with an old job in
 * hand can only find that job's counter exhausted, and the caller, which returns only once {@code j.done}
 * reaches {@code j.count}, returns after every block of its job has finished, never while one still runs.
 *
 * <p>Idle workers spin briefly (the next operation of a training step follows within microseconds), then park;
 * a worker announces that it parks ({@link #parked}) before re-reading {@link #current}, and the caller reads
 * {@link #parked} after publishing, so one of the two always sees the other. Dispatch allocates one small
 * {@link Job}. Not thread-safe: one caller at a time (one training engine).
 */
final class WorkerTeam implements AutoCloseable {

    /** A job: the work of one block. Implementations keep their operands in fields. */
    @FunctionalInterface
    interface Blocks {
        void run(int block);
    }

    /** One dispatch: what to run, how many blocks, and its own claim and completion counters. */
    private static final class Job {
        final Blocks blocks;
        final int count;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        final AtomicReference<Throwable> failure = new AtomicReference<>();

        Job(Blocks blocks, int count) {
            this.blocks = blocks;
            this.count = count;
        }

        /** Claims and runs blocks of this job until none is left. */
        void drain() {
            for (int b = next.getAndIncrement(); b < count; b = next.getAndIncrement()) {
                try {
                    blocks.run(b);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.incrementAndGet();
                }
            }
        }
    }

    /** The job workers are told to close on. */
    private static final Job CLOSED = new Job(b -> { }, 0);

    /** How long an idle worker spins before parking, in nanoseconds. */
    private static final long SPIN_NANOS = 50_000;
    /** Spins of a waiting caller between yields of its time slice. */
    private static final int SPINS_BEFORE_YIELD = 2_000;

    private final int threads;
    private final Thread[] workers;
    private volatile Job current;
    private final AtomicInteger parked = new AtomicInteger();

    WorkerTeam(int threads, String name) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        this.workers = new Thread[threads - 1];
        for (int w = 0; w < workers.length; w++) {
            workers[w] = Thread.ofPlatform().daemon().name(name + "-" + (w + 1)).unstarted(this::work);
            workers[w].start();
        }
    }

    int threads() {
        return threads;
    }

    /** Runs blocks 0..count-1 and returns when all are done; rethrows the first failure. */
    void run(Blocks blocks, int blockCount) {
        if (workers.length == 0 || blockCount <= 1) {
            for (int b = 0; b < blockCount; b++) {
                blocks.run(b);
            }
            return;
        }
        if (current == CLOSED) {
            throw new IllegalStateException("the worker team is closed");
        }
        Job job = new Job(blocks, blockCount);
        current = job;
        if (parked.get() > 0) {
            for (Thread w : workers) {
                LockSupport.unpark(w);
            }
        }
        job.drain();
        int spins = 0;
        while (job.done.get() < blockCount) {
            if (++spins % SPINS_BEFORE_YIELD == 0) {
                Thread.yield();
            } else {
                Thread.onSpinWait();
            }
        }
        Throwable t = job.failure.get();
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }

    private void work() {
        Job seen = null;
        while (true) {
            Job job = awaitJob(seen);
            if (job == CLOSED) {
                return;
            }
            seen = job;
            job.drain();
        }
    }

    /** Spins, then parks, until a job other than {@code seen} is published. */
    private Job awaitJob(Job seen) {
        long spinStart = System.nanoTime();
        while (true) {
            Job job = current;
            if (job != seen) {
                return job;
            }
            if (System.nanoTime() - spinStart < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                parked.incrementAndGet();
                if (current == seen) {
                    LockSupport.park(this);
                }
                parked.decrementAndGet();
                spinStart = System.nanoTime();
            }
        }
    }

    @Override
    public void close() {
        current = CLOSED;
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
    }
}
