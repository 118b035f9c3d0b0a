package ffnlab.spec;

import java.util.List;

/**
 * An experiment as the user wrote it (after {@code extends}, profile and {@code -Dset} overrides): the base
 * configuration tree, the seeds, the sweep, and the report and baseline sections passed through for the
 * report and gate.
 *
 * @param name        the experiment's name (its file name without .yaml)
 * @param description one line, for listings and reports
 * @param base        the configuration sections (dataset, model, training, backend), validated
 * @param seeds       replicates: every configuration runs once per seed
 * @param sweep       what varies
 * @param report      the {@code report:} section as plain values (maps, lists, scalars), or an empty map
 * @param baseline    the {@code baseline:} section as plain values, or an empty map
 * @param resolved    the whole tree as run, for results/&lt;exp&gt;/experiment.yaml
 */
public record ExperimentSpec(String name, String description, Node.Mapping base, List<Long> seeds, SweepSpec sweep,
                             Object report, Object baseline, Object resolved) {
    public ExperimentSpec {
        seeds = List.copyOf(seeds);
    }
}
