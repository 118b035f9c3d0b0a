package ffnlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small IDX files written in a temporary folder: every way the Fashion-MNIST files can be bad. */
class IdxReaderTest {
    @TempDir
    Path dir;

    static byte[] idx(int magic, int[] dims, byte[] body) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + body.length);
        b.putInt(magic);
        for (int d : dims) {
            b.putInt(d);
        }
        b.put(body);
        return b.array();
    }

    static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        }
        return out.toByteArray();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static byte[] pixels(int n) {
        byte[] p = new byte[n];
        for (int i = 0; i < n; i++) {
            p[i] = (byte) (i * 37);
        }
        return p;
    }

    @Test
    void readsGzipAndRawImagesWithTheContentsHash() throws IOException {
        byte[] content = idx(IdxReader.IMAGES_MAGIC, new int[] {3, 2, 4}, pixels(24));
        IdxReader.Images gz = IdxReader.images(write("i.gz", gzip(content)), 3, 2, 4);
        IdxReader.Images raw = IdxReader.images(write("i", content), 0, 2, 4);
        assertEquals(3, gz.count());
        assertArrayEquals(pixels(24), gz.pixels());
        assertArrayEquals(gz.pixels(), raw.pixels());
        assertEquals(Sha256.hex(Sha256.digest().digest(content)), gz.sha256());
        assertEquals(gz.sha256(), raw.sha256());
    }

    @Test
    void readsLabels() throws IOException {
        IdxReader.Labels l = IdxReader.labels(write("l.gz", gzip(idx(IdxReader.LABELS_MAGIC, new int[] {4}, new byte[] {0, 9, 3, 1}))), 4, 10);
        assertArrayEquals(new byte[] {0, 9, 3, 1}, l.labels());
    }

    @Test
    void wrongMagic() throws IOException {
        Path f = write("m.gz", gzip(idx(IdxReader.LABELS_MAGIC, new int[] {1, 2, 2}, new byte[4])));
        DataException e = assertThrows(DataException.class, () -> IdxReader.images(f, 1, 2, 2));
        assertEquals(f + ": byte 0: expected the IDX images magic number 0x00000803 (2051), found 0x00000801", e.getMessage());
    }

    @Test
    void wrongImageCount() throws IOException {
        Path f = write("n.gz", gzip(idx(IdxReader.IMAGES_MAGIC, new int[] {2, 2, 2}, new byte[8])));
        DataException e = assertThrows(DataException.class, () -> IdxReader.images(f, 60000, 2, 2));
        assertEquals(f + ": byte 4: expected 60000 images, found 2", e.getMessage());
    }

    @Test
    void wrongImageSize() throws IOException {
        Path f = write("d.gz", gzip(idx(IdxReader.IMAGES_MAGIC, new int[] {1, 28, 27}, new byte[28 * 27])));
        DataException e = assertThrows(DataException.class, () -> IdxReader.images(f, 1, 28, 28));
        assertEquals(f + ": byte 12: expected 28 pixel columns per image, found 27", e.getMessage());
    }

    @Test
    void labelCountDiffersFromTheImages() throws IOException {
        Path f = write("c.gz", gzip(idx(IdxReader.LABELS_MAGIC, new int[] {3}, new byte[3])));
        DataException e = assertThrows(DataException.class, () -> IdxReader.labels(f, 10000, 10));
        assertEquals(f + ": byte 4: expected 10000 labels, found 3", e.getMessage());
    }

    @Test
    void labelOutOfRange() throws IOException {
        Path f = write("r.gz", gzip(idx(IdxReader.LABELS_MAGIC, new int[] {3}, new byte[] {1, 2, 10})));
        DataException e = assertThrows(DataException.class, () -> IdxReader.labels(f, 3, 10));
        assertEquals(f + ": byte 10: expected a class label in 0..9, found 10", e.getMessage());
    }

    @Test
    void truncatedGzip() throws IOException {
        byte[] gz = gzip(idx(IdxReader.IMAGES_MAGIC, new int[] {100, 28, 28}, pixels(100 * 28 * 28)));
        Path f = write("t.gz", Arrays.copyOf(gz, gz.length / 2));
        DataException e = assertThrows(DataException.class, () -> IdxReader.images(f, 100, 28, 28));
        assertEquals(true, e.getMessage().matches(java.util.regex.Pattern.quote(f.toString())
                + ": byte \\d+: unexpected end of data \\(truncated file\\); expected 100 images of 28 x 28 pixels, 78416 bytes in all"), e.getMessage());
    }

    @Test
    void truncatedRawFile() throws IOException {
        byte[] content = idx(IdxReader.IMAGES_MAGIC, new int[] {2, 2, 2}, new byte[8]);
        Path f = write("t", Arrays.copyOf(content, 20));
        DataException e = assertThrows(DataException.class, () -> IdxReader.images(f, 2, 2, 2));
        assertEquals(f + ": byte 20: unexpected end of data (truncated file); expected 2 images of 2 x 2 pixels, 24 bytes in all", e.getMessage());
    }

    @Test
    void notGzipAtAll() throws IOException {
        Path f = write("x.gz", "hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        DataException e = assertThrows(DataException.class, () -> IdxReader.labels(f, 0, 10));
        assertEquals(f + ": byte 0: expected gzip data starting 1f 8b, found 68 65", e.getMessage());
    }

    @Test
    void emptyFile() throws IOException {
        Path f = write("e.gz", new byte[0]);
        DataException e = assertThrows(DataException.class, () -> IdxReader.labels(f, 0, 10));
        assertEquals(f + ": byte 0: empty file; expected gzip data (1f 8b ...)", e.getMessage());
    }

    @Test
    void trailingBytes() throws IOException {
        byte[] content = idx(IdxReader.LABELS_MAGIC, new int[] {2}, new byte[] {1, 2, 3});
        Path f = write("tr.gz", gzip(content));
        DataException e = assertThrows(DataException.class, () -> IdxReader.labels(f, 2, 10));
        assertEquals(f + ": byte 10: expected the end of the data after 10 bytes, found more", e.getMessage());
    }

    @Test
    void missingFile() {
        Path f = dir.resolve("absent.gz");
        assertEquals(f + ": file not found", assertThrows(DataException.class, () -> IdxReader.labels(f, 0, 10)).getMessage());
    }
}
