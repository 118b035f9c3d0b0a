package ffnlab.backend.cpu;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed team of threads that runs the blocks 0..count-1 of one job at a time: the caller plus
 * {@code threads - 1} workers claim blocks from a shared claim word, so a descheduled worker (a busy, shared
 * machine) never holds the caller up: the caller simply claims the rest. Which thread runs a block never
 * changes its result, because each block is one deterministic kernel call on a fixed partition.
 *
 * <p><b>Invariant.</b> A dispatch is published by one volatile write of the claim word, which holds everything a
 * claim is checked against: (generation &lt;&lt; 32) | (count &lt;&lt; 16) | next block. A thread claims block
 * {@code n} only by a compare-and-set of a word it read with the live generation and {@code n < count}, so each
 * block of each dispatch is claimed exactly once, and a thread holding a word of an earlier dispatch fails its
 * compare-and-set. A successful claim proves the dispatch unfinished (block {@code n} had not been handed out), and
 * the caller starts the next dispatch only after every block of this one has run, so the job that the claiming
 * thread reads after its claim is still this dispatch's; likewise every completion counted in {@link #completed}
 * belongs to the live dispatch, and the caller returns only when all {@code count} have been counted, never while a
 * block still runs.
 *
 * <p>Dispatch allocates nothing. Idle workers spin briefly (the next operation of a training step follows within
 * microseconds), then park; a worker announces that it parks before re-reading the claim word, and the caller reads
 * the announcement after publishing, so one of the two always sees the other. Not thread-safe: one caller at a
 * time (one training engine).
 */
final class WorkerTeam implements AutoCloseable {

    /** A job: the work of one block. Implementations keep their operands in fields, so a call allocates nothing. */
    @FunctionalInterface
    interface Blocks {
        void run(int block);
    }

    /** The most blocks one dispatch may have (the count field of the claim word). */
    static final int MAX_COUNT = 0xFFFF;
    /** How long an idle worker spins before parking, in nanoseconds. */
    private static final long SPIN_NANOS = 50_000;
    /** Spins of a waiting caller between yields of its time slice. */
    private static final int SPINS_BEFORE_YIELD = 2_000;

    private final int threads;
    private final Thread[] workers;
    private final AtomicLong claim = new AtomicLong();
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicInteger parked = new AtomicInteger();
    private long generation;
    private volatile Blocks job;
    private volatile Throwable failure;
    private volatile boolean closed;

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
        if (blockCount > MAX_COUNT) {
            throw new IllegalArgumentException("at most " + MAX_COUNT + " blocks per dispatch, got " + blockCount);
        }
        if (closed) {
            throw new IllegalStateException("the worker team is closed");
        }
        // the previous dispatch has finished: no thread can claim, run or count anything until the word below
        job = blocks;
        failure = null;
        completed.set(0);
        long g = ++generation % 0xFFFF_FFFFL + 1;   // 1 .. 2^32 - 1: never the workers' initial 0
        claim.set(g << 32 | (long) blockCount << 16);
        if (parked.get() > 0) {
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

    /** Claims and runs blocks of generation g until none is left (or the dispatch has moved on). */
    private void drain(long g) {
        while (true) {
            long w = claim.get();
            int next = (int) (w & 0xFFFF);
            if (w >>> 32 != g || next >= (int) (w >>> 16 & 0xFFFF)) {
                return;
            }
            if (claim.compareAndSet(w, w + 1)) {
                try {
                    job.run(next);
                } catch (Throwable e) {
                    if (failure == null) {
                        failure = e;
                    }
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
                parked.incrementAndGet();
                if (claim.get() >>> 32 == seen && !closed) {
                    LockSupport.park(this);
                }
                parked.decrementAndGet();
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
