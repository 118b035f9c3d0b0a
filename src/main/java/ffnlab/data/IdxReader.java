package ffnlab.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads the IDX files of (Fashion-)MNIST, gzip-compressed or raw, in one streaming pass that also computes the
 * SHA-256 of the uncompressed content. Layout (big-endian): magic 0x00000803 (unsigned bytes, 3 dimensions),
 * N, rows, cols, then N x rows x cols pixels; labels: magic 0x00000801, N, then N bytes. Byte offsets in
 * messages count uncompressed bytes from the start of the IDX content.
 */
public final class IdxReader {
    /** Magic number of an IDX file of unsigned bytes with 3 dimensions (images). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an IDX file of unsigned bytes with 1 dimension (labels). */
    public static final int LABELS_MAGIC = 0x00000801;
    private static final int CHUNK = 1 << 20;

    private IdxReader() {
    }

    /**
     * N images of rows x cols unsigned bytes.
     *
     * @param count  N, row-major: image p's pixel (r, c) at p rows cols + r cols + c
     * @param pixels N x rows x cols bytes (0..255 as unsigned)
     * @param sha256 SHA-256 of the uncompressed IDX content
     */
    public record Images(int count, int rows, int cols, byte[] pixels, String sha256) {
    }

    /**
     * N labels.
     *
     * @param labels N bytes, each a class index
     * @param sha256 SHA-256 of the uncompressed IDX content
     */
    public record Labels(int count, byte[] labels, String sha256) {
    }

    /**
     * Reads an images file and checks its magic and dimensions.
     *
     * @param expectedCount N the caller needs, or 0 for any
     */
    public static Images images(Path file, int expectedCount, int rows, int cols) {
        try (Stream in = open(file)) {
            int magic = in.int32("the IDX magic number");
            if (magic != IMAGES_MAGIC) {
                throw DataException.atByte(file, 0, String.format("expected the IDX images magic number 0x%08x (2051), found 0x%08x", IMAGES_MAGIC, magic));
            }
            int count = in.int32("the number of images");
            if (count < 0 || (expectedCount > 0 && count != expectedCount)) {
                throw DataException.atByte(file, 4, "expected " + (expectedCount > 0 ? expectedCount : "a non-negative number of") + " images, found " + count);
            }
            int r = in.int32("the number of pixel rows");
            if (r != rows) {
                throw DataException.atByte(file, 8, "expected " + rows + " pixel rows per image, found " + r);
            }
            int c = in.int32("the number of pixel columns");
            if (c != cols) {
                throw DataException.atByte(file, 12, "expected " + cols + " pixel columns per image, found " + c);
            }
            long size = (long) count * rows * cols;
            if (size > Integer.MAX_VALUE - 8) {
                throw DataException.atByte(file, 4, "expected at most " + (Integer.MAX_VALUE - 8) / ((long) rows * cols)
                        + " images of " + rows + " x " + cols + " pixels, found " + count);
            }
            byte[] pixels = in.body((int) size, count + " images of " + rows + " x " + cols + " pixels");
            return new Images(count, rows, cols, pixels, in.finish());
        }
    }

    /**
     * Reads a labels file and checks its magic, its count and that every label is below {@code classes}.
     *
     * @param expectedCount N the caller needs, or 0 for any
     */
    public static Labels labels(Path file, int expectedCount, int classes) {
        try (Stream in = open(file)) {
            int magic = in.int32("the IDX magic number");
            if (magic != LABELS_MAGIC) {
                throw DataException.atByte(file, 0, String.format("expected the IDX labels magic number 0x%08x (2049), found 0x%08x", LABELS_MAGIC, magic));
            }
            int count = in.int32("the number of labels");
            if (count < 0 || (expectedCount > 0 && count != expectedCount)) {
                throw DataException.atByte(file, 4, "expected " + (expectedCount > 0 ? expectedCount : "a non-negative number of") + " labels, found " + count);
            }
            byte[] labels = in.body(count, count + " labels");
            for (int i = 0; i < count; i++) {
                if ((labels[i] & 0xff) >= classes) {
                    throw DataException.atByte(file, 8L + i, "expected a class label in 0.." + (classes - 1) + ", found " + (labels[i] & 0xff));
                }
            }
            return new Labels(count, labels, in.finish());
        }
    }

    private static Stream open(Path file) {
        InputStream raw;
        try {
            raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        } catch (NoSuchFileException e) {
            throw DataException.ofFile(file, "file not found");
        } catch (IOException e) {
            throw DataException.ofFile(file, "cannot be read (" + e.getMessage() + ")", e);
        }
        try {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            boolean gzip = b0 == 0x1f && b1 == 0x8b;
            if (!gzip && file.getFileName().toString().endsWith(".gz")) {
                raw.close();
                throw DataException.atByte(file, 0, b0 < 0 ? "empty file; expected gzip data (1f 8b ...)"
                        : String.format("expected gzip data starting 1f 8b, found %02x %02x", b0, Math.max(b1, 0)));
            }
            return new Stream(file, gzip ? new GZIPInputStream(raw, 1 << 16) : raw);
        } catch (EOFException e) {
            closeQuietly(raw);
            throw DataException.atByte(file, 0, "truncated gzip header; expected a complete gzip file");
        } catch (ZipException e) {
            closeQuietly(raw);
            throw DataException.atByte(file, 0, "expected a valid gzip header (" + e.getMessage() + ")");
        } catch (IOException e) {
            closeQuietly(raw);
            throw DataException.ofFile(file, "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // already failing with a clearer message
        }
    }

    /** The uncompressed content with its offset and running digest. */
    private static final class Stream implements AutoCloseable {
        private final Path file;
        private final InputStream in;
        private final MessageDigest digest = Sha256.digest();
        private long offset;

        Stream(Path file, InputStream in) {
            this.file = file;
            this.in = in;
        }

        int int32(String what) {
            byte[] b = body(4, what);
            return ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        }

        /**
         * Exactly n bytes, or the user's error naming where the data ended. The buffer grows with the data read,
         * so a corrupt count in a header never allocates more than the file holds.
         */
        byte[] body(int n, String what) {
            byte[] out = new byte[Math.min(n, CHUNK)];
            int done = 0;
            long start = offset;
            try {
                while (done < n) {
                    if (done == out.length) {
                        out = java.util.Arrays.copyOf(out, (int) Math.min(n, 2L * out.length));
                    }
                    int got = in.read(out, done, Math.min(CHUNK, out.length - done));
                    if (got < 0) {
                        break;
                    }
                    done += got;
                }
            } catch (EOFException e) {
                // GZIPInputStream: the compressed stream stopped mid-way
            } catch (ZipException e) {
                throw DataException.atByte(file, start + done, "corrupt gzip data (" + e.getMessage() + "); expected " + what);
            } catch (IOException e) {
                throw DataException.ofFile(file, "cannot be read (" + e.getMessage() + ")", e);
            }
            if (done < n) {
                throw DataException.atByte(file, start + done, "unexpected end of data (truncated file); expected "
                        + what + ", " + (start + n) + " bytes in all");
            }
            digest.update(out, 0, n);
            offset += n;
            return out;
        }

        /** Checks that nothing follows (which also checks the gzip trailer's CRC) and returns the SHA-256. */
        String finish() {
            try {
                int extra = in.read();
                if (extra >= 0) {
                    throw DataException.atByte(file, offset, "expected the end of the data after " + offset + " bytes, found more");
                }
            } catch (EOFException e) {
                throw DataException.atByte(file, offset, "unexpected end of data (truncated gzip trailer); expected a complete gzip file");
            } catch (ZipException e) {
                throw DataException.atByte(file, offset, "corrupt gzip trailer (" + e.getMessage() + ")");
            } catch (IOException e) {
                throw DataException.ofFile(file, "cannot be read (" + e.getMessage() + ")", e);
            }
            return Sha256.hex(digest.digest());
        }

        @Override
        public void close() {
            closeQuietly(in);
        }
    }
}
