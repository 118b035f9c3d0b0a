package ffnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.apache.logging.log4j.LogManager;
import org.junit.jupiter.api.Test;

/** Log lines give numbers four significant digits; the factory is the one Log4j2 uses for ffnlab's loggers. */
class RoundingMessageFactoryTest {
    @Test
    void doublesAndFloatsGetFourSignificantDigits() {
        assertEquals("0.1235", RoundingMessageFactory.round(0.123456789));
        assertEquals("1113", RoundingMessageFactory.round(1112.5));
        assertEquals("2", RoundingMessageFactory.round(2.0));
        assertEquals("0", RoundingMessageFactory.round(0.0));
        assertEquals("-0.0004321", RoundingMessageFactory.round(-0.000432109));
        assertEquals("1.235e+08", RoundingMessageFactory.round(123456789.0));
        assertEquals("3.3e-07", RoundingMessageFactory.round(3.3e-7));
        assertEquals("NaN", RoundingMessageFactory.round(Double.NaN));
        assertEquals("trial 7 m.s.e. 0.5213 in 1.5 s, seed 123456789, id 0.1234567",
                new RoundingMessageFactory().newMessage("trial {} m.s.e. {} in {} s, seed {}, id {}", 7, 0.52131234, 1.5f, 123456789L,
                        "0.1234567").getFormattedMessage());
    }

    @Test
    void log4jUsesItForEveryLogger() {
        assertInstanceOf(RoundingMessageFactory.class, LogManager.getLogger(ffnlab.run.ExperimentRun.class).getMessageFactory());
    }
}
