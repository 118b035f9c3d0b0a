package ffnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A misspelt -D property is an error with a suggestion, not a silently ignored setting. */
class SystemPropertiesTest {
    private static String refused(String... names) {
        return assertThrows(IllegalArgumentException.class, () -> SystemProperties.checkNames(List.of(names))).getMessage();
    }

    @Test
    void misspeltPropertiesAreRefusedWithASuggestion() {
        assertEquals("unknown property -Dvalidat; did you mean -Dvalidate?", refused("exp", "validat"));
        assertEquals("unknown property -Dthread; did you mean -Dthreads?", refused("thread"));
        assertEquals("unknown property -Dresults.dri; did you mean -Dresults.dir?", refused("results.dri"));
        assertTrue(refused("ffnlab.whatever").startsWith("unknown property -Dffnlab.whatever; ffnlab reads -Dexp, -Dset,"));
    }

    @Test
    void theJvmsMavensAndOurOwnPropertiesPass() {
        SystemProperties.checkNames(List.of("exp", "set", "validate", "slurm.partition", "java.home", "user.dir", "basedir",
                "maven.home", "classworlds.conf", "skipTests", "test", "surefire.test.class.path", "line.separator", "ffnlab.gpu.graphs"));
        SystemProperties.checkNames(System.getProperties().stringPropertyNames());
    }

    @Test
    void flagsAreStrict() {
        assertTrue(SystemProperties.flag("validate", "true"));
        assertTrue(SystemProperties.flag("validate", ""));
        assertFalse(SystemProperties.flag("validate", null));
        assertFalse(SystemProperties.flag("fresh", "FALSE"));
        assertEquals("-Dvalidate: expected true or false, got 'yes'",
                assertThrows(IllegalArgumentException.class, () -> SystemProperties.flag("validate", "yes")).getMessage());
    }
}
