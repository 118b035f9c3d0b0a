package ffnlab.run;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Rebuilds something slow (a page) after requests, on one background thread, coalesced: the requests made while a
 * rebuild waits or runs are answered together by the next one, which renders the newest state there is. Rebuilds
 * start at least {@code minGap} apart and at least four times the last one's duration apart, so the thread takes at
 * most a fifth of a core from the work it reports on; an urgent request, and {@link #close}, start one at once.
 *
 * <p>Invariant: {@code render} runs only on this object's one thread, so two renders never overlap and are published
 * in the order they were rendered: a page rendered from older state never replaces a newer one. {@code publish} runs
 * under {@link #lock} and only while not {@code closed}; {@link #close} sets {@code closed} under the same lock, so
 * once close returns nothing is published, even by a render that outlived close's wait. Every request made before
 * close is answered (rendered and published) when close's wait allows. The counters and flags shared with the
 * requesting threads are read and written only under {@link #lock}.
 *
 * <p>A failing render or publish never reaches the requesting threads: the first failure is logged once (WARN) and
 * ends the rebuilds; later requests are ignored.
 *
 * @param <T> what a render produces and publish consumes
 */
public final class CoalescedRebuild<T> implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger();

    private final String what;
    private final Supplier<T> render;
    private final Consumer<T> publish;
    private final long minGapNanos;
    private final Duration closeWait;
    private final Object lock = new Object();
    private long requested;
    private long answered;
    private boolean urgent;
    private boolean closing;
    private boolean closed;
    private boolean stopped;

    /**
     * @param what      names what is rebuilt, in the thread's name and the one WARN line a failure gives
     * @param minGap    the least time between the starts of two rebuilds (urgent ones excepted)
     * @param closeWait how long {@link #close} waits for the requests made before it to be answered
     * @param render    builds the newest state (on the background thread, outside the lock)
     * @param publish   makes a render visible (under the lock, only while not closed)
     */
    public CoalescedRebuild(String what, Duration minGap, Duration closeWait, Supplier<T> render, Consumer<T> publish) {
        this.what = what;
        this.render = render;
        this.publish = publish;
        this.minGapNanos = minGap.toNanos();
        this.closeWait = closeWait;
        Thread.ofPlatform().daemon().name("rebuild " + what).start(this::loop);
    }

    /** Asks for a rebuild: at once when {@code now}, else once the gap since the last one has passed. */
    public void request(boolean now) {
        synchronized (lock) {
            if (closing || closed) {
                return;
            }
            requested++;
            urgent |= now;
            lock.notifyAll();
        }
    }

    private void loop() {
        long nextStart = System.nanoTime();
        try {
            while (true) {
                long target;
                synchronized (lock) {
                    while (true) {
                        if (closed || closing && answered == requested) {
                            return;
                        }
                        long wait = nextStart - System.nanoTime();
                        if (answered != requested && (urgent || closing || wait <= 0)) {
                            break;
                        }
                        lock.wait(answered == requested ? 0 : Math.max(1, wait / 1_000_000));
                    }
                    target = requested;
                    urgent = false;
                }
                long start = System.nanoTime();
                T rendered = render.get();
                nextStart = start + Math.max(minGapNanos, 4 * (System.nanoTime() - start));
                synchronized (lock) {
                    if (!closed) {
                        publish.accept(rendered);
                    }
                    answered = target;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            LOG.warn("{}: not updated any more: {}", what, String.valueOf(e.getMessage()));
        } finally {
            synchronized (lock) {
                stopped = true;
                lock.notifyAll();
            }
        }
    }

    /**
     * Answers the requests made so far (waiting at most the close wait), then stops: nothing is published after
     * this returns. Idempotent.
     */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closing = true;
            lock.notifyAll();
            long deadline = System.nanoTime() + closeWait.toNanos();
            try {
                for (long left = closeWait.toNanos(); !stopped && left > 0; left = deadline - System.nanoTime()) {
                    lock.wait(Math.max(1, left / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!stopped) {
                LOG.warn("{}: still rebuilding after {} s; left as it was", what, closeWait.toSeconds());
            }
            closed = true;
            lock.notifyAll();
        }
    }
}
