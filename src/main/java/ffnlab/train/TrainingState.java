package ffnlab.train;

import ffnlab.nn.Parameters;
import ffnlab.nn.optim.OptimiserMoments;
import java.util.List;

/**
 * Everything the {@link TrainingLoop} carries from one epoch to the next, taken after epoch {@code epoch}: with it
 * the loop continues as if it had never stopped. The shuffle generator's state is named by the seed and the number of
 * shuffles drawn from it ({@link SplittableRandom} does not hand out its state): the loop draws them again and checks
 * that they give {@code order}, the permutation they left.
 *
 * @param epoch           the epochs done
 * @param records         their records, 1 .. epoch
 * @param parameters      theta after the epoch
 * @param moments         the optimiser's steps and buffers after the epoch
 * @param order           the permutation of 0..P-1 the shuffles left (the identity for full-batch GD)
 * @param shuffles        the shuffles drawn from the seed's shuffle generator so far
 * @param initialLoss     J_0, the divergence reference ({@link Divergence})
 * @param bestValidation  early stopping: the lowest validation loss so far (+infinity before the first)
 * @param sinceBest       early stopping: epochs since it
 * @param bestEpoch       early stopping: its epoch (0 when none)
 * @param best            early stopping: the parameters of that epoch, or null
 * @param divergedAtEpoch the epoch at which the run diverged, 0 when it did not
 * @param stoppedEarly    whether early stopping ended the run at this epoch
 * @param probes          the test-set measurements between batches so far ({@link ProbeRecord}), in order
 * @see java.util.SplittableRandom
 */
public record TrainingState(int epoch, List<EpochRecord> records, Parameters parameters, OptimiserMoments moments,
                            int[] order, int shuffles, double initialLoss, double bestValidation, int sinceBest,
                            int bestEpoch, Parameters best, int divergedAtEpoch, boolean stoppedEarly,
                            List<ProbeRecord> probes) {
    public TrainingState {
        records = List.copyOf(records);
        probes = List.copyOf(probes);
        if (records.size() != epoch) {
            throw new IllegalArgumentException(records.size() + " epoch records for epoch " + epoch);
        }
        order = order.clone();
    }

    /** A state without measurements between batches. */
    public TrainingState(int epoch, List<EpochRecord> records, Parameters parameters, OptimiserMoments moments,
                         int[] order, int shuffles, double initialLoss, double bestValidation, int sinceBest,
                         int bestEpoch, Parameters best, int divergedAtEpoch, boolean stoppedEarly) {
        this(epoch, records, parameters, moments, order, shuffles, initialLoss, bestValidation, sinceBest, bestEpoch, best,
                divergedAtEpoch, stoppedEarly, List.of());
    }

    @Override
    public int[] order() {
        return order.clone();
    }

    /** Whether the run ended here (diverged or stopped early): longer runs of the same configuration end here too. */
    public boolean ended() {
        return divergedAtEpoch > 0 || stoppedEarly;
    }
}
