package ffnlab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The background rebuild under many requesting threads: renders never overlap, a page of older state is never
 * published after a newer one, the newest state is published by close, and nothing after it.
 */
class CoalescedRebuildTest {
    private static final int THREADS = 8;
    private static final int REQUESTS = 2_000;

    @RepeatedTest(5)
    void rendersNeverOverlapAndTheNewestStateIsPublishedLast() throws Exception {
        AtomicLong state = new AtomicLong();
        AtomicInteger rendering = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        List<Long> published = new CopyOnWriteArrayList<>();
        CoalescedRebuild<Long> rebuild = new CoalescedRebuild<>("test page", Duration.ZERO, Duration.ofSeconds(60), () -> {
            if (rendering.incrementAndGet() != 1) {
                overlaps.incrementAndGet();
            }
            long seen = state.get();
            Thread.onSpinWait();
            Thread.yield();
            rendering.decrementAndGet();
            return seen;
        }, published::add);
        CyclicBarrier go = new CyclicBarrier(THREADS);
        List<Thread> threads = new java.util.ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                for (int r = 0; r < REQUESTS; r++) {
                    state.incrementAndGet(); // a trial ends, then asks for the page
                    rebuild.request(r % 500 == 0);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        rebuild.close();
        int afterClose = published.size();
        rebuild.request(true);
        assertEquals(0, overlaps.get(), "two renders ran at once");
        for (int i = 1; i < published.size(); i++) {
            assertTrue(published.get(i) >= published.get(i - 1), "state " + published.get(i) + " published after the newer "
                    + published.get(i - 1));
        }
        assertEquals((long) THREADS * REQUESTS, published.getLast(), "the newest state is published by close");
        assertTrue(published.size() < THREADS * REQUESTS, "requests were not coalesced: " + published.size());
        Thread.sleep(50);
        assertEquals(afterClose, published.size(), "published after close");
    }

    @Test
    void aRenderThatOutlivesCloseIsNeverPublished() throws Exception {
        CountDownLatch rendering = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch rendered = new CountDownLatch(1);
        List<String> published = new CopyOnWriteArrayList<>();
        CoalescedRebuild<String> rebuild = new CoalescedRebuild<>("slow page", Duration.ZERO, Duration.ofMillis(1), () -> {
            rendering.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            rendered.countDown();
            return "stale";
        }, published::add);
        rebuild.request(true);
        rendering.await();
        rebuild.close(); // gives up waiting: the run goes on to its final report
        release.countDown();
        rendered.await();
        rebuild.close();
        assertEquals(List.of(), published, "a live page written after close would replace the final report");
    }

    @Test
    void aFailingRenderStopsTheRebuildsWithoutReachingTheCaller() {
        AtomicInteger renders = new AtomicInteger();
        List<String> published = new CopyOnWriteArrayList<>();
        CoalescedRebuild<String> rebuild = new CoalescedRebuild<>("broken page", Duration.ZERO, Duration.ofSeconds(60), () -> {
            renders.incrementAndGet();
            throw new IllegalStateException("cannot read results");
        }, published::add);
        rebuild.request(true);
        rebuild.close();
        rebuild.request(true);
        rebuild.close();
        assertEquals(1, renders.get());
        assertEquals(List.of(), published);
    }

    @Test
    void requestsWithinTheGapAreAnsweredByOneRebuild() {
        AtomicInteger renders = new AtomicInteger();
        List<Integer> published = new CopyOnWriteArrayList<>();
        CoalescedRebuild<Integer> rebuild = new CoalescedRebuild<>("page", Duration.ofHours(1), Duration.ofSeconds(60),
                renders::incrementAndGet, published::add);
        for (int i = 0; i < 100; i++) {
            rebuild.request(false); // the first starts at once; the others wait for the gap, then close answers them
        }
        rebuild.close();
        assertTrue(renders.get() <= 2, renders.get() + " renders for requests within one gap");
        assertEquals(renders.get(), published.getLast());
    }
}
