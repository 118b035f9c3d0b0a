package ffnlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.nn.Activation;
import ffnlab.nn.Architecture;
import ffnlab.nn.Parameters;
import ffnlab.nn.optim.OptimiserMoments;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The invariant of {@link CheckpointDirectory}: a reader sees a whole checkpoint or none, never part of one. A writer
 * saves two different states of the same epoch in turn (as two runs sharing a prefix may), a reader reads the file
 * raw at the same time; every read must parse (checksum and all) and be one of the two states.
 */
class CheckpointWriteStressTest {
    private static final Architecture ARCH = Architecture.of(Activation.RELU, Activation.LINEAR, 200, 300, 5);

    @TempDir
    Path folder;

    private static TrainingState state(float value) {
        Parameters p = new Parameters(ARCH);
        p.weights(1)[0] = value;
        p.biases(2)[4] = value;
        Parameters m = new Parameters(ARCH);
        Parameters v = new Parameters(ARCH);
        EpochRecord r = new EpochRecord(1, value, value, Double.NaN, Double.NaN, Double.NaN, value, 0.1, 3, 1e5 / 3);
        return new TrainingState(1, List.of(r), p, new OptimiserMoments(3, List.of(m, v)), new int[] {2, 0, 1}, 1, 0.5,
                Double.POSITIVE_INFINITY, 0, 0, null, 0, false);
    }

    @Test
    void aReaderNeverSeesAPartialCheckpoint() throws Exception {
        CheckpointDirectory dir = new CheckpointDirectory(folder);
        List<TrainingState> states = List.of(state(1f), state(2f));
        dir.save(states.get(0), true);
        Path file = dir.file(1, true);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Throwable> failures = new ArrayList<>();
        Thread writer = new Thread(() -> {
            try {
                for (int i = 0; i < 60; i++) {
                    dir.save(states.get(i % 2), true);
                }
            } catch (Throwable t) {
                synchronized (failures) {
                    failures.add(t);
                }
            } finally {
                writing.set(false);
            }
        });
        writer.start();
        int reads = 0;
        while (writing.get() || reads == 0) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                throw new AssertionError("the checkpoint vanished while being replaced", e);
            }
            TrainingState read = CheckpointFile.read(file.toString(), bytes, ARCH);
            float w = read.parameters().weights(1)[0];
            assertTrue(w == 1f || w == 2f, "a state that was never written: " + w);
            assertEquals(w, read.parameters().biases(2)[4], "parts of two states in one file");
            reads++;
        }
        writer.join();
        assertTrue(failures.isEmpty(), () -> failures.getFirst().toString());
        assertTrue(reads > 0);
        try (var files = Files.list(folder)) {
            assertEquals(List.of(file.getFileName().toString()), files.map(p -> p.getFileName().toString()).toList(),
                    "no temporary file is left behind");
        }
    }
}
