package ffnlab.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** The team runs every block of every job exactly once, and hands a block's failure to the caller. */
class WorkerTeamTest {

    @Test
    void everyBlockOfEveryJobRunsExactlyOnce() {
        try (WorkerTeam team = new WorkerTeam(3, "test")) {
            for (int job = 0; job < 2000; job++) {
                int blocks = 1 + job % 9;
                AtomicIntegerArray runs = new AtomicIntegerArray(blocks);
                team.run(runs::incrementAndGet, blocks);
                int[] expected = new int[blocks];
                java.util.Arrays.fill(expected, 1);
                int[] actual = new int[blocks];
                for (int b = 0; b < blocks; b++) {
                    actual[b] = runs.get(b);
                }
                assertArrayEquals(expected, actual, "job " + job);
            }
        }
    }

    @Test
    void aFailingBlockFailsTheRunAndTheTeamGoesOn() {
        try (WorkerTeam team = new WorkerTeam(2, "test")) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> team.run(b -> {
                if (b == 3) {
                    throw new IllegalStateException("block 3");
                }
            }, 6));
            assertEquals("block 3", e.getMessage());
            AtomicIntegerArray runs = new AtomicIntegerArray(4);
            team.run(runs::incrementAndGet, 4);
            assertEquals(4, runs.get(0) + runs.get(1) + runs.get(2) + runs.get(3));
        }
    }

    @Test
    void columnBlocksAreAlignedCoverTheColumnsAndIgnoreThreads() {
        for (int n : new int[] {1, 15, 17, 64, 512, 784, 1000}) {
            for (long work : new long[] {1, 100, 50_000, 1_000_000}) {
                int w = ColumnBlocks.width(n, work);
                int count = ColumnBlocks.count(n, w);
                assertTrue(w == n || w % ColumnBlocks.ALIGN == 0, "width " + w + " for n " + n);
                assertTrue(count <= ColumnBlocks.MAX_BLOCKS, "count " + count);
                assertTrue((count - 1) * w < n && count * w >= n, "cover n " + n);
            }
        }
    }
}
