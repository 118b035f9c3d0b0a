package ffnlab.backend;

import ffnlab.nn.Architecture;
import ffnlab.nn.Loss;
import ffnlab.nn.Parameters;
import ffnlab.nn.Reduction;
import ffnlab.nn.optim.Optimiser;

/**
 * What an engine needs to train: the network, its starting parameters (copied by the engine), the loss
 * and its reduction, the optimiser, and the threads it may use.
 */
public record EngineSpec(Architecture architecture, Parameters initial, Loss loss, Reduction reduction,
                         Optimiser optimiser, int threads) {
    public EngineSpec {
        if (!initial.architecture().equals(architecture)) {
            throw new IllegalArgumentException("initial parameters are for " + initial.architecture() + ", not " + architecture);
        }
        loss.requireAccepts(architecture.output());
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }
}
