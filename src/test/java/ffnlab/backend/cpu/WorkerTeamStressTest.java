package ffnlab.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

/**
 * Drives the team with many short jobs whose block counts grow and shrink, with more threads than cores so that
 * workers are descheduled in the middle of a claim. Each block adds one to its own cell of a plain (not atomic)
 * array, so a block run twice, a block of one job run by a late worker under the next job, or a caller that
 * returns while a block still runs all leave a cell that is not exactly 1 when {@code run} returns.
 *
 * <p>{@code -Dstress.jobs=N} sets the number of jobs (default 100,000, a few seconds).
 */
class WorkerTeamStressTest {
    private static final int MAX_BLOCKS = 24;

    /** The blocks of one job: counts its runs per block, and its late runs after the caller got control back. */
    private static final class CountingBlocks implements WorkerTeam.Blocks {
        final int[] runs = new int[MAX_BLOCKS];
        volatile boolean returned;
        volatile int lateRuns;

        @Override
        public void run(int block) {
            if (returned) {
                lateRuns++;
            }
            int before = runs[block];
            Thread.onSpinWait();
            runs[block] = before + 1;
        }
    }

    @Test
    void everyBlockOfEveryJobRunsExactlyOnceBeforeTheCallerReturns() {
        int jobs = Integer.getInteger("stress.jobs", 100_000);
        int threads = Math.max(4, Runtime.getRuntime().availableProcessors() + 2);
        // two alternating block objects: a worker that runs a block of job j under job j+1 writes into the other
        CountingBlocks[] pair = {new CountingBlocks(), new CountingBlocks()};
        try (WorkerTeam team = new WorkerTeam(threads, "stress")) {
            for (int job = 0; job < jobs; job++) {
                CountingBlocks blocks = pair[job & 1];
                java.util.Arrays.fill(blocks.runs, 0);
                blocks.returned = false;
                int count = 2 + (job * 7) % (MAX_BLOCKS - 1);
                team.run(blocks, count);
                blocks.returned = true;
                for (int b = 0; b < MAX_BLOCKS; b++) {
                    int expected = b < count ? 1 : 0;
                    if (blocks.runs[b] != expected) {
                        fail("job " + job + " of " + count + " blocks on " + threads + " threads: block " + b
                                + " ran " + blocks.runs[b] + " times before run returned, expected " + expected);
                    }
                }
                CountingBlocks previous = pair[(job + 1) & 1];
                assertEquals(0, previous.lateRuns, "blocks of job " + (job - 1) + " ran after its run returned");
            }
        }
    }
}
