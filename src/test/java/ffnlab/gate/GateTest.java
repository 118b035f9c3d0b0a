package ffnlab.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.gate.BaselineFile.Entry;
import ffnlab.gate.Gate.Tolerance;
import ffnlab.gate.Gate.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateTest {
    private static final Tolerance TOL = new Tolerance(3, 0.001, 0.0);

    private static Outcome mse(String config, String sha, double... v) {
        return outcome(config, "final_test_mse", sha, v);
    }

    /** An outcome over the seeds' values {@code v}: mean and sample standard deviation (0 for one seed) by hand. */
    private static Outcome outcome(String config, String metric, String sha, double... v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        double mean = sum / v.length;
        double squares = 0;
        for (double x : v) {
            squares += (x - mean) * (x - mean);
        }
        return new Outcome(config, metric, v.length, mean, v.length < 2 ? 0 : Math.sqrt(squares / (v.length - 1)), sha);
    }

    @Test
    void identicalResultsPassAndAreBitwiseEqual() {
        Outcome o = mse("model.hidden=64", "abc", 0.30, 0.31, 0.29);
        List<Verdict> v = new Gate(TOL).check(List.of(Entry.of(o)), List.of(o));
        assertEquals(Verdict.Status.PASS, v.getFirst().status());
        assertTrue(v.getFirst().bitwiseEqual());
        assertTrue(Gate.format(v).contains("gate PASSED"));
    }

    @Test
    void worseByMoreThanTheNoiseFails() {
        Entry b = Entry.of(mse("model.hidden=64", "abc", 0.30, 0.31, 0.29));
        // std 0.01, n 3 on both sides: 3 standard errors of the difference is about 0.024.
        List<Verdict> slightly = new Gate(TOL).check(List.of(b), List.of(mse("model.hidden=64", "x", 0.31, 0.32, 0.30)));
        List<Verdict> clearly = new Gate(TOL).check(List.of(b), List.of(mse("model.hidden=64", "x", 0.36, 0.37, 0.35)));
        assertEquals(Verdict.Status.PASS, slightly.getFirst().status(), Gate.format(slightly));
        assertFalse(slightly.getFirst().bitwiseEqual());
        assertEquals(Verdict.Status.FAIL, clearly.getFirst().status(), Gate.format(clearly));
        assertEquals(0.06, clearly.getFirst().worsening(), 1e-9);
        assertTrue(Gate.format(clearly).contains("gate FAILED: 1 of 1"));
    }

    @Test
    void betterIsNeverAFailureAndAccuracyGoesUp() {
        Outcome base = outcome("base", "final_test_accuracy", "s", 0.85, 0.85);
        Outcome worse = outcome("base", "final_test_accuracy", "t", 0.80, 0.80);
        Outcome better = outcome("base", "final_test_accuracy", "t", 0.90, 0.90);
        Gate gate = new Gate(Tolerance.standard());
        assertEquals(Verdict.Status.FAIL, gate.check(List.of(Entry.of(base)), List.of(worse)).getFirst().status());
        assertEquals(Verdict.Status.PASS, gate.check(List.of(Entry.of(base)), List.of(better)).getFirst().status());
    }

    @Test
    void theAbsoluteFloorKeepsZeroSpreadBaselinesUsable() {
        Entry b = Entry.of(mse("base", "s", 0.5));
        Gate gate = new Gate(new Tolerance(3, 0.01, 0));
        assertEquals(Verdict.Status.PASS, gate.check(List.of(b), List.of(mse("base", "t", 0.509))).getFirst().status());
        assertEquals(Verdict.Status.FAIL, gate.check(List.of(b), List.of(mse("base", "t", 0.52))).getFirst().status());
    }

    @Test
    void divergedAndMissingConfigurationsFail() {
        Entry b = Entry.of(mse("model.hidden=8", "s", 0.5, 0.5));
        Gate gate = new Gate(Tolerance.standard());
        assertEquals(Verdict.Status.FAIL, gate.check(List.of(b), List.of(mse("model.hidden=8", "t", Double.NaN, 0.5))).getFirst().status());
        assertEquals(Verdict.Status.MISSING, gate.check(List.of(b), List.of()).getFirst().status());
    }

    @Test
    void baselineFileRoundTripsExactly(@TempDir Path dir) {
        Path file = dir.resolve("baselines/housing.csv");
        List<Entry> entries = List.of(Entry.of(mse("model.hidden=64", "abc123", 0.1 / 3, 0.2)),
                Entry.of(outcome("base", "final_test_accuracy", "ff", 0.8125)));
        BaselineFile.write(file, entries, List.of("command: mvn -q exec:java -Dexp=housing -Dcheck=record", "commit: 0123abc"));
        assertEquals(entries, BaselineFile.read(file));
    }

    @Test
    void badBaselineFilesNameFileAndLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "# c\nconfiguration,metric,direction,n,mean,std,metrics_sha256\nbase,final_test_mse,lower,3,zero,0.1,ab\n");
        BaselineFile.BaselineException e = assertThrows(BaselineFile.BaselineException.class, () -> BaselineFile.read(file));
        assertTrue(e.getMessage().startsWith(file + ":3: "), e.getMessage());
        BaselineFile.BaselineException missing = assertThrows(BaselineFile.BaselineException.class,
                () -> BaselineFile.read(dir.resolve("none.csv")));
        assertTrue(missing.getMessage().contains("no baseline file"), missing.getMessage());
    }
}
