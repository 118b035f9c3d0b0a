package ffnlab.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The data and unified cache sizes of the first CPU, in bytes, keyed {@code l1d}, {@code l2}, {@code l3}: from
 * {@code /sys/devices/system/cpu/cpu0/cache/index*} where Linux lists them, else from {@code getconf}
 * ({@code LEVEL1_DCACHE_SIZE}, ...), which reads the CPU's own description on machines whose kernel lists none (some
 * virtual machines). Empty when neither says.
 */
final class CacheSizes {
    private static final Path SYS = Path.of("/sys/devices/system/cpu/cpu0/cache");

    private CacheSizes() {
    }

    static Map<String, Long> read() {
        Map<String, Long> sizes = fromSys();
        return sizes.isEmpty() ? fromGetconf() : sizes;
    }

    private static Map<String, Long> fromSys() {
        Map<String, Long> out = new LinkedHashMap<>();
        try (var entries = Files.list(SYS)) {
            for (Path index : entries.filter(p -> p.getFileName().toString().startsWith("index")).sorted().toList()) {
                String type = Files.readString(index.resolve("type")).strip();
                String level = Files.readString(index.resolve("level")).strip();
                long size = bytes(Files.readString(index.resolve("size")).strip());
                if (!type.equals("Instruction") && size > 0) {
                    out.putIfAbsent("l" + level + (level.equals("1") ? "d" : ""), size);
                }
            }
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return out;
    }

    /** "48K" -> 49152, "1024K" -> 1048576, "32M" -> 33554432; -1 when unreadable. */
    static long bytes(String text) {
        String t = text.toUpperCase(Locale.ROOT);
        long unit = t.endsWith("K") ? 1024 : t.endsWith("M") ? 1024 * 1024 : t.endsWith("G") ? 1024L * 1024 * 1024 : 1;
        try {
            return Long.parseLong(unit == 1 ? t : t.substring(0, t.length() - 1)) * unit;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Map<String, Long> fromGetconf() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String[] name : new String[][] {{"l1d", "LEVEL1_DCACHE_SIZE"}, {"l2", "LEVEL2_CACHE_SIZE"}, {"l3", "LEVEL3_CACHE_SIZE"}}) {
            try {
                Process p = new ProcessBuilder("getconf", name[1]).redirectErrorStream(true).start();
                p.getOutputStream().close();
                String value = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 && value.matches("[0-9]+") && Long.parseLong(value) > 0) {
                    out.put(name[0], Long.parseLong(value));
                }
            } catch (IOException e) {
                return out;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return out;
            }
        }
        return out;
    }
}
