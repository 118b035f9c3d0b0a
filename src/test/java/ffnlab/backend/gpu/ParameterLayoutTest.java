package ffnlab.backend.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.nn.Activation;
import ffnlab.nn.Architecture;
import ffnlab.nn.Initialiser;
import ffnlab.nn.Parameters;
import org.junit.jupiter.api.Test;

class ParameterLayoutTest {
    private static final Architecture ARCH = Architecture.of(Activation.RELU, Activation.SOFTMAX, 20, 17, 9, 3);

    @Test
    void offsetsFollowWeightsThenBiasesLayerByLayer() {
        ParameterLayout layout = new ParameterLayout(ARCH);
        assertEquals(0, layout.weights(1));
        assertEquals(20 * 17, layout.biases(1));
        assertEquals(20 * 17 + 17, layout.weights(2));
        assertEquals(20 * 17 + 17 + 17 * 9 + 9 + 9 * 3, layout.biases(3));
        assertEquals(ARCH.parameterCount(), layout.size());
    }

    @Test
    void packAndUnpackAreInverse() {
        Parameters p = new Initialiser.PyTorchDefault().create(ARCH, 11);
        ParameterLayout layout = new ParameterLayout(ARCH);
        float[] flat = layout.pack(p);
        assertEquals(p.weight(2, 3, 4), flat[(int) layout.weights(2) + 3 * 9 + 4]);
        assertEquals(p.biases(3)[2], flat[(int) layout.biases(3) + 2]);
        assertTrue(layout.unpack(flat).bitwiseEquals(p));
    }

    @Test
    void rejectsMismatchedShapes() {
        ParameterLayout layout = new ParameterLayout(ARCH);
        assertThrows(IllegalArgumentException.class, () -> layout.unpack(new float[3]));
        Parameters other = new Parameters(Architecture.of(Activation.RELU, Activation.SOFTMAX, 20, 16, 9, 3));
        assertThrows(IllegalArgumentException.class, () -> layout.pack(other));
    }
}
