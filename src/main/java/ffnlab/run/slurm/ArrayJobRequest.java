package ffnlab.run.slurm;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What to hand to SLURM: the trials of one experiment that still have to run, and how a node runs one.
 *
 * @param experiment       the experiment's name (names the job)
 * @param resultsDirectory {@code results/<experiment>}: on a filesystem the nodes share; trials land in
 *                         {@code trials/<id>/}, the job's files in {@code slurm/submission-NNN/}
 * @param trialIds         the pending trials, in sweep order; array task i runs {@code trialIds.get(i)}
 * @param taskCommand      the command that runs one trial on a node; the trial id is appended as its last argument
 *                         (e.g. {@code java -cp ... ffnlab.cli.Main trial --experiment E --id})
 * @param workingDirectory where the command runs (relative paths in it, such as {@code experiments/}, resolve here)
 */
public record ArrayJobRequest(String experiment, Path resultsDirectory, List<String> trialIds, List<String> taskCommand,
                              Path workingDirectory) {
    public ArrayJobRequest {
        if (experiment == null || experiment.isBlank()) {
            throw new IllegalArgumentException("an array job needs the experiment's name");
        }
        resultsDirectory = resultsDirectory.toAbsolutePath().normalize();
        workingDirectory = workingDirectory.toAbsolutePath().normalize();
        trialIds = List.copyOf(trialIds);
        if (new LinkedHashSet<>(trialIds).size() != trialIds.size()) {
            throw new IllegalArgumentException("a trial id appears twice in the array job's list: two tasks would write one trial");
        }
        for (String id : trialIds) {
            if (!id.matches("[A-Za-z0-9_.-]+")) {
                throw new IllegalArgumentException("trial id '" + id + "' is not a plain file name");
            }
        }
        taskCommand = List.copyOf(taskCommand);
        if (taskCommand.isEmpty()) {
            throw new IllegalArgumentException("an array job needs the command that runs one trial");
        }
    }

    /** The same request for other trials. */
    public ArrayJobRequest withTrials(List<String> ids) {
        return new ArrayJobRequest(experiment, resultsDirectory, ids, taskCommand, workingDirectory);
    }

    /** Where a trial's files live: {@code results/<experiment>/trials/<id>/}. */
    public Path trialDirectory(String id) {
        return resultsDirectory.resolve("trials").resolve(id);
    }

    /** A trial is finished iff its {@code summary.yaml} exists (the results store writes it last). */
    public boolean finished(String id) {
        return java.nio.file.Files.exists(trialDirectory(id).resolve("summary.yaml"));
    }
}
