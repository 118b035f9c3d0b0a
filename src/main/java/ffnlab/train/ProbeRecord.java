package ffnlab.train;

/**
 * One measurement of the test set between an epoch's batches ({@code training.eval_every}): the test error after
 * {@code updates} weight updates counted from the start of training, which falls inside epoch {@code epoch}. It refines
 * the once-an-epoch {@link EpochRecord}s where one epoch holds many updates (small B), for the time to a target
 * accuracy. Errors as in {@link EpochRecord}: m.s.e. in the scaled space or accuracy, the other NaN.
 *
 * @param epoch        the epoch (1-based) during which the measurement was taken
 * @param updates      weight updates made before the measurement, since training began
 * @param testLoss     mean loss per pattern on the test set
 * @param testMse      m.s.e. on the test set (NaN for classification)
 * @param testAccuracy accuracy on the test set (NaN for regression)
 */
public record ProbeRecord(int epoch, long updates, double testLoss, double testMse, double testAccuracy) {
}
