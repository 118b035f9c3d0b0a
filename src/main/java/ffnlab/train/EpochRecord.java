package ffnlab.train;

/**
 * What one epoch measured. Errors are the chapter's: m.s.e. = (1/P) sum ||d - y||^2 for regression (in the
 * scaled space the network sees), accuracy for classification; the other kind is NaN. Losses are mean
 * per pattern: squared error sum ||d - y||^2 / P, cross-entropy -sum log y_k / P.
 *
 * @param epoch          1-based epoch number
 * @param trainLoss      mean loss per pattern over the epoch's updates (running, as the weights moved)
 * @param trainMse       m.s.e. on the whole training set after the epoch (NaN for classification)
 * @param testMse        m.s.e. on the test set after the epoch (NaN for classification or without test set)
 * @param trainAccuracy  accuracy on the training set after the epoch (NaN for regression)
 * @param testAccuracy   accuracy on the test set after the epoch (NaN for regression or without test set)
 * @param testLoss       mean loss per pattern on the test set (NaN without test set)
 * @param epochTimeS     wall time of the epoch's updates, seconds (evaluation excluded)
 * @param updates        optimiser steps in the epoch
 * @param updateTimeUs   epochTimeS / updates, in microseconds: the chapter's time per weight update
 */
public record EpochRecord(int epoch, double trainLoss, double trainMse, double testMse, double trainAccuracy,
                          double testAccuracy, double testLoss, double epochTimeS, long updates, double updateTimeUs) {
}
