package ffnlab.gate;

import ffnlab.results.TrialSchema.Column;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * SHA-256 over the per-epoch metrics of a configuration's seeds (metrics.csv, seeds in order), without the
 * timing columns ({@code epoch_time_s}, {@code update_time_us}), which change from run to run while the
 * numbers the network computes do not: with fixed seeds the CPU backend is bitwise deterministic, so equal
 * fingerprints mean every loss, m.s.e. and accuracy of every epoch is the same double.
 */
public final class MetricsFingerprint {
    /** Wall-clock columns: never part of the fingerprint. */
    static final List<String> TIMING = List.of(Column.EPOCH_TIME_S.key(), Column.UPDATE_TIME_US.key());

    private final MessageDigest digest;

    public MetricsFingerprint() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Adds one seed's metrics.csv ("missing" when the trial wrote none, e.g. a failed trial). */
    public MetricsFingerprint add(long seed, Path metricsCsv) {
        update("seed " + seed + "\n");
        if (!Files.isRegularFile(metricsCsv)) {
            update("missing\n");
            return this;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(metricsCsv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            update("unreadable\n");
            return this;
        }
        if (lines.isEmpty()) {
            return this;
        }
        String[] header = lines.getFirst().split(",", -1);
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < header.length; i++) {
            if (!TIMING.contains(header[i])) {
                kept.add(i);
            }
        }
        for (String line : lines) {
            String[] cells = line.split(",", -1);
            StringBuilder row = new StringBuilder();
            for (int i : kept) {
                row.append(i < cells.length ? cells[i] : "").append(',');
            }
            update(row.append('\n').toString());
        }
        return this;
    }

    /** The fingerprint, 64 hex digits. */
    public String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }

    private void update(String s) {
        digest.update(s.getBytes(StandardCharsets.UTF_8));
    }
}
