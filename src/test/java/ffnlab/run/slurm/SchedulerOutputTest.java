package ffnlab.run.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.run.slurm.Scheduler.ArrayTaskState;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulerOutputTest {

    @Test
    void parsesSqueueArrayTasksWithReasons() {
        String out = """
                5_2|PENDING|JobArrayTaskLimit
                5_3|PENDING|JobArrayTaskLimit
                5_1|RUNNING|None
                5_0|COMPLETED|None
                """;
        assertEquals(List.of(
                new ArrayTaskState(0, SlurmState.COMPLETED, "None"),
                new ArrayTaskState(1, SlurmState.RUNNING, "None"),
                new ArrayTaskState(2, SlurmState.PENDING, "JobArrayTaskLimit"),
                new ArrayTaskState(3, SlurmState.PENDING, "JobArrayTaskLimit")), SchedulerOutput.parse("5", "squeue", out));
    }

    @Test
    void expandsPendingRangesAndIgnoresStepsAndOtherJobs() {
        String out = """
                12_0|COMPLETED|0:0
                12_0.batch|COMPLETED|0:0
                12_1|CANCELLED by 0|0:15
                12_[2-4,7%2]|PENDING|0:0
                120_5|FAILED|1:0
                13_1|FAILED|3:0
                """;
        List<ArrayTaskState> tasks = SchedulerOutput.parse("12", "sacct", out);
        assertEquals(List.of(0, 1, 2, 3, 4, 7), tasks.stream().map(ArrayTaskState::task).toList());
        assertEquals(SlurmState.CANCELLED, tasks.get(1).state());
        assertEquals("0:15", tasks.get(1).detail());
        assertEquals(SlurmState.PENDING, tasks.get(5).state());
    }

    @Test
    void aLaterLineForATaskReplacesAnEarlierOne() {
        assertEquals(List.of(new ArrayTaskState(1, SlurmState.FAILED, "3:0")),
                SchedulerOutput.parse("9", "sacct", "9_1|RUNNING|0:0\n9_1|FAILED|3:0\n"));
    }

    @Test
    void stepRangesAreExpanded() {
        assertEquals(List.of(1, 3, 5, 7, 9), SchedulerOutput.indices("[1-9:2]"));
        assertEquals(List.of(4), SchedulerOutput.indices("4"));
    }

    @Test
    void aMalformedLineIsNamedByCommandAndLine() {
        SlurmException e = assertThrows(SlurmException.class, () -> SchedulerOutput.parse("7", "squeue", "7_0|RUNNING|None\ngarbage\n"));
        assertEquals("squeue output line 2: expected JOBID_TASK|STATE|DETAIL, got 'garbage'", e.getMessage());
        SlurmException range = assertThrows(SlurmException.class, () -> SchedulerOutput.parse("7", "sacct", "7_[x-2]|PENDING|0:0"));
        assertTrue(range.getMessage().startsWith("sacct output line 1: expected an array task index or range"), range.getMessage());
    }

    @Test
    void statesKnowWhetherTheyEnded() {
        assertEquals(SlurmState.CANCELLED, SlurmState.parse("CANCELLED by 1000"));
        assertEquals(SlurmState.OUT_OF_MEMORY, SlurmState.parse("OUT_OF_MEMORY"));
        assertEquals(SlurmState.COMPLETED, SlurmState.parse("CD"));
        assertEquals(SlurmState.UNKNOWN, SlurmState.parse("SOMETHING_NEW"));
        assertFalse(SlurmState.PENDING.ended());
        assertFalse(SlurmState.COMPLETING.ended());
        assertTrue(SlurmState.TIMEOUT.ended());
        assertTrue(SlurmState.COMPLETED.succeeded());
        assertFalse(SlurmState.FAILED.succeeded());
    }

    @Test
    void onlyFinalStatesHaveEndedAndATaskThatMayBeRequeuedHasNot() {
        java.util.Set<SlurmState> ended = java.util.EnumSet.noneOf(SlurmState.class);
        for (SlurmState s : SlurmState.values()) {
            if (s.ended()) {
                ended.add(s);
            }
        }
        assertEquals(java.util.EnumSet.of(SlurmState.COMPLETED, SlurmState.FAILED, SlurmState.CANCELLED, SlurmState.TIMEOUT,
                SlurmState.NODE_FAIL, SlurmState.OUT_OF_MEMORY, SlurmState.BOOT_FAIL, SlurmState.DEADLINE), ended);
        assertFalse(SlurmState.parse("PR").ended(), "preempted: may be requeued");
        assertFalse(SlurmState.parse("REQUEUED").ended());
        assertFalse(SlurmState.parse("SOMETHING_NEW").ended(), "a state word SLURM may add later is not taken as an end");
    }
}
