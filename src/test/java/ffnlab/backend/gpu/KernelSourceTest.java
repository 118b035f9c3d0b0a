package ffnlab.backend.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.backend.gpu.KernelSource.Kernel;
import ffnlab.nn.Activation;
import ffnlab.nn.Loss;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The kernel source and its compile request, checked without a GPU. */
class KernelSourceTest {
    private static final Pattern ENTRY = Pattern.compile("extern \"C\" __global__ void (\\w+)\\(([^)]*)\\)");

    /** Each __global__ kernel of the source with its parameter count. */
    private static Map<String, Integer> entries(String source) {
        Map<String, Integer> found = new HashMap<>();
        Matcher m = ENTRY.matcher(source);
        while (m.find()) {
            found.put(m.group(1), m.group(2).split(",").length);
        }
        return found;
    }

    @Test
    void everyKernelTheJavaSideLaunchesIsInTheSourceWithTheSameParameterCount() {
        Map<String, Integer> entries = entries(KernelSource.load().text());
        Set<String> declared = new HashSet<>();
        for (Kernel k : Kernel.values()) {
            declared.add(k.symbol);
            assertEquals(k.parameters, entries.get(k.symbol), k.symbol + " parameters");
        }
        assertEquals(declared, entries.keySet(), "kernels in the source that the Java side does not know");
    }

    @Test
    void activationAndLossCodesMatchTheSourcesDefines() {
        String source = KernelSource.load().text();
        for (Activation f : Activation.values()) {
            assertTrue(source.contains("#define ACT_" + f.name() + " " + KernelSource.activationCode(f)), f.name());
        }
        for (Loss l : Loss.values()) {
            assertTrue(source.contains("#define LOSS_" + l.name() + " " + KernelSource.lossCode(l)), l.name());
        }
    }

    @Test
    void compilesForTheDevicesVirtualArchitectureWithoutContraction() {
        assertEquals(List.of("--gpu-architecture=compute_90", "--fmad=false"), KernelSource.options(9, 0));
        assertEquals("--gpu-architecture=compute_86", KernelSource.options(8, 6).getFirst());
        assertThrows(IllegalArgumentException.class, () -> KernelSource.options(3, 5));
    }

    @Test
    void cacheKeyChangesWithTheOptionsAndTheCompiler() {
        KernelSource source = KernelSource.load();
        String h200 = source.cacheKey(KernelSource.options(9, 0), "13.0");
        assertEquals(32, h200.length());
        assertEquals(h200, source.cacheKey(KernelSource.options(9, 0), "13.0"));
        assertNotEquals(h200, source.cacheKey(KernelSource.options(8, 0), "13.0"));
        assertNotEquals(h200, source.cacheKey(KernelSource.options(9, 0), "12.4"));
    }
}
