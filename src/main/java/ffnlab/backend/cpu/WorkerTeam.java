package ffnlab.backend.cpu;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed team of threads that runs the blocks 0..count-1 of one job at a time: the caller plus
 * {@code threads - 1} workers claim blocks from a shared counter, so a descheduled worker (a busy, shared
 * machine) never holds the caller up: the caller simply claims the rest. Which thread runs a block never
 * changes its result, because each block is one deterministic kernel call on a fixed partition.
 *
 * <p>The claim counter is one {@code long}, (generation &lt;&lt; 32) | next block, so a worker that wakes late
 * cannot claim a block of a job that has moved on. Dispatch allocates nothing. Idle workers spin briefly
 * (the next operation of a training step follows within microseconds), then park. Not thread-safe: one
 * caller at a time (one training engine).
 */
final class WorkerTeam implements AutoCloseable {

    /** A job: the work of one block. Implementations keep their operands in fields, so a call allocates nothing. */
    @FunctionalInterface
    interface Blocks {
        void run(int block);
    }

    /** How long an idle worker spins before parking, in nanoseconds. */
    private static final long SPIN_NANOS = 50_000;
    /** Spins of a waiting caller between yields of its time slice. */
    private static final int SPINS_BEFORE_YIELD = 2_000;

    private final int threads;
    private final Thread[] workers;
    private final AtomicLong claim = new AtomicLong();
    private final AtomicInteger completed = new AtomicInteger();
    private long generation;
    private volatile Blocks job;
    private volatile int count;
    private volatile boolean closed;
    private volatile Throwable failure;
    private final AtomicInteger parkedCount = new AtomicInteger();

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
        job = blocks;
        count = blockCount;
        completed.set(0);
        long g = ++generation;
        claim.set(g << 32);
        if (parkedCount.get() > 0) {
            for (Thread w : workers) {
                LockSupport.unpark(w);
            }
        }
        drain(g);
        int spins = 0;
        while (completed.get() < blockCount) {
            if (++spins % SPINS_BEFORE_YIELD == 0) {
                Thread.yield();
            } else {
                Thread.onSpinWait();
            }
        }
        Throwable t = failure;
        if (t != null) {
            failure = null;
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException(t);
        }
    }

    /** Claims and runs blocks of generation g until none is left (or the job has moved on). */
    private void drain(long g) {
        while (true) {
            long v = claim.get();
            int block = (int) v;
            if (v >>> 32 != g || block >= count) {
                return;
            }
            if (claim.compareAndSet(v, v + 1)) {
                try {
                    job.run(block);
                } catch (Throwable e) {
                    failure = e;
                } finally {
                    completed.incrementAndGet();
                }
            }
        }
    }

    private void work() {
        long seen = 0;
        while (true) {
            long g = awaitGeneration(seen);
            if (g < 0) {
                return;
            }
            seen = g;
            drain(g);
        }
    }

    /** Spins, then parks, until a generation after {@code seen} is published; -1 once closed. */
    private long awaitGeneration(long seen) {
        long spinStart = System.nanoTime();
        while (true) {
            if (closed) {
                return -1;
            }
            long g = claim.get() >>> 32;
            if (g != seen) {
                return g;
            }
            if (System.nanoTime() - spinStart < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                parkedCount.incrementAndGet();
                if (claim.get() >>> 32 == seen && !closed) {
                    LockSupport.park(this);
                }
                parkedCount.decrementAndGet();
                spinStart = System.nanoTime();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
    }
}
