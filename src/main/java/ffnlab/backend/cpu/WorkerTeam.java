package ffnlab.backend.cpu;

import java.util.concurrent.locks.LockSupport;

/**
 * A fixed team of threads that runs the blocks 0..count-1 of one job at a time: the caller plus
 * {@code threads - 1} workers. Block b goes to member b mod threads (a static assignment, no work
 * stealing), so dispatch allocates nothing; which member runs a block never changes its result because
 * each block is one deterministic kernel call.
 *
 * <p>Idle workers spin briefly (the next operation of a training step follows within microseconds), then
 * park. Not thread-safe: one caller at a time (one training engine).
 */
final class WorkerTeam implements AutoCloseable {

    /** A job: the work of one block. Implementations keep their operands in fields, so a call allocates nothing. */
    @FunctionalInterface
    interface Blocks {
        void run(int block);
    }

    /** How long an idle worker spins before parking, in nanoseconds. */
    private static final long SPIN_NANOS = 50_000;

    private final int threads;
    private final Thread[] workers;
    private final Member[] members;
    private volatile Blocks job;
    private volatile int count;
    private volatile long generation;
    private volatile boolean closed;
    private volatile Throwable failure;

    /** Per-worker state, padded apart by being separate objects. */
    private static final class Member {
        volatile long done;
        volatile boolean parked;
    }

    WorkerTeam(int threads, String name) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        this.workers = new Thread[threads - 1];
        this.members = new Member[threads - 1];
        for (int w = 0; w < workers.length; w++) {
            Member member = new Member();
            members[w] = member;
            int index = w + 1;
            workers[w] = Thread.ofPlatform().daemon().name(name + "-" + index).unstarted(() -> work(index, member));
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
        long g = generation + 1;
        generation = g;
        for (int w = 0; w < workers.length; w++) {
            if (members[w].parked) {
                LockSupport.unpark(workers[w]);
            }
        }
        Throwable mine = null;
        try {
            for (int b = 0; b < blockCount; b += threads) {
                blocks.run(b);
            }
        } catch (Throwable e) {
            mine = e;
        }
        for (Member member : members) {
            while (member.done != g) {
                Thread.onSpinWait();
            }
        }
        job = null;
        Throwable theirs = failure;
        failure = null;
        if (mine != null || theirs != null) {
            Throwable t = mine != null ? mine : theirs;
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException(t);
        }
    }

    private void work(int index, Member member) {
        long seen = 0;
        while (true) {
            long g = awaitGeneration(seen, member);
            if (g < 0) {
                return;
            }
            seen = g;
            Blocks blocks = job;
            int n = count;
            try {
                for (int b = index; b < n; b += threads) {
                    blocks.run(b);
                }
            } catch (Throwable e) {
                failure = e;
            }
            member.done = g;
        }
    }

    /** Spins, then parks, until a generation after {@code seen} is published; -1 once closed. */
    private long awaitGeneration(long seen, Member member) {
        long spinStart = System.nanoTime();
        while (true) {
            if (closed) {
                return -1;
            }
            long g = generation;
            if (g != seen) {
                return g;
            }
            if (System.nanoTime() - spinStart < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                member.parked = true;
                if (generation == seen && !closed) {
                    LockSupport.park(this);
                }
                member.parked = false;
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
