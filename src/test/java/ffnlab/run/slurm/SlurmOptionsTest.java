package ffnlab.run.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.spec.SlurmSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlurmOptionsTest {

    @Test
    void laterSettingsOverrideEarlierOnes() {
        SlurmOptions o = SlurmOptions.fromSettings(
                Map.of("partition", "short", "time", "00:30:00", "cpus_per_task", "4", "mem", "8G", "max_parallel", "10"),
                Map.of("partition", "long", "sbatch", "--qos=low; #SBATCH --account=lab", "wait", "true", "poll_s", "0.5",
                        "java", "/opt/jdk-25/bin/java", "java_options", " -Xmx2g  -XX:+UseSerialGC "));
        assertEquals("long", o.partition());
        assertEquals("00:30:00", o.time());
        assertEquals(4, o.cpusPerTask());
        assertEquals("8G", o.memory());
        assertEquals(List.of("--qos=low", "--account=lab"), o.extraDirectives());
        assertEquals(10, o.maxParallel());
        assertEquals("/opt/jdk-25/bin/java", o.javaCommand());
        assertEquals(List.of("-Xmx2g", "-XX:+UseSerialGC"), o.javaOptions());
        assertTrue(o.follow());
        assertEquals(Duration.ofMillis(500), o.pollInterval());
    }

    @Test
    void theArraySpecCapsConcurrencyOnlyWhenAsked() {
        assertEquals("0-5", SlurmOptions.defaults().arraySpec(6));
        assertEquals("0-5%2", SlurmOptions.fromSettings(Map.of("max_parallel", "2")).arraySpec(6));
        assertThrows(IllegalArgumentException.class, () -> SlurmOptions.defaults().arraySpec(0));
    }

    @Test
    void theDefaultsUseThisJvmsLauncher() {
        SlurmOptions d = SlurmOptions.defaults();
        assertEquals(1, d.cpusPerTask());
        assertTrue(d.javaCommand().endsWith("java"), d.javaCommand());
        assertEquals(null, d.partition());
    }

    @Test
    void badValuesNameTheKeyAndWhatWasExpected() {
        assertEquals("slurm.time: expected MM, HH:MM:SS or D-HH:MM:SS, got '1 hour'", message(Map.of("time", "1 hour")));
        assertEquals("slurm.cpus_per_task: expected an integer, got 'four'", message(Map.of("cpus_per_task", "four")));
        assertEquals("slurm.cpus_per_task: expected an integer >= 1, got 0", message(Map.of("cpus_per_task", "0")));
        assertEquals("slurm.mem: expected a size such as 4G or 512M, got '4 GB'", message(Map.of("mem", "4 GB")));
        assertEquals("slurm.wait: expected true or false, got 'maybe'", message(Map.of("wait", "maybe")));
        assertEquals("slurm.sbatch: expected one sbatch option per line such as --qos=short, got 'qos=short'",
                message(Map.of("sbatch", "qos=short")));
        assertEquals("slurm.java_options: expected JVM flags such as -Xmx4g, got 'Xmx4g'", message(Map.of("java_options", "Xmx4g")));
        assertTrue(message(Map.of("queue", "x")).startsWith("slurm.queue: unknown option; expected one of [cpus_per_task,"));
    }

    @Test
    void theCommandLineIsLaidOverTheExperimentFile() {
        SlurmSettings file = new SlurmSettings("short", "10", 2, null, List.of("--qos=low"), null, null, null, true, null);
        SlurmOptions o = SlurmOptions.of(file, SlurmSettings.parse(Map.of("partition", "long", "wait", "false")));
        assertEquals("long", o.partition());
        assertEquals("10", o.time());
        assertEquals(2, o.cpusPerTask());
        assertEquals(List.of("--qos=low"), o.extraDirectives());
        assertEquals(false, o.follow());
        assertEquals(SlurmOptions.defaults().pollInterval(), o.pollInterval());
        assertEquals("slurm.cpus_per_task: expected an integer >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> new SlurmOptions(null, null, 0, null, List.of(), 0, "java", List.of(), false, Duration.ofSeconds(1))).getMessage(),
                "the options check their values as the settings do");
    }

    private static String message(Map<String, String> settings) {
        return assertThrows(IllegalArgumentException.class, () -> SlurmOptions.fromSettings(settings)).getMessage();
    }
}
