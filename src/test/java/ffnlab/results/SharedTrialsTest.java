package ffnlab.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One trial store across experiments and variants: a trial id found in any results folder is taken, not retrained. */
class SharedTrialsTest {
    private static final String ID = "0123456789abcdef";

    @TempDir
    Path root;

    private TrialDirectory finished(ResultsStore store, String experiment) {
        TrialDirectory t = store.experiment(experiment).trial(ID);
        t.writeYaml(TrialDirectory.TRIAL, trialYaml(experiment, "model.hidden", 32));
        t.write(TrialDirectory.METRICS, "epoch,test_mse\n1,0.5\n");
        t.write(TrialDirectory.SUMMARY, "status: finished\n");
        return t;
    }

    private static java.util.Map<String, Object> trialYaml(String experiment, String key, Object value) {
        return java.util.Map.of("id", ID, "experiment", experiment, "coordinates", java.util.Map.of(key, value));
    }

    @Test
    void aFinishedTrialIsFoundInAnyFolderButTheOneAsking() {
        ResultsStore store = new ResultsStore(root);
        finished(store, "width-sweep");
        store.experiment("width-sweep@lr=0.01").trial("fedcba9876543210").write(TrialDirectory.METRICS, "unfinished\n");
        assertEquals(Optional.of(root.resolve("width-sweep/trials/" + ID)),
                store.finishedTrial(ID, "width-sweep@lr=0.01").map(TrialDirectory::path));
        assertTrue(store.finishedTrial(ID, "width-sweep").isEmpty());
        assertTrue(store.finishedTrial("fedcba9876543210", "x").isEmpty(), "an unfinished trial is not taken");
    }

    @Test
    void anAdoptedTrialIsLinkedNotCopiedAndRetrainingItLeavesTheSourceAlone() throws IOException {
        ResultsStore store = new ResultsStore(root);
        TrialDirectory source = finished(store, "width-sweep");
        ExperimentDirectory variant = store.experiment("width-sweep@lr=0.01");
        assertTrue(variant.adopt(source, trialYaml("width-sweep@lr=0.01", "model.hidden", 32)));
        TrialDirectory taken = variant.trial(ID);
        assertTrue(taken.finished());
        assertTrue(Files.isSameFile(source.file(TrialDirectory.METRICS), taken.file(TrialDirectory.METRICS)));
        taken.clear();
        taken.write(TrialDirectory.METRICS, "epoch,test_mse\n1,0.9\n");
        assertEquals("epoch,test_mse\n1,0.5\n", Files.readString(source.file(TrialDirectory.METRICS)));
        assertTrue(source.finished());
    }

    @Test
    void anAdoptedTrialIsDescribedInTheAdoptingExperimentsOwnCoordinates() throws IOException {
        ResultsStore store = new ResultsStore(root);
        TrialDirectory source = finished(store, "width-sweep");
        ExperimentDirectory depth = store.experiment("depth-sweep");
        assertTrue(depth.adopt(source, trialYaml("depth-sweep", "model.hidden", List.of(32))));
        TrialDirectory taken = depth.trial(ID);
        assertFalse(Files.isSameFile(source.file(TrialDirectory.TRIAL), taken.file(TrialDirectory.TRIAL)));
        assertTrue(Files.readString(taken.file(TrialDirectory.TRIAL)).contains("experiment: depth-sweep"));
        assertTrue(Files.readString(source.file(TrialDirectory.TRIAL)).contains("experiment: width-sweep"),
                "the source keeps its own description");
        assertEquals(YamlText.write(trialYaml("depth-sweep", "model.hidden", List.of(32))),
                Files.readString(taken.file(TrialDirectory.TRIAL)));
    }

    @Test
    void aTrialLockedHereIsNotAdopted() {
        ResultsStore store = new ResultsStore(root);
        TrialDirectory source = finished(store, "width-sweep");
        ExperimentDirectory variant = store.experiment("width-sweep@v");
        try (TrialDirectory.Lock running = variant.trial(ID).tryLock().orElseThrow()) {
            assertFalse(variant.adopt(source, trialYaml("width-sweep@v", "model.hidden", 32)));
            assertFalse(variant.trial(ID).finished());
        }
    }

    @Test
    void variantsAreListedAfterTheirExperimentAndNamesAreChecked() throws IOException {
        for (String name : List.of("width-sweep@lr=0.01", "width-sweep-smoke", "width-sweep", "width-sweep@b", "odd name")) {
            Files.createDirectories(root.resolve(name).resolve("trials"));
        }
        ResultsStore store = new ResultsStore(root);
        assertEquals(List.of("width-sweep", "width-sweep@b", "width-sweep@lr=0.01", "width-sweep-smoke"), store.names());
        assertEquals("width-sweep-smoke", ResultsStore.base("width-sweep-smoke@a,b=1+2"));
        for (String bad : List.of("../x", "a@b@c", "a/b", "@v")) {
            assertThrows(IllegalArgumentException.class, () -> store.experiment(bad), bad);
        }
    }
}
