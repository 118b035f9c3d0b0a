package ffnlab.gate;

/**
 * The gate's finding for one configuration and metric.
 *
 * @param status         PASS, FAIL (worse by more than the margin) or MISSING (no measurement for a baseline row)
 * @param worsening      how much worse than the baseline mean (negative = better)
 * @param margin         the margin that applied
 * @param bitwiseEqual   whether the per-epoch metrics' fingerprint equals the baseline's
 */
public record Verdict(BaselineEntry baseline, Outcome measured, Status status, double worsening, double margin, boolean bitwiseEqual) {

    public enum Status { PASS, FAIL, MISSING }

    public boolean failed() {
        return status != Status.PASS;
    }
}
