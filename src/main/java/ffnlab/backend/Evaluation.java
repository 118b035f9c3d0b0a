package ffnlab.backend;

/**
 * The result of a forward pass over a set of patterns (no update).
 *
 * @param rows      P
 * @param outputs   K
 * @param rawLoss   sum (d - y)^2 (squared error) or -sum log y_k (cross-entropy) over all P patterns
 * @param correct   patterns whose arg-max output equals the label (classification; 0 for regression)
 */
public record Evaluation(int rows, int outputs, double rawLoss, long correct) {

    /** The chapter's m.s.e. = (1/P) sum_p ||d_p - y_p||^2 (squared error only). */
    public double meanSquaredError() {
        return rawLoss / rows;
    }

    /** Mean cross-entropy per pattern. */
    public double meanCrossEntropy() {
        return rawLoss / rows;
    }

    /** Fraction of patterns classified correctly. */
    public double accuracy() {
        return (double) correct / rows;
    }
}
