package ffnlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.analysis.ExperimentResults;
import ffnlab.analysis.ResultsFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineLoadTest {
    @TempDir
    Path root;

    /** The fixture's batch sweep (6 trials on 2 cores) with each trial's provenance given the load averages listed. */
    private ExperimentResults withLoads(double[][] startEnd) throws IOException {
        Path dir = ResultsFixture.batchSweep(root);
        List<Path> trials;
        try (Stream<Path> s = Files.list(dir.resolve("trials"))) {
            trials = s.sorted().toList();
        }
        for (int i = 0; i < trials.size() && i < startEnd.length; i++) {
            Path p = trials.get(i).resolve("provenance.yaml");
            Files.writeString(p, Files.readString(p) + "load_average:\n  start: " + startEnd[i][0] + "\n  end: " + startEnd[i][1] + "\n");
        }
        return ExperimentResults.load(dir);
    }

    @Test
    void resultsWithoutLoadAveragesSayNothingAboutLoad() throws IOException {
        ExperimentResults r = withLoads(new double[0][]);
        assertTrue(MachineLoad.of(r.trials()).isEmpty());
        assertTrue(ChapterVsMeasured.sentences(ExperimentFindings.of(r)).stream()
                .noneMatch(s -> s.startsWith("Busy machine") || s.startsWith("Machine load")));
    }

    @Test
    void loadsNearTheTrialsOwnThreadsAreReportedAsTheLoadTheyRanAt() throws IOException {
        double[][] loads = {{1.9, 2.1}, {2.0, 2.4}, {1.2, 2.9}, {2.2, 2.0}, {2.1, 2.3}, {2.0, 1.8}};
        MachineLoad load = MachineLoad.of(withLoads(loads).trials()).orElseThrow();
        assertEquals(new MachineLoad(2.9, 2, 0, 6), load);
        assertTrue(load.sentence().startsWith("Machine load: the load average reached 2.9 on 2 cores at most"), load.sentence());
    }

    @Test
    void oneTrialOnABusyMachineMakesTheReportSaySoBesideTheTimes() throws IOException {
        double[][] loads = {{1.9, 2.1}, {2.0, 2.4}, {3.9, 4.0}, {2.2, 9.5}, {2.1, 2.3}, {2.0, 1.8}};
        ExperimentResults r = withLoads(loads);
        MachineLoad load = MachineLoad.of(r.trials()).orElseThrow();
        assertEquals(new MachineLoad(9.5, 2, 1, 6), load, "4.0 is not above 1.5 x 2 + 1 = 4; 9.5 is");
        String expected = "Busy machine: the load average reached 9.5 on 2 cores while these trials ran (1 of 6 trials above 4";
        assertTrue(ChapterVsMeasured.sentences(ExperimentFindings.of(r)).stream().anyMatch(s -> s.startsWith(expected)),
                ChapterVsMeasured.sentences(ExperimentFindings.of(r)).toString());
    }
}
