package ffnlab.backend.gpu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The peer's seconds per epoch as {@code src/bench/python/torch_peer_gpu.py} printed them in the same check run:
 * {@code peer MODE BATCH SECONDS} lines (other lines, such as {@code peer-info} and {@code peer-failed}, are kept
 * only as notes). A mode and batch without a line is not measured; nothing here is ever a constant. Immutable.
 */
final class PeerTimings {
    /** The peer's modes, in the order the table shows them. */
    static final List<String> MODES = List.of("torch-eager", "torch-cudagraph");

    private final Map<String, Map<Integer, Double>> seconds;
    private final List<String> notes;

    private PeerTimings(Map<String, Map<Integer, Double>> seconds, List<String> notes) {
        this.seconds = seconds;
        this.notes = List.copyOf(notes);
    }

    /** No measurement at all (no peer output). */
    static PeerTimings none(String why) {
        return new PeerTimings(Map.of(), List.of(why));
    }

    /** The peer's timings from {@code file}; none, with the reason, when there is no file or it cannot be read. */
    static PeerTimings read(Path file) {
        if (file == null) {
            return none("no peer output given: peer columns not measured");
        }
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            return none("cannot read " + file + " (" + e.getMessage() + "): peer columns not measured");
        }
    }

    /**
     * Reads the peer's output.
     *
     * @throws IllegalArgumentException naming the line when a {@code peer} line is not {@code peer MODE BATCH SECONDS}
     *                                  with a positive batch and a positive, finite number of seconds
     */
    static PeerTimings parse(String output) {
        Map<String, Map<Integer, Double>> seconds = new LinkedHashMap<>();
        List<String> notes = new java.util.ArrayList<>();
        List<String> lines = output.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            String[] f = line.split("\\s+");
            if (!f[0].equals("peer")) {
                if (f[0].startsWith("peer-")) {
                    notes.add(line);
                }
                continue;
            }
            try {
                if (f.length != 4) {
                    throw new NumberFormatException("expected 4 fields, got " + f.length);
                }
                int batch = Integer.parseInt(f[2]);
                double s = Double.parseDouble(f[3]);
                if (batch < 1 || !(s > 0) || Double.isInfinite(s)) {
                    throw new NumberFormatException("batch and seconds must be positive");
                }
                seconds.computeIfAbsent(f[1], m -> new TreeMap<>()).put(batch, s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("peer output line " + (i + 1) + ": expected 'peer MODE BATCH SECONDS', got '"
                        + line + "' (" + e.getMessage() + ")", e);
            }
        }
        return new PeerTimings(seconds, notes);
    }

    /** The peer's seconds per epoch for {@code mode} at {@code batch}, when it was measured. */
    Optional<Double> seconds(String mode, int batch) {
        return Optional.ofNullable(seconds.getOrDefault(mode, Map.of()).get(batch));
    }

    /** The peer's own lines about itself ({@code peer-info}, {@code peer-failed}, {@code peer-unavailable}) or why there is none. */
    List<String> notes() {
        return notes;
    }
}
