package ffnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The width and depth experiments under overfitting settings run under the smoke profile with two seeds, and their
 * reports say whether the test error rises past the optimum, under the settings the trials ran with.
 */
class OverfitExperimentsTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({"width-sweep-overfit, 45", "depth-sweep-overfit, 25"})
    void theReportSaysWhetherTheErrorRisesPastTheOptimumAndUnderWhichSettings(String name, int trials) throws Exception {
        InProcessCommand.Result validate = InProcessCommand.once("validate", name, "--experiments", "experiments");
        assertEquals(0, validate.status(), validate.describe("validate " + name));
        assertTrue(validate.out().contains("= " + trials + " trials"), validate.describe("five seeds of every setting"));

        InProcessCommand.Result run = InProcessCommand.once("run", name, "--profile", "smoke", "--set", "seeds=[1,2]",
                "--variant", "two-seeds", "--experiments", "experiments", "--results", tmp.resolve("results").toString());
        assertEquals(0, run.status(), run.describe("run " + name));
        String page = Files.readString(tmp.resolve("reports").resolve(name + "-smoke@two-seeds").resolve("index.html"), StandardCharsets.UTF_8);
        assertTrue(page.matches("(?s).*Rise past the optimum: (agrees|differs|inconclusive)\\. .*"), "the turn-up verdict");
        assertTrue(page.contains("under these settings (the first 256 training rows, B = 16, alpha = 0.02, 3 epochs, "
                + "no early stopping)"), "the settings of the smoke run");
    }
}
