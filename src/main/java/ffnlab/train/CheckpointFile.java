package ffnlab.train;

import ffnlab.nn.Architecture;
import ffnlab.nn.CorruptFileException;
import ffnlab.nn.LittleEndianInput;
import ffnlab.nn.LittleEndianOutput;
import ffnlab.nn.Parameters;
import ffnlab.nn.ParametersFile;
import ffnlab.nn.optim.OptimiserMoments;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The binary format of a {@link TrainingState} ({@code epoch-K.ckpt}). All numbers little-endian; a parameter
 * block is {@link ParametersFile#writeBlock}'s: for l = 1..L, W^l float32 row-major n_{l-1} x n_l, then b^l float32.
 * <pre>
 *   8 bytes   magic "FFNLCKPT"
 *   int32     version (2)
 *   int32     L; int32 x (L+1) the widths n_0 .. n_L
 *   int32     epoch K, the epochs done
 *   int32     diverged-at epoch (0 = no); int32 stopped early (0 or 1)
 *   float64   J_0, the divergence reference
 *   int32     P; int32 shuffles drawn; int32 x P the permutation they left
 *   int64     optimiser steps t; int32 buffer count (0 SGD, 1 momentum, 2 Adam); that many parameter blocks
 *   block     theta after epoch K
 *   float64   lowest validation loss; int32 epochs since it; int32 its epoch; int32 has-best (0 or 1); [block]
 *   int32     record count (= K); per record: int32 epoch, float64 train_loss, train_mse, test_mse,
 *             train_accuracy, test_accuracy, test_loss, epoch_time_s, int64 updates, float64 update_time_us
 *   int32     probe count; per {@link ProbeRecord}: int32 epoch, int64 updates, float64 test_loss, test_mse,
 *             test_accuracy
 *   int32     CRC-32C of every byte before it
 * </pre>
 * The architecture's activations and the optimiser's kind are not stored: the checkpoint's folder is keyed by the
 * configuration, and {@link #read} takes the architecture it must fit.
 */
public final class CheckpointFile {
    public static final String MAGIC = "FFNLCKPT";
    public static final int VERSION = 2;

    private CheckpointFile() {
    }

    public static byte[] write(TrainingState s) {
        Parameters theta = s.parameters();
        LittleEndianOutput out = new LittleEndianOutput().ascii(MAGIC).int32(VERSION);
        ParametersFile.writeShape(out, theta.architecture());
        out.int32(s.epoch()).int32(s.divergedAtEpoch()).int32(s.stoppedEarly() ? 1 : 0).float64(s.initialLoss());
        int[] order = s.order();
        out.int32(order.length).int32(s.shuffles()).int32s(order);
        out.int64(s.moments().steps()).int32(s.moments().buffers().size());
        for (Parameters buffer : s.moments().buffers()) {
            ParametersFile.writeBlock(out, buffer);
        }
        ParametersFile.writeBlock(out, theta);
        out.float64(s.bestValidation()).int32(s.sinceBest()).int32(s.bestEpoch()).int32(s.best() == null ? 0 : 1);
        if (s.best() != null) {
            ParametersFile.writeBlock(out, s.best());
        }
        out.int32(s.records().size());
        for (EpochRecord r : s.records()) {
            out.int32(r.epoch()).float64(r.trainLoss()).float64(r.trainMse()).float64(r.testMse()).float64(r.trainAccuracy())
                    .float64(r.testAccuracy()).float64(r.testLoss()).float64(r.epochTimeS()).int64(r.updates())
                    .float64(r.updateTimeUs());
        }
        out.int32(s.probes().size());
        for (ProbeRecord p : s.probes()) {
            out.int32(p.epoch()).int64(p.updates()).float64(p.testLoss()).float64(p.testMse()).float64(p.testAccuracy());
        }
        return out.finish();
    }

    /**
     * Reads {@link #write}'s bytes as a state of a network of {@code architecture}.
     *
     * @param file names the file in a {@link CorruptFileException}
     * @throws CorruptFileException for a damaged or truncated file, another version, or other shapes
     */
    public static TrainingState read(String file, byte[] bytes, Architecture architecture) {
        LittleEndianInput in = new LittleEndianInput(file, bytes, MAGIC);
        int version = in.int32();
        if (version != VERSION) {
            throw new CorruptFileException(file, "version " + version + ", this build reads version " + VERSION);
        }
        int[] widths = ParametersFile.readShape(in);
        if (!Arrays.equals(widths, architecture.widths())) {
            throw new CorruptFileException(file, "widths " + Arrays.toString(widths) + ", the network has "
                    + Arrays.toString(architecture.widths()));
        }
        int epoch = in.int32("epoch", 0, Integer.MAX_VALUE);
        int diverged = in.int32("diverged-at epoch", 0, epoch);
        boolean stopped = in.int32("stopped-early flag", 0, 1) == 1;
        double initialLoss = in.float64();
        int patterns = in.int32("pattern count", 0, in.remaining() / Integer.BYTES);
        int shuffles = in.int32("shuffle count", 0, epoch);
        int[] order = in.int32s(patterns);
        long steps = in.int64();
        int count = in.int32("optimiser buffer count", 0, 2);
        List<Parameters> buffers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            buffers.add(ParametersFile.readBlock(in, architecture));
        }
        Parameters theta = ParametersFile.readBlock(in, architecture);
        double bestValidation = in.float64();
        int sinceBest = in.int32("epochs since the best validation loss", 0, epoch);
        int bestEpoch = in.int32("best epoch", 0, epoch);
        Parameters best = in.int32("has-best flag", 0, 1) == 1 ? ParametersFile.readBlock(in, architecture) : null;
        int recordCount = in.int32("record count", epoch, epoch);
        List<EpochRecord> records = new ArrayList<>();
        for (int i = 0; i < recordCount; i++) {
            records.add(new EpochRecord(in.int32("record epoch", i + 1, i + 1), in.float64(), in.float64(), in.float64(),
                    in.float64(), in.float64(), in.float64(), in.float64(), in.int64(), in.float64()));
        }
        int probeCount = in.int32("probe count", 0, in.remaining() / (Integer.BYTES + 4 * Long.BYTES));
        List<ProbeRecord> probes = new ArrayList<>();
        for (int i = 0; i < probeCount; i++) {
            probes.add(new ProbeRecord(in.int32("probe epoch", 1, epoch), in.int64(), in.float64(), in.float64(), in.float64()));
        }
        in.end();
        try {
            return new TrainingState(epoch, records, theta, new OptimiserMoments(steps, buffers), order, shuffles,
                    initialLoss, bestValidation, sinceBest, bestEpoch, best, diverged, stopped, probes);
        } catch (IllegalArgumentException e) {
            throw new CorruptFileException(file, e.getMessage());
        }
    }
}
