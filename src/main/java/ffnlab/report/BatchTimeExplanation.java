package ffnlab.report;

import ffnlab.analysis.Aggregation;
import ffnlab.analysis.CurveMinimum;
import ffnlab.analysis.FinishedTrial;
import ffnlab.analysis.YamlDocument;
import ffnlab.data.FashionMnist;
import ffnlab.results.TrialSchema.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * Why the time per epoch has the shape it has against batch size on the machine that ran it, in two sentences made of
 * measured figures: the machine (CPU, cores, threads and data cache sizes from the trials' provenance), the GEMMs'
 * floating-point operations per pattern (from the layer sizes), and the rate they ran at for each batch size
 * ({@link #gflops}: patterns per epoch x operations per pattern / measured time per epoch). Only for data sets whose
 * layer sizes the report knows (Fashion-MNIST: 784 inputs, 10 classes); empty otherwise.
 */
final class BatchTimeExplanation {
    private BatchTimeExplanation() {
    }

    /**
     * Floating-point operations of one pattern's update in the GEMMs of layer sizes {@code n_0 .. n_L}: forward
     * U^l = H^{l-1} W^l (2 n_{l-1} n_l), the weight gradient (H^{l-1})^T grad_U (2 n_{l-1} n_l) and, for l >= 2, the
     * back-propagated grad_U (W^l)^T (2 n_{l-1} n_l). Bias, activation and optimiser work are O(n) and left out.
     */
    static double flopsPerPattern(int[] layers) {
        double flops = 0;
        for (int l = 1; l < layers.length; l++) {
            double product = (double) layers[l - 1] * layers[l];
            flops += (l >= 2 ? 6 : 4) * product;
        }
        return flops;
    }

    /** GFLOP/s of an epoch: {@code rows} patterns of {@code flopsPerPattern} in {@code epochSeconds}. */
    static double gflops(double rows, double flopsPerPattern, double epochSeconds) {
        return rows * flopsPerPattern / epochSeconds / 1e9;
    }

    static List<String> sentences(ExperimentFindings f, String batchKey) {
        Table t = f.perConfiguration();
        String column = Metric.MEAN_EPOCH_TIME_S.key() + Aggregation.MEAN;
        Optional<FinishedTrial> trial = f.representative();
        if (trial.isEmpty() || !t.containsColumn(column) || !(t.column(batchKey) instanceof NumericColumn<?> b)
                || !FashionMnist.NAME.equals(String.valueOf(trial.get().config("dataset.source")))) {
            return List.of();
        }
        int[] layers = layers(trial.get());
        double rows = rows(trial.get());
        double[] x = b.asDoubleArray();
        double[] seconds = t.doubleColumn(column).asDoubleArray();
        Optional<CurveMinimum> found = CurveMinimum.of(x, seconds, t.doubleColumn(Metric.MEAN_EPOCH_TIME_S.key() + Aggregation.CI95).asDoubleArray());
        if (layers.length < 2 || found.isEmpty() || found.get().first() == found.get().last()) {
            return List.of();
        }
        CurveMinimum m = found.get();
        double flops = flopsPerPattern(layers);
        double weights = 0;
        int widest = 0;
        for (int l = 1; l < layers.length; l++) {
            weights += (double) layers[l - 1] * layers[l];
            widest = l < layers.length - 1 ? Math.max(widest, layers[l]) : widest;
        }
        YamlDocument provenance = trial.get().provenance();
        long l2 = bytes(provenance.get("cache_bytes.l2"));
        String machine = provenance.get("cpu_model") + ", " + provenance.get("cores") + " cores, "
                + provenance.get("threads") + " thread" + ("1".equals(String.valueOf(provenance.get("threads"))) ? "" : "s")
                + " per trial, " + provenance.get("backend") + " backend; " + caches(provenance);
        String rate = "%s GFLOP/s at %s = %s";
        List<String> out = new ArrayList<>();
        if (m.row() == m.first()) {
            out.add("On this machine (" + machine + ") the time per epoch is lowest at the smallest batch size: the rate "
                    + "of the GEMMs (" + Html.number(flops / 1e6) + " MFLOP per pattern) does not rise with the batch size ("
                    + String.format(Locale.ROOT, rate, Html.number(gflops(rows, flops, m.mean())), batchKey, Html.number(m.x()))
                    + ", " + String.format(Locale.ROOT, rate, Html.number(gflops(rows, flops, seconds[m.last()])), batchKey,
                    Html.number(x[m.last()])) + "), so fixed costs per update do not dominate here.");
            return out;
        }
        out.add("Why this shape here (" + machine + "): an update's GEMMs cost " + Html.number(flops / 1e6)
                + " MFLOP per pattern for " + java.util.Arrays.toString(layers) + ", and their measured rate climbs from "
                + String.format(Locale.ROOT, rate, Html.number(gflops(rows, flops, seconds[m.first()])), batchKey, Html.number(x[m.first()]))
                + " to " + Html.number(gflops(rows, flops, m.mean())) + " GFLOP/s at the minimum (" + Html.number(m.x())
                + "), because a small batch shares each update's fixed work among few patterns: every update reads all "
                + size(4 * weights) + " of weights" + (l2 > 0 ? (4 * weights > l2 ? " (more than L2 holds)" : " (within L2)") : "")
                + " to multiply only B rows by them, and the optimiser then writes all " + Html.number(weights) + " weights.");
        double last = gflops(rows, flops, seconds[m.last()]);
        double activations = 4.0 * x[m.last()] * widest;
        String activationSize = "a batch's widest activations take " + size(activations) + " at " + batchKey + " = "
                + Html.number(x[m.last()]) + (l2 > 0 ? " against L2's " + size(l2) : "");
        if (m.interior()) {
            out.add("Past " + batchKey + " = " + Html.number(m.x()) + " the rate no longer rises ("
                    + String.format(Locale.ROOT, rate, Html.number(last), batchKey, Html.number(x[m.last()]))
                    + "): the GEMMs already run as fast as these threads make them while " + activationSize
                    + ", so larger batches only add work per update and the time per epoch turns up: the right arm of the U.");
        } else {
            out.add("The rate still rises at the largest batch size (" + String.format(Locale.ROOT, rate, Html.number(last),
                    batchKey, Html.number(x[m.last()])) + "; " + activationSize + "), so this sweep ends before the right arm of a U.");
        }
        return out;
    }

    /** [inputs, hidden..., classes] of a Fashion-MNIST trial. */
    private static int[] layers(FinishedTrial trial) {
        List<Integer> sizes = new ArrayList<>();
        sizes.add(FashionMnist.SIDE * FashionMnist.SIDE);
        if (trial.config("model.hidden") instanceof List<?> hidden) {
            for (Object h : hidden) {
                sizes.add((int) YamlDocument.asNumber(h));
            }
        }
        sizes.add(FashionMnist.CLASS_NAMES.size());
        return sizes.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Training patterns per epoch: dataset.train_limit when it cuts the official training set, else all of it. */
    private static double rows(FinishedTrial trial) {
        double limit = YamlDocument.asNumber(trial.config("dataset.train_limit"));
        return Double.isFinite(limit) && limit > 0 ? Math.min(limit, FashionMnist.TRAIN_ROWS) : FashionMnist.TRAIN_ROWS;
    }

    private static String caches(YamlDocument provenance) {
        List<String> parts = new ArrayList<>();
        for (String level : List.of("l1d", "l2", "l3")) {
            long v = bytes(provenance.get("cache_bytes." + level));
            if (v > 0) {
                parts.add(level.toUpperCase(Locale.ROOT) + " " + size(v));
            }
        }
        return parts.isEmpty() ? "cache sizes not recorded" : String.join(", ", parts);
    }

    private static long bytes(Object value) {
        double v = YamlDocument.asNumber(value);
        return Double.isFinite(v) ? (long) v : -1;
    }

    /** Bytes in KiB or MiB. */
    static String size(double bytes) {
        return bytes >= 1024 * 1024 ? Html.number(Math.round(bytes / (1024 * 1024.0) * 10) / 10.0) + " MiB"
                : Html.number(Math.round(bytes / 1024.0 * 10) / 10.0) + " KiB";
    }
}
