package ffnlab.train;

import ffnlab.nn.Parameters;
import java.util.List;

/**
 * The outcome of a training run.
 *
 * @param epochs          one record per epoch that ran
 * @param parameters      the final parameters: those after {@code finalEpoch}
 * @param finalEpoch      the epoch whose parameters the run returns: the last that ran, or the one with the lowest
 *                        validation loss when early stopping ended the run and restored it (0 when no epoch ran)
 * @param divergedAtEpoch the epoch whose loss was divergent ({@link Divergence}), or 0 when training did not diverge
 * @param stoppedEarly    whether early stopping ended the run
 * @param device          where it ran
 * @param resumedAtEpoch  the epoch of the checkpoint the run started from (its records came from it), 0 from scratch
 * @param probes          the test-set measurements between batches ({@link TrainingLoop#evaluateEvery}), in order
 */
public record TrainingResult(List<EpochRecord> epochs, Parameters parameters, int finalEpoch, int divergedAtEpoch,
                             boolean stoppedEarly, String device, int resumedAtEpoch, List<ProbeRecord> probes) {
    public TrainingResult {
        epochs = List.copyOf(epochs);
        probes = List.copyOf(probes);
        if (finalEpoch < 0 || finalEpoch > epochs.size()) {
            throw new IllegalArgumentException("final epoch " + finalEpoch + " of " + epochs.size() + " epochs");
        }
        if (resumedAtEpoch < 0 || resumedAtEpoch > epochs.size()) {
            throw new IllegalArgumentException("resumed at epoch " + resumedAtEpoch + " of " + epochs.size() + " epochs");
        }
    }

    /** A run without measurements between batches. */
    public TrainingResult(List<EpochRecord> epochs, Parameters parameters, int finalEpoch, int divergedAtEpoch,
                          boolean stoppedEarly, String device, int resumedAtEpoch) {
        this(epochs, parameters, finalEpoch, divergedAtEpoch, stoppedEarly, device, resumedAtEpoch, List.of());
    }

    /** A run trained from scratch. */
    public TrainingResult(List<EpochRecord> epochs, Parameters parameters, int finalEpoch, int divergedAtEpoch,
                          boolean stoppedEarly, String device) {
        this(epochs, parameters, finalEpoch, divergedAtEpoch, stoppedEarly, device, 0);
    }

    public boolean diverged() {
        return divergedAtEpoch > 0;
    }

    public EpochRecord last() {
        return epochs.getLast();
    }

    /** The record of {@link #finalEpoch}: the metrics of the returned parameters. */
    public EpochRecord atFinalEpoch() {
        return epochs.get(finalEpoch - 1);
    }
}
