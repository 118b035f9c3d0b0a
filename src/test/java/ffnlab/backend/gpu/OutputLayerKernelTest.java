package ffnlab.backend.gpu;

import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ffnlab.backend.gpu.KernelSource.Kernel;
import ffnlab.nn.Activation;
import ffnlab.nn.Loss;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

/** Each named output-layer call sets the one kernel's flags and pointers as the kernel reads them, without a device. */
class OutputLayerKernelTest {
    private static final long U = 0x1000;
    private static final long B = 0x2000;
    private static final long Y = 0x3000;
    private static final long D = 0x4000;
    private static final long LABELS = 0x5000;
    private static final long GRAD = 0x6000;
    private static final long LOSS = 0x7000;
    private static final long CORRECT = 0x8000;
    private static final long CURSOR = 0x9000;

    private static long pointer(KernelLaunch l, int i) {
        return l.slot(i).get(JAVA_LONG, 0);
    }

    private static int int32(KernelLaunch l, int i) {
        return l.slot(i).get(JAVA_INT, 0);
    }

    private static void assertLayer(KernelLaunch l, long bias, int applied, int loss) {
        assertEquals(U, pointer(l, 0));
        assertEquals(bias, pointer(l, 1));
        assertEquals(Y, pointer(l, 2));
        assertEquals(9, int32(l, 3), "rows");
        assertEquals(3, int32(l, 4), "cols");
        assertEquals(applied, int32(l, 6), "apply");
        assertEquals(loss, int32(l, 7), "loss code");
    }

    @Test
    void trainingWritesGradientAndLossAtTheCursor() {
        try (Arena arena = Arena.ofConfined()) {
            OutputLayerKernel k = new OutputLayerKernel(new KernelLaunch(Kernel.OUTPUT_LAYER, null, MemorySegment.NULL, arena));
            KernelLaunch l = k.training(U, B, Y, 9, 3, Activation.SOFTMAX, Loss.CROSS_ENTROPY, 0, LABELS, 0.25f, GRAD, LOSS, CURSOR);
            assertLayer(l, B, 1, KernelSource.lossCode(Loss.CROSS_ENTROPY));
            assertEquals(KernelSource.activationCode(Activation.SOFTMAX), int32(l, 5));
            assertEquals(LABELS, pointer(l, 9));
            assertEquals(0.25f, l.slot(10).get(JAVA_FLOAT, 0));
            assertEquals(GRAD, pointer(l, 11));
            assertEquals(LOSS, pointer(l, 12));
            assertEquals(0, pointer(l, 13), "no arg-max hits");
            assertEquals(CURSOR, pointer(l, 14));
            assertEquals(0, int32(l, 15));
        }
    }

    @Test
    void evaluationWritesLossAndHitsAtTheOffsetWithoutAGradient() {
        try (Arena arena = Arena.ofConfined()) {
            OutputLayerKernel k = new OutputLayerKernel(new KernelLaunch(Kernel.OUTPUT_LAYER, null, MemorySegment.NULL, arena));
            KernelLaunch l = k.evaluation(U, B, Y, 9, 3, Activation.LINEAR, Loss.SQUARED_ERROR, D, 0, LOSS, CORRECT, 4096);
            assertLayer(l, B, 1, KernelSource.lossCode(Loss.SQUARED_ERROR));
            assertEquals(D, pointer(l, 8));
            assertEquals(0, pointer(l, 11), "no gradient");
            assertEquals(LOSS, pointer(l, 12));
            assertEquals(CORRECT, pointer(l, 13));
            assertEquals(0, pointer(l, 14), "no cursor");
            assertEquals(4096, int32(l, 15));
        }
    }

    @Test
    void predictionAppliesTheLayerOnlyAndGradientOnlyTheLoss() {
        try (Arena arena = Arena.ofConfined()) {
            OutputLayerKernel k = new OutputLayerKernel(new KernelLaunch(Kernel.OUTPUT_LAYER, null, MemorySegment.NULL, arena));
            KernelLaunch p = k.prediction(U, B, Y, 9, 3, Activation.SIGMOID);
            assertLayer(p, B, 1, -1);
            for (int i : new int[] {8, 9, 11, 12, 13, 14}) {
                assertEquals(0, pointer(p, i), "parameter " + i);
            }
            KernelLaunch g = k.gradient(U, Y, 9, 3, Activation.SIGMOID, Loss.SQUARED_ERROR, D, 0, 1f, GRAD, LOSS);
            assertLayer(g, 0, 0, KernelSource.lossCode(Loss.SQUARED_ERROR));
            assertEquals(GRAD, pointer(g, 11));
            assertEquals(LOSS, pointer(g, 12));
            assertEquals(0, pointer(g, 14));
        }
    }
}
