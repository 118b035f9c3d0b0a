package ffnlab.run.slurm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes ONE job script for a whole sweep, and the trial list it reads: array task i runs the trial on line
 * i+1 of {@code trials.txt}. Each submission gets a new folder {@code slurm/submission-NNN/} (created
 * atomically, so two submitters never share one); files are written to a temporary name and renamed.
 */
public final class JobScriptWriter {
    /** The folder, under the experiment's results, that holds the submissions. */
    public static final String SLURM_FOLDER = "slurm";

    /** Creates the next submission folder and writes {@code trials.txt} and {@code job.sh} into it. */
    public Submission write(ArrayJobRequest request, SlurmOptions options) throws IOException {
        if (request.trialIds().isEmpty()) {
            throw new IllegalArgumentException("no trials to submit");
        }
        Submission submission = new Submission(nextFolder(request.resultsDirectory().resolve(SLURM_FOLDER)), request.trialIds());
        Files.createDirectories(submission.logs());
        atomicWrite(submission.trialList(), String.join("\n", request.trialIds()) + "\n");
        atomicWrite(submission.script(), script(request, options, submission));
        Files.setPosixFilePermissions(submission.script(), PosixFilePermissions.fromString("rwxr-xr-x"));
        return submission;
    }

    /** The job script's text: {@code #SBATCH} lines from the options, then trial lookup and the task command. */
    public static String script(ArrayJobRequest request, SlurmOptions options, Submission submission) {
        List<String> sbatch = new ArrayList<>();
        sbatch.add("--job-name=" + jobName(request.experiment()));
        sbatch.add("--output=" + submission.logs().resolve("%A_%a.log"));
        sbatch.add("--ntasks=1");
        sbatch.add("--cpus-per-task=" + options.cpusPerTask());
        if (options.partition() != null) {
            sbatch.add("--partition=" + options.partition());
        }
        if (options.time() != null) {
            sbatch.add("--time=" + options.time());
        }
        if (options.memory() != null) {
            sbatch.add("--mem=" + options.memory());
        }
        sbatch.addAll(options.extraDirectives());
        String command = request.taskCommand().stream().map(JobScriptWriter::quote).collect(Collectors.joining(" "));
        return "#!/bin/bash\n"
                + "# ffnlab: experiment " + request.experiment() + ", " + request.trialIds().size()
                + " trials, one per array task (submit with sbatch --array=" + options.arraySpec(request.trialIds().size()) + ")\n"
                + sbatch.stream().map(s -> "#SBATCH " + s + "\n").collect(Collectors.joining())
                + "set -euo pipefail\n"
                + "trials=" + quote(submission.trialList().toString()) + "\n"
                + "task=\"${SLURM_ARRAY_TASK_ID:?runs as a SLURM array task: sbatch --array=...}\"\n"
                + "id=\"$(sed -n \"$((task + 1))p\" \"$trials\")\"\n"
                + "if [ -z \"$id\" ]; then\n"
                + "  echo \"ffnlab: array task $task has no trial in $trials\" >&2\n"
                + "  exit 2\n"
                + "fi\n"
                + "echo \"ffnlab: array task $task of job ${SLURM_ARRAY_JOB_ID:-?} runs trial $id on $(hostname)"
                + " with ${SLURM_CPUS_PER_TASK:-1} CPUs\"\n"
                + "cd " + quote(request.workingDirectory().toString()) + "\n"
                + "exec " + command + " \"$id\"\n";
    }

    /** {@code ffnlab-<experiment>}, reduced to characters SLURM shows unchanged. */
    static String jobName(String experiment) {
        return "ffnlab-" + experiment.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]+", "_");
    }

    /** A POSIX shell single-quoted word: {@code it's} becomes {@code 'it'\''s'}. */
    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private static Path nextFolder(Path slurm) throws IOException {
        Files.createDirectories(slurm);
        int next = 1;
        try (var existing = Files.list(slurm)) {
            next += (int) existing.filter(p -> p.getFileName().toString().startsWith("submission-")).count();
        }
        for (int n = next; ; n++) {
            Path folder = slurm.resolve(String.format(Locale.ROOT, "submission-%03d", n));
            try {
                return Files.createDirectory(folder);
            } catch (FileAlreadyExistsException e) {
                // another submitter took this number: try the next
            }
        }
    }

    private static void atomicWrite(Path target, String text) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
