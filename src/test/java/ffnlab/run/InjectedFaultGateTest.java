package ffnlab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.backend.cpu.BiasStepSignFault;
import ffnlab.gate.GateRun;
import ffnlab.spec.Profile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate catches a real bug: housing-ffn under {@code -Dprofile=ci}, checked against its committed baseline,
 * FAILS when the hidden layer's bias step has the wrong sign inside the cpu engine that production trials run,
 * and PASSES through the same engine subclass with no fault (so the failure is the bug's, not the seam's).
 */
class InjectedFaultGateTest {
    private static final Logger LOG = LogManager.getLogger();
    private static final String EXPERIMENT = "housing-ffn";

    @TempDir
    Path results;

    private record Check(int status, String out) {
    }

    private Check check(boolean fault, String folder) {
        RunOptions options = new RunOptions(Path.of("experiments"), results.resolve(folder), Profile.CI, Map.of(), false, 2);
        DataSources data = new DataSources();
        // width 10: the hidden layer of [8, 10, 1]. (The output bias alone, width 1, is not caught: measured on
        // 2026-11-26, its wrong sign moves the test m.s.e. by only 1% in 15 epochs, inside the 2% floor, because the
        // hidden layer compensates for a drifting output offset.)
        ExperimentRun run = new ExperimentRun(options, data,
                (kind, threads) -> new BiasStepSignFault(threads, 10, fault));
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int status = new GateRun(options, run, data).check(EXPERIMENT, new PrintStream(text, true, StandardCharsets.UTF_8));
        String out = text.toString(StandardCharsets.UTF_8);
        LOG.info("gate {} the injected fault:\n{}", fault ? "with" : "without", out);
        return new Check(status, out);
    }

    @Test
    void theGateFailsWithAWrongBiasGradientSignAndPassesWithout() {
        Check faulty = check(true, "faulty");
        assertEquals(1, faulty.status(), faulty.out());
        assertTrue(faulty.out().lines().anyMatch(l -> l.startsWith("model.kind=ffn ") && l.endsWith("FAIL")), faulty.out());
        assertTrue(faulty.out().contains("gate FAILED: 1 of 2"), faulty.out());   // Tribuo's linear baseline is not ours: it passes

        Check clean = check(false, "clean");
        assertEquals(0, clean.status(), clean.out());
        assertTrue(clean.out().contains("gate PASSED"), clean.out());
    }
}
