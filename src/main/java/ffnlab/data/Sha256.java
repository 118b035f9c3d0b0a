package ffnlab.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 fingerprints of data files, as lower-case hex, and their verification against a published value. */
public final class Sha256 {
    private Sha256() {
    }

    /** A fresh SHA-256 digest. */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** The file's SHA-256, streamed. */
    public static String ofFile(Path file) {
        MessageDigest md = digest();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                md.update(buffer, 0, n);
            }
        } catch (NoSuchFileException e) {
            throw DataException.ofFile(file, "file not found");
        } catch (IOException e) {
            throw DataException.ofFile(file, "cannot be read (" + e.getMessage() + ")", e);
        }
        return hex(md.digest());
    }

    /** SHA-256 of a UTF-8 string. */
    public static String ofText(String text) {
        return hex(digest().digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    public static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    /**
     * Throws the user's one-line error unless {@code actual} equals {@code expected}.
     *
     * @param where what the expected value is, e.g. "SOURCES.md"
     */
    public static void verify(Path file, String actual, String expected, String where) {
        if (!actual.equalsIgnoreCase(expected)) {
            throw DataException.ofFile(file, "SHA-256 is " + actual + ", expected " + expected + " (" + where
                    + "); the file is damaged or not the published one");
        }
    }
}
