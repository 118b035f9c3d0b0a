package ffnlab.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.junit.jupiter.api.Test;

/**
 * log4j2.xml: the classes whose INFO lines repeat what a command prints on stdout (report paths, the gate's
 * verdict, a count per loaded experiment) log warnings only; the progress of a run stays at INFO.
 */
class LogConfigurationTest {
    @Test
    void linesTheCommandPrintsAreNotLoggedAgain() {
        for (String quiet : List.of("ffnlab.report.ReportBuilder", "ffnlab.analysis.ExperimentResults", "ffnlab.gate.GateRun")) {
            assertFalse(LogManager.getLogger(quiet).isInfoEnabled(), quiet + " logs INFO");
            assertTrue(LogManager.getLogger(quiet).isWarnEnabled(), quiet + " hides its warnings");
        }
        assertTrue(LogManager.getLogger("ffnlab.run.ExperimentRun").isInfoEnabled());
    }
}
