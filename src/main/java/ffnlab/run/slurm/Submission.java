package ffnlab.run.slurm;

import java.nio.file.Path;
import java.util.List;

/**
 * One array job's files, in {@code results/<experiment>/slurm/submission-NNN/}: the job script, the trial list
 * (line i+1 = the trial of array task i), the task logs ({@code logs/<jobid>_<task>.log}) and, once submitted,
 * {@code job-id}.
 */
public record Submission(Path folder, List<String> trialIds) {
    public Submission {
        trialIds = List.copyOf(trialIds);
    }

    public Path script() {
        return folder.resolve("job.sh");
    }

    public Path trialList() {
        return folder.resolve("trials.txt");
    }

    public Path logs() {
        return folder.resolve("logs");
    }

    public Path jobIdFile() {
        return folder.resolve("job-id");
    }

    /** The log of one array task (what {@code #SBATCH --output=logs/%A_%a.log} names). */
    public Path log(String jobId, int task) {
        return logs().resolve(jobId + "_" + task + ".log");
    }

    /** The trial array task {@code task} runs. */
    public String trial(int task) {
        return trialIds.get(task);
    }
}
