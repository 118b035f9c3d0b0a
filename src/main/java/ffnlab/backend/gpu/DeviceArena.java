package ffnlab.backend.gpu;

import java.util.ArrayList;
import java.util.List;

/**
 * Device memory owned by one engine or backend: every allocation is remembered and freed by {@link #close()},
 * so a finished or failed trial gives all of its memory back and the next trial starts on an empty device. A
 * pointer is forgotten before it is freed, so a failed free is never tried twice. Confined to the engine's thread.
 */
final class DeviceArena implements AutoCloseable {
    private final DeviceAllocator driver;
    private final List<Long> pointers = new ArrayList<>();
    private long bytes;

    DeviceArena(DeviceAllocator driver) {
        this.driver = driver;
    }

    /** A fresh device allocation of {@code size} bytes; {@code what} names it in an out-of-memory message. */
    long allocate(long size, String what) {
        long p = driver.allocate(size, what);
        pointers.add(p);
        bytes += size;
        return p;
    }

    long floats(long count, String what) {
        return allocate(count * Float.BYTES, what);
    }

    long ints(long count, String what) {
        return allocate(count * Integer.BYTES, what);
    }

    long doubles(long count, String what) {
        return allocate(count * Double.BYTES, what);
    }

    /** Frees one allocation of this arena early. */
    void free(long pointer, long size) {
        if (pointers.remove(pointer)) {
            bytes -= size;
            driver.free(pointer);
        }
    }

    /** Bytes currently held. */
    long bytes() {
        return bytes;
    }

    /** Frees everything; the first failure is thrown after all frees were tried, the later ones suppressed in it. */
    @Override
    public void close() {
        Cleanup steps = new Cleanup();
        List<Long> held = List.copyOf(pointers);
        pointers.clear();
        bytes = 0;
        for (long p : held) {
            steps.run(() -> driver.free(p));
        }
        steps.rethrow();
    }
}
