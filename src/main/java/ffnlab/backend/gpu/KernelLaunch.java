package ffnlab.backend.gpu;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import ffnlab.backend.gpu.KernelSource.Kernel;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * One prepared kernel launch: the argument values in native memory (8 bytes per argument) and the
 * {@code void**} array that {@code cuLaunchKernel} reads them through. Arguments are set once (a training
 * step's launches never change), so launching costs one downcall. A launch with a {@code null} driver is
 * only a parameter block (tests of the packing).
 */
final class KernelLaunch {
    private static final int SLOT = 8;

    private final Kernel kernel;
    private final CudaDriver driver;
    private final MemorySegment function;
    private final MemorySegment values;
    private final MemorySegment pointers;
    private final int[] set;
    private int gridX;
    private int blockX;

    KernelLaunch(Kernel kernel, CudaDriver driver, MemorySegment function, Arena arena) {
        this.kernel = kernel;
        this.driver = driver;
        this.function = function;
        this.values = arena.allocate((long) SLOT * kernel.parameters, SLOT);
        this.pointers = arena.allocate(ADDRESS, kernel.parameters);
        this.set = new int[kernel.parameters];
        for (int i = 0; i < kernel.parameters; i++) {
            pointers.setAtIndex(ADDRESS, i, values.asSlice((long) SLOT * i, SLOT));
        }
    }

    private KernelLaunch mark(int i) {
        if (i < 0 || i >= kernel.parameters) {
            throw new IndexOutOfBoundsException(kernel.symbol + " has " + kernel.parameters + " parameters, not " + (i + 1));
        }
        set[i] = 1;
        return this;
    }

    /** A device pointer (or 0 for a null pointer) as parameter i. */
    KernelLaunch pointer(int i, long address) {
        values.set(JAVA_LONG, (long) SLOT * i, address);
        return mark(i);
    }

    KernelLaunch int32(int i, int v) {
        values.set(JAVA_INT, (long) SLOT * i, v);
        return mark(i);
    }

    KernelLaunch int64(int i, long v) {
        values.set(JAVA_LONG, (long) SLOT * i, v);
        return mark(i);
    }

    KernelLaunch float32(int i, float v) {
        values.set(JAVA_FLOAT, (long) SLOT * i, v);
        return mark(i);
    }

    KernelLaunch float64(int i, double v) {
        values.set(JAVA_DOUBLE, (long) SLOT * i, v);
        return mark(i);
    }

    /** One thread per work item: ceil(items / block) blocks of {@code block} threads. */
    KernelLaunch threads(long items, int block) {
        long blocks = (Math.max(items, 1) + block - 1) / block;
        if (blocks > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(kernel.symbol + ": " + items + " threads are too many for one launch");
        }
        this.gridX = (int) blocks;
        this.blockX = block;
        return this;
    }

    /** The raw value slot of parameter i (tests of the packing). */
    MemorySegment slot(int i) {
        return pointers.getAtIndex(ADDRESS, i).reinterpret(SLOT);
    }

    /** Enqueues the kernel on {@code stream}. */
    void launch(MemorySegment stream) {
        for (int i = 0; i < set.length; i++) {
            if (set[i] == 0) {
                throw new IllegalStateException(kernel.symbol + ": parameter " + i + " was never set");
            }
        }
        if (gridX == 0) {
            throw new IllegalStateException(kernel.symbol + ": launch size never set");
        }
        int status = driver.launch(function, gridX, blockX, stream, pointers);
        if (status != 0) {
            driver.check(status, "cuLaunchKernel (" + kernel.symbol + ")");
        }
    }
}
