package ffnlab.nn.optim;

import ffnlab.nn.Parameters;
import java.util.List;

/**
 * A copy of an {@link OptimiserState}: the number of steps taken t and the buffers the update keeps, each shaped
 * like the parameters: none for SGD, the velocity v for momentum, Adam's first moment m and second moment v (in
 * that order). Restoring it into a fresh state of the same optimiser continues the updates exactly where they were.
 *
 * @param steps   t, the optimiser steps taken so far
 * @param buffers the state's buffers (copies), in the optimiser's order
 */
public record OptimiserMoments(long steps, List<Parameters> buffers) {
    public OptimiserMoments {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must not be negative, got " + steps);
        }
        buffers = List.copyOf(buffers);
    }

    /** How many buffers the state of {@code optimiser} keeps: 0 (SGD), 1 (momentum) or 2 (Adam). */
    public static int bufferCount(Optimiser optimiser) {
        return switch (optimiser) {
            case Optimiser.Sgd s -> 0;
            case Optimiser.Momentum m -> 1;
            case Optimiser.Adam a -> 2;
        };
    }

    /** Whether the steps and every buffer value are bitwise identical. */
    public boolean bitwiseEquals(OptimiserMoments other) {
        if (steps != other.steps || buffers.size() != other.buffers.size()) {
            return false;
        }
        for (int i = 0; i < buffers.size(); i++) {
            if (!buffers.get(i).bitwiseEquals(other.buffers.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Copies {@code source}'s buffers into {@code targets}, checking count and shapes. */
    void copyInto(List<Parameters> targets, String optimiser) {
        if (buffers.size() != targets.size()) {
            throw new IllegalArgumentException(optimiser + " keeps " + targets.size() + " buffers, the moments have " + buffers.size());
        }
        for (int i = 0; i < targets.size(); i++) {
            Parameters target = targets.get(i);
            if (!buffers.get(i).architecture().equals(target.architecture())) {
                throw new IllegalArgumentException("moments for " + buffers.get(i).architecture() + ", not " + target.architecture());
            }
            buffers.get(i).copyInto(target);
        }
    }
}
