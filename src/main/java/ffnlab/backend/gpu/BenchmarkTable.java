package ffnlab.backend.gpu;

import java.util.Locale;

/**
 * The GPU benchmark's table: per batch size ffnlab's seconds per epoch with CUDA graphs and with direct launches,
 * microseconds per update, then for each peer mode its seconds per epoch and ffnlab's speed-up over it (the peer's
 * time over ffnlab's faster one), or "not measured" where the peer gave no time. Stateless.
 */
final class BenchmarkTable {
    static final String NOT_MEASURED = "not measured";

    private BenchmarkTable() {
    }

    static String header() {
        StringBuilder b = new StringBuilder("batch  s/epoch(graphs)  s/epoch(direct)  us/update(graphs)");
        for (String mode : PeerTimings.MODES) {
            b.append(String.format(Locale.ROOT, "  %16s  %12s", mode, "speed-up"));
        }
        return b.toString();
    }

    static String row(int batch, double withGraphs, double direct, long updates, PeerTimings peer) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%5d  %15.4f  %15.4f  %17.2f", batch, withGraphs, direct,
                withGraphs * 1e6 / updates));
        double ours = Math.min(withGraphs, direct);
        for (String mode : PeerTimings.MODES) {
            var s = peer.seconds(mode, batch);
            b.append(String.format(Locale.ROOT, "  %16s  %12s",
                    s.map(v -> String.format(Locale.ROOT, "%.4f", v)).orElse(NOT_MEASURED),
                    s.map(v -> String.format(Locale.ROOT, "%.1fx", v / ours)).orElse(NOT_MEASURED)));
        }
        return b.toString();
    }
}
