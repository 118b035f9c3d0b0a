package ffnlab.report;

import ffnlab.data.Sha256;
import ffnlab.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The record, beside a built page, of what it was built from: {@code .NAME.fingerprint} next to {@code NAME} holds the
 * fingerprint of the page's inputs and the SHA-256 of the page text that was written. The page is fresh when the record
 * names the current inputs and the page on disk still hashes to that text, so a page that something else rewrote or
 * removed is rebuilt.
 *
 * <p>A build {@link #forget()}s the record before it writes anything and {@link #record}s it, atomically, only after
 * the page was written whole, from the text it meant to write: a build that fails half-way leaves no record, and a
 * record can never vouch for a page that holds other bytes.
 */
final class PageFingerprint {
    private static final String INPUTS = "inputs ";
    private static final String PAGE = "page ";

    private final Path page;
    private final Path record;

    PageFingerprint(Path page) {
        this.page = page;
        this.record = page.resolveSibling("." + page.getFileName() + ".fingerprint");
    }

    /** Whether the page was built from {@code inputs} and still holds what that build wrote. */
    boolean fresh(String inputs) {
        String stored;
        try {
            stored = Files.readString(record, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            return false;   // an unreadable record vouches for nothing: the page is rebuilt
        }
        String expected = INPUTS + inputs + "\n" + PAGE;
        if (!stored.startsWith(expected)) {
            return false;
        }
        try {
            return stored.equals(expected + Sha256.ofFile(page) + "\n");
        } catch (RuntimeException e) {
            return false;   // the page is gone or unreadable
        }
    }

    /** Removes the record, before the page is written. */
    void forget() {
        try {
            Files.deleteIfExists(record);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + record + ": " + e.getMessage(), e);
        }
    }

    /** Records that the page now holds {@code pageText}, built from {@code inputs}; call after the page was written. */
    void record(String inputs, String pageText) {
        AtomicFile.write(record, INPUTS + inputs + "\n" + PAGE + Sha256.ofText(pageText) + "\n");
    }

    /** The record's file (tests). */
    Path file() {
        return record;
    }
}
