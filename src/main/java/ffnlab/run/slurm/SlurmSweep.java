package ffnlab.run.slurm;

import ffnlab.run.DataSources;
import ffnlab.run.ExperimentRun;
import ffnlab.run.RunOptions;
import ffnlab.spec.SlurmSettings;
import ffnlab.sweep.TrialSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * {@code run --executor slurm}: expands the experiment's sweep exactly as the local executor does (same trials,
 * same ids), and hands the trials that are not finished to SLURM as one array job whose tasks each run
 * {@code ffnlab.cli.Main trial --experiment NAME ... --id ID} with frozen copies of the experiment files and the
 * project's classes ({@link FrozenCopy}), the same results root, profile and overrides. The results root must be on a
 * filesystem the nodes share. A search goes one round per array: {@link #prepare} re-derives its rounds from the trials
 * finished on disk, as a resumed local run does ({@link ExperimentRun#decideSearch}), and requests the first round with
 * an unfinished trial, so the rounds and their promotions are the local run's; a node's task finds a later round's
 * trial the same way.
 */
public final class SlurmSweep {
    private static final Logger LOG = LogManager.getLogger();

    private final RunOptions run;
    private final DataSources data;
    private final String rawOverrides;
    private final SlurmClient client;

    /**
     * @param run          the run's options (experiments folder, results root, profile, overrides, fresh)
     * @param rawOverrides the {@code --set} text as given (passed on to the nodes), or null
     */
    public SlurmSweep(RunOptions run, DataSources data, String rawOverrides, SlurmClient client) {
        this.run = run;
        this.data = data;
        this.rawOverrides = rawOverrides;
        this.client = client;
    }

    /**
     * A planned sweep, the SLURM options that apply to it, and its array-job request.
     *
     * @param search for a search, where it stands (the request holds the trials of its round {@code search.round()});
     *               null for a plain sweep
     */
    public record Prepared(ExperimentRun.Plan plan, SlurmOptions options, ArrayJobRequest request, ffnlab.run.SearchRounds.Decided search) {
        /** The trial ids the sweep's report covers: a search's proposed so far, a plain sweep's planned. */
        public List<String> reportedTrials() {
            return (search == null ? plan.trials() : search.proposed()).stream().map(TrialSpec::id).toList();
        }
    }

    /**
     * Plans {@code experiment} and builds the request for all its trials (the executor drops finished ones).
     *
     * @param commandLine {@code slurm.*} settings from the command line ({@code partition -> short}, {@code wait -> true}),
     *                    applied over the experiment file's {@code slurm:} section (checked when the file was read)
     * @throws IllegalArgumentException "the command line: slurm.KEY: expected ..." for a bad option
     */
    public Prepared prepare(String experiment, Map<String, String> commandLine) {
        if (run.fresh()) {
            throw new IllegalArgumentException("--fresh cannot be combined with --executor slurm: move or delete the trials "
                    + "to rerun from results/, then submit again");
        }
        ExperimentRun local = new ExperimentRun(run, data);
        ExperimentRun.Plan plan = local.plan(experiment);
        ffnlab.run.SearchRounds.Decided search = plan.spec().sweep().search() == null ? null : local.decideSearch(plan);
        SlurmOptions options;
        try {
            options = SlurmOptions.of(plan.spec().slurm(), SlurmSettings.parse(commandLine));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the command line: " + e.getMessage(), e);
        }
        Path results = run.results().toAbsolutePath().normalize();
        Path slurmFolder = results.resolve(plan.resultsName()).resolve(JobScriptWriter.SLURM_FOLDER);
        Path frozen;
        List<Path> classpath;
        try {
            frozen = FrozenCopy.experiments(run.experiments(), slurmFolder);
            classpath = FrozenCopy.classpath(TrialCommand.currentClasspath(), Path.of("").toAbsolutePath(),
                    TrialCommand.ownCode().orElse(null), slurmFolder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the experiment files and classes into " + results.resolve(plan.resultsName()) + ": "
                    + e.getMessage(), e);
        }
        List<String> arguments = new ArrayList<>(List.of("--experiment", experiment,
                "--experiments", frozen.toString(), "--results", results.toString()));
        if (run.profile() != null) {
            arguments.addAll(List.of("--profile", run.profile().key()));
        }
        if (rawOverrides != null && !rawOverrides.isBlank()) {
            arguments.addAll(List.of("--set", rawOverrides));
        }
        if (run.variant() != null) {
            arguments.addAll(List.of("--variant", run.variant()));
        }
        List<String> command = TrialCommand.of(options.javaCommand(),
                java.util.stream.Stream.concat(TrialCommand.forwardedProperties().stream(), options.javaOptions().stream()).toList(),
                classpath, arguments);
        List<String> ids = (search == null ? plan.trials() : search.next()).stream().map(TrialSpec::id).toList();
        ArrayJobRequest request = new ArrayJobRequest(plan.resultsName(), results.resolve(plan.resultsName()), ids, command,
                Path.of("").toAbsolutePath());
        return new Prepared(plan, options, request, search);
    }

    /** Submits the prepared sweep's unfinished trials; follows the array when its options say so. */
    public ArrayJobOutcome submit(Prepared prepared, ArrayJobFollower.Listener listener) throws IOException, InterruptedException {
        if (prepared.search() == null) {
            LOG.info("{}: {} trials in the sweep; handing the unfinished ones to SLURM", prepared.plan().resultsName(),
                    prepared.plan().trials().size());
        } else {
            LOG.info("{}: search round {}: {} trials; handing the unfinished ones to SLURM", prepared.plan().resultsName(),
                    prepared.search().round(), prepared.search().next().size());
        }
        return new SlurmExecutor(client).execute(prepared.request(), prepared.options(), listener);
    }
}
