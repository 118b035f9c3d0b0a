package ffnlab.sweep;

import ffnlab.spec.TrialConfig;
import java.util.Map;

/**
 * One trial: a configuration with one seed, and its id.
 *
 * @param id            {@link TrialId}: content hash of config, resolved backend, seed, data hash and engine
 * @param experiment    the experiment's name
 * @param configuration the sweep point
 * @param seed          the replicate's seed (initialisation and shuffling)
 * @param dataSha256    the dataset's hash (part of the id)
 * @param backend       the backend kind that trains it (reference, cpu, gpu; tribuo for the linear baselines)
 * @param engine        the {@link EngineFingerprint} of the code that trains it (part of the id)
 */
public record TrialSpec(String id, String experiment, Configuration configuration, long seed, String dataSha256,
                        String backend, String engine) {
    /** The id of this trial whatever code trains it ({@link TrialId#ignoringEngine}). */
    public String idIgnoringEngine() {
        return TrialId.ignoringEngine(config(), backend, seed, dataSha256);
    }

    /** The key of the checkpoints this trial shares with the same trial of other epoch counts ({@link TrialId#prefix}). */
    public String prefixKey() {
        return TrialId.prefix(config(), backend, seed, dataSha256, engine);
    }

    public TrialConfig config() {
        return configuration.config();
    }

    public Map<String, Object> coordinates() {
        return configuration.coordinates();
    }

    /** The configuration's {@link Configuration#label} and the seed, {@code "model.hidden=64, seed 2"}: for logs and progress. */
    public String label() {
        return configuration.label() + ", seed " + seed;
    }
}
