package ffnlab.backend.gpu;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Compiled kernels, cached in memory for the process and as {@code <key>.ptx} files in a folder
 * ({@code ~/.cache/ffnlab/ptx} unless the system property {@code ffnlab.gpu.cache} names another), so NVRTC
 * runs once per source, options and compiler version. The disk cache is best effort: an unreadable or
 * unwritable folder only costs a compilation. Files are written to a temporary name and renamed.
 */
final class PtxCache {
    private static final Logger LOG = LogManager.getLogger();
    private static final Map<String, byte[]> MEMORY = new ConcurrentHashMap<>();

    private final Path folder;

    PtxCache(Path folder) {
        this.folder = folder;
    }

    /** The default folder. */
    static PtxCache standard() {
        String configured = System.getProperty("ffnlab.gpu.cache");
        Path folder = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "ffnlab", "ptx");
        return new PtxCache(folder);
    }

    Path folder() {
        return folder;
    }

    /** The PTX for {@code key}: from memory, else from disk, else compiled by {@code compiler} and stored. */
    byte[] get(String key, Supplier<byte[]> compiler) {
        byte[] cached = MEMORY.get(key);
        if (cached != null) {
            return cached;
        }
        byte[] ptx = read(key).orElseGet(() -> {
            byte[] compiled = compiler.get();
            write(key, compiled);
            return compiled;
        });
        MEMORY.put(key, ptx);
        return ptx;
    }

    /** The stored PTX of {@code key}, if a well-formed one is on disk. */
    Optional<byte[]> read(String key) {
        Path file = folder.resolve(key + ".ptx");
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length < 2 || bytes[bytes.length - 1] != 0 || !new String(bytes, 0, Math.min(bytes.length, 4096),
                    java.nio.charset.StandardCharsets.US_ASCII).contains(".entry")) {
                LOG.warn("ignoring malformed cached PTX {}", file);
                return Optional.empty();
            }
            return Optional.of(bytes);
        } catch (IOException e) {
            LOG.warn("cannot read cached PTX {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    /** Stores the PTX of {@code key}; failures are logged, not thrown. */
    void write(String key, byte[] ptx) {
        try {
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, key, ".tmp");
            Files.write(tmp, ptx);
            Path target = folder.resolve(key + ".ptx");
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.warn("cannot cache PTX in {}: {}", folder, e.getMessage());
        }
    }

    /** Forgets the in-memory copies (tests). */
    static void clearMemory() {
        MEMORY.clear();
    }
}
