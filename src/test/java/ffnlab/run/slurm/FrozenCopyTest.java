package ffnlab.run.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrozenCopyTest {
    @TempDir
    Path dir;

    private Path slurm() {
        return dir.resolve("project/results/child/slurm");
    }

    @Test
    void experimentFilesAreFrozenAndIdenticalSubmissionsShareACopy() throws Exception {
        Path experiments = Files.createDirectories(dir.resolve("experiments"));
        Files.writeString(experiments.resolve("base.yaml"), "seeds: [1]\n");
        Files.writeString(experiments.resolve("child.yml"), "extends: base\n");
        Files.writeString(experiments.resolve("notes.txt"), "not an experiment\n");

        Path first = FrozenCopy.experiments(experiments, slurm());
        assertEquals("seeds: [1]\n", Files.readString(first.resolve("base.yaml")));
        assertEquals("extends: base\n", Files.readString(first.resolve("child.yml")));
        assertFalse(Files.exists(first.resolve("notes.txt")));
        assertEquals(first, FrozenCopy.experiments(experiments, slurm()), "same files, same copy");

        Files.writeString(experiments.resolve("base.yaml"), "seeds: [1, 2]\n");
        Path second = FrozenCopy.experiments(experiments, slurm());
        assertNotEquals(first, second);
        assertEquals("seeds: [1]\n", Files.readString(first.resolve("base.yaml")), "queued tasks keep what was submitted");
        try (var left = Files.list(slurm().resolve("experiments"))) {
            assertEquals(2, left.count(), "no temporary folders are left behind");
        }
    }

    @Test
    void theProjectsOwnCodeIsFrozenAndLibraryJarsKept() throws Exception {
        Path project = dir.resolve("project");
        Path classes = Files.createDirectories(project.resolve("target/classes/ffnlab/cli"));
        Files.writeString(classes.resolve("Main.class"), "v1");
        Path jar = Files.writeString(project.resolve("target/ffnlab-0.1.jar"), "jar v1");
        Files.createDirectories(project.resolve("target/lib"));
        Path libraryJar = Files.writeString(project.resolve("target/lib/log4j-core-2.26.1.jar"), "library");
        Path repositoryJar = Files.writeString(dir.resolve("log4j-api-2.26.1.jar"), "library");

        List<Path> frozen = FrozenCopy.classpath(List.of(project.resolve("target/classes"), jar, libraryJar, repositoryJar), project,
                jar, slurm());

        assertTrue(frozen.get(0).startsWith(slurm().resolve("classpath")), frozen.toString());
        assertEquals("v1", Files.readString(frozen.get(0).resolve("ffnlab/cli/Main.class")));
        assertEquals("ffnlab-0.1.jar", frozen.get(1).getFileName().toString());
        assertEquals("jar v1", Files.readString(frozen.get(1)));
        assertEquals(List.of(libraryJar, repositoryJar), frozen.subList(2, 4));

        Files.writeString(classes.resolve("Main.class"), "v2");   // a rebuild while the sweep is queued
        assertEquals("v1", Files.readString(frozen.get(0).resolve("ffnlab/cli/Main.class")));
        Path rebuilt = FrozenCopy.classpath(List.of(project.resolve("target/classes")), project, jar, slurm()).getFirst();
        assertNotEquals(frozen.get(0), rebuilt);
        assertEquals("v2", Files.readString(rebuilt.resolve("ffnlab/cli/Main.class")));
    }
}
