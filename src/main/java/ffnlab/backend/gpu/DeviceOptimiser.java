package ffnlab.backend.gpu;

import ffnlab.backend.gpu.KernelSource.Kernel;
import ffnlab.nn.optim.Optimiser;

/**
 * An {@link Optimiser}'s update as one kernel over the flat parameter vector, with its state (velocity, or
 * Adam's two moments) and the number of steps taken kept on the device. The step count lives in device memory
 * so a captured step graph replays correctly: momentum's first step sets v = grad, Adam's bias corrections
 * use t = steps + 1, exactly as {@code ffnlab.nn.optim} does on the host.
 */
final class DeviceOptimiser {
    private final KernelLaunch update;
    /** Device address of the step count (a 64-bit integer). */
    final long steps;
    /** Device addresses of the state's buffers, each a flat parameter vector: none, the velocity, or Adam's m and v. */
    final long[] buffers;

    DeviceOptimiser(DeviceStream s, Optimiser optimiser, long theta, long grad, int size) {
        steps = s.memory.allocate(Long.BYTES, "optimiser step count");
        s.fill32(steps, 0, 2);
        long[] kept = new long[0];
        update = switch (optimiser) {
            case Optimiser.Sgd sgd -> s.kernel(Kernel.SGD_STEP).pointer(0, theta).pointer(1, grad).int64(2, size)
                    .float32(3, (float) sgd.learningRate());
            case Optimiser.Momentum m -> {
                long v = zeros(s, size, "momentum velocity");
                kept = new long[] {v};
                yield s.kernel(Kernel.MOMENTUM_STEP).pointer(0, theta).pointer(1, grad).pointer(2, v).int64(3, size)
                        .float32(4, (float) m.learningRate()).float32(5, (float) m.momentum()).pointer(6, steps);
            }
            case Optimiser.Adam a -> {
                long m1 = zeros(s, size, "Adam first moment");
                long m2 = zeros(s, size, "Adam second moment");
                kept = new long[] {m1, m2};
                yield s.kernel(Kernel.ADAM_STEP).pointer(0, theta).pointer(1, grad).pointer(2, m1).pointer(3, m2)
                        .int64(4, size).float64(5, a.learningRate()).float64(6, a.beta1()).float64(7, a.beta2())
                        .float32(8, (float) a.epsilon()).pointer(9, steps);
            }
        };
        update.threads(size, DeviceLayers.BLOCK);
        buffers = kept;
    }

    /** Sets the device's step count (two 32-bit words, little-endian). */
    void steps(DeviceStream s, long taken) {
        s.fill32(steps, (int) taken, 1);
        s.fill32(steps + Integer.BYTES, (int) (taken >>> 32), 1);
    }

    private static long zeros(DeviceStream s, int size, String what) {
        long p = s.memory.floats(size, what);
        s.fill32(p, 0, size);
        return p;
    }

    /** Enqueues theta &lt;- update(theta, grad). The step count is advanced by the step's advance kernel. */
    void step(DeviceStream s) {
        update.launch(s.stream);
    }
}
