package ffnlab.backend;

import ffnlab.data.Examples;
import ffnlab.nn.Parameters;
import ffnlab.nn.optim.OptimiserMoments;
import java.util.function.IntConsumer;

/**
 * One network being trained on one backend, with the training set loaded once (a GPU engine uploads it
 * once per trial). The {@link ffnlab.train.TrainingLoop} drives it epoch by epoch.
 */
public interface TrainingEngine extends AutoCloseable {

    /**
     * One epoch of mini-batch updates: the training patterns in the given order, taken B at a time
     * (the last batch may be smaller); one optimiser step per batch.
     *
     * @param order     a permutation of 0..P-1
     * @param batchSize B; B &gt;= P is full-batch GD
     * @return the sum over batches of each batch's raw loss (see {@link Backend#outputGradient})
     */
    double trainEpoch(int[] order, int batchSize);

    /**
     * As {@link #trainEpoch(int[], int)}, telling {@code betweenBatches} the number k of batches done after each
     * batch k = 1 .. N-1 of the epoch's N (not after the last). The listener may {@link #evaluate} this engine: an
     * evaluation between batches leaves the epoch's remaining updates, and so the epoch's result, bitwise unchanged.
     */
    double trainEpoch(int[] order, int batchSize, IntConsumer betweenBatches);

    /** Forward pass over {@code data} with the current parameters. */
    Evaluation evaluate(Examples data);

    /** Y = f(X) for the given P x n inputs, row-major P x K. */
    float[] predict(float[] x, int rows);

    /** A copy of the current parameters. */
    Parameters parameters();

    /**
     * A copy of the optimiser's state: the steps taken (one per batch since the engine opened, plus those of a
     * restored state) and its buffers (none for SGD, momentum's velocity, Adam's two moments). With
     * {@link #parameters} it is everything a checkpoint needs to continue the updates exactly.
     */
    OptimiserMoments optimiserMoments();

    /**
     * Replaces the optimiser's state by {@code moments}, as {@link #optimiserMoments} of an engine with the same
     * specification returned them; the parameters come from {@link EngineSpec#initial}. Called before the first epoch.
     *
     * @throws IllegalArgumentException when the buffers do not fit this engine's optimiser and architecture
     */
    void restoreOptimiser(OptimiserMoments moments);

    /** Where it runs, for logs and provenance, e.g. "cpu, 2 threads". */
    String device();

    @Override
    void close();
}
