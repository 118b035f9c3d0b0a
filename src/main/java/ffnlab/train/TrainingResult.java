package ffnlab.train;

import ffnlab.nn.Parameters;
import java.util.List;

/**
 * The outcome of a training run.
 *
 * @param epochs          one record per epoch that ran
 * @param parameters      the final parameters (the best validation epoch's when early stopping restored them)
 * @param divergedAtEpoch the epoch whose loss became NaN or infinite, or 0 when training stayed finite
 * @param stoppedEarly    whether early stopping ended the run
 * @param device          where it ran
 */
public record TrainingResult(List<EpochRecord> epochs, Parameters parameters, int divergedAtEpoch,
                             boolean stoppedEarly, String device) {
    public TrainingResult {
        epochs = List.copyOf(epochs);
    }

    public boolean diverged() {
        return divergedAtEpoch > 0;
    }

    public EpochRecord last() {
        return epochs.getLast();
    }
}
