package ffnlab.run.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentSnapshotTest {
    @TempDir
    Path dir;

    @Test
    void aSnapshotFreezesTheFilesAndIsSharedByIdenticalSubmissions() throws Exception {
        Path experiments = Files.createDirectories(dir.resolve("experiments"));
        Files.writeString(experiments.resolve("base.yaml"), "seeds: [1]\n");
        Files.writeString(experiments.resolve("child.yml"), "extends: base\n");
        Files.writeString(experiments.resolve("notes.txt"), "not an experiment\n");
        Path slurm = dir.resolve("results/child/slurm");

        Path first = ExperimentSnapshot.of(experiments, slurm);
        assertEquals("seeds: [1]\n", Files.readString(first.resolve("base.yaml")));
        assertEquals("extends: base\n", Files.readString(first.resolve("child.yml")));
        assertFalse(Files.exists(first.resolve("notes.txt")));
        assertEquals(first, ExperimentSnapshot.of(experiments, slurm), "same files, same snapshot");

        Files.writeString(experiments.resolve("base.yaml"), "seeds: [1, 2]\n");
        Path second = ExperimentSnapshot.of(experiments, slurm);
        assertNotEquals(first, second);
        assertEquals("seeds: [1]\n", Files.readString(first.resolve("base.yaml")), "queued tasks keep what was submitted");
        assertEquals("seeds: [1, 2]\n", Files.readString(second.resolve("base.yaml")));
        try (var left = Files.list(slurm.resolve("experiments"))) {
            assertEquals(2, left.count(), "no temporary folders are left behind");
        }
    }
}
