package ffnlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/**
 * parameters.bin: its bytes read at the offsets the format documents (with a plain little-endian buffer, not the
 * reader under test), the round trip, and every damage (a flipped byte anywhere, a truncation, another magic or
 * version) reported in one line that names the file.
 */
class ParametersFileTest {
    private static Parameters random(Architecture a, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Parameters p = new Parameters(a);
        for (int l = 1; l <= a.depth(); l++) {
            for (float[] v : new float[][] {p.weights(l), p.biases(l)}) {
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) r.nextGaussian();
                }
            }
        }
        return p;
    }

    @Test
    void theBytesAreTheDocumentedLayout() {
        Architecture a = Architecture.of(Activation.RELU, Activation.SOFTMAX, 3, 4, 2);
        Parameters p = random(a, 1);
        byte[] bytes = ParametersFile.write(p);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[8];
        b.get(magic);
        assertEquals("FFNLPARM", new String(magic, StandardCharsets.US_ASCII));
        assertEquals(1, b.getInt());
        assertEquals(2, b.getInt());
        assertArrayEquals(new int[] {3, 4, 2}, new int[] {b.getInt(), b.getInt(), b.getInt()});
        for (String key : new String[] {"relu", "softmax"}) {
            byte[] text = new byte[b.getInt()];
            b.get(text);
            assertEquals(key, new String(text, StandardCharsets.UTF_8));
        }
        assertEquals(p.weight(1, 0, 0), b.getFloat());
        b.position(b.position() + 4 * (3 * 4 - 1));
        assertEquals(p.biases(1)[0], b.getFloat());
        b.position(b.position() + 4 * (4 - 1) + 4 * 4 * 2);
        assertEquals(p.biases(2)[1], b.getFloat(4 * 1 + b.position()));
        b.position(b.position() + 4 * 2);
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, b.position());
        assertEquals((int) crc.getValue(), b.getInt());
        assertEquals(bytes.length, b.position());
    }

    @Test
    void readingBackGivesTheSameBits() {
        Architecture a = Architecture.of(Activation.TANH, Activation.LINEAR, 5, 7, 6, 1);
        Parameters p = random(a, 2);
        p.weights(2)[3] = Float.NaN;
        p.biases(1)[0] = -0f;
        Parameters q = ParametersFile.read("x.bin", ParametersFile.write(p));
        assertEquals(a, q.architecture());
        assertTrue(p.bitwiseEquals(q));
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(q.biases(1)[0]));
    }

    @Test
    void everyDamageIsAOneLineErrorNamingTheFile() {
        byte[] good = ParametersFile.write(random(Architecture.of(Activation.SIGMOID, Activation.SIGMOID, 2, 3, 2), 3));
        for (int i = 0; i < good.length; i++) {
            byte[] bad = good.clone();
            bad[i] ^= 0x01;
            CorruptFileException e = assertThrows(CorruptFileException.class, () -> ParametersFile.read("trial/parameters.bin", bad),
                    "byte " + i + " flipped");
            assertTrue(e.getMessage().startsWith("trial/parameters.bin: ") && !e.getMessage().contains("\n"), e.getMessage());
        }
        for (int n : new int[] {0, 5, 12, good.length - 1}) {
            assertThrows(CorruptFileException.class, () -> ParametersFile.read("p.bin", Arrays.copyOf(good, n)), n + " bytes");
        }
        byte[] version2 = good.clone();
        version2[8] = 2;
        CRC32C crc = new CRC32C();
        crc.update(version2, 0, version2.length - 4);
        ByteBuffer.wrap(version2).order(ByteOrder.LITTLE_ENDIAN).putInt(version2.length - 4, (int) crc.getValue());
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> ParametersFile.read("p.bin", version2));
        assertEquals("p.bin: version 2, this build reads version 1", e.getMessage());
    }
}
