package ffnlab.run.slurm;

import java.nio.file.Path;

/**
 * How one array task ended.
 *
 * @param task    its array index ({@code SLURM_ARRAY_TASK_ID})
 * @param trialId the trial it ran
 * @param state   its final SLURM state ({@link SlurmState#UNKNOWN} when the scheduler forgot it before we looked)
 * @param detail  the scheduler's reason or exit code, or why a completed task still counts as failed
 * @param log     its output ({@code slurm/submission-NNN/logs/<jobid>_<task>.log})
 */
public record TaskReport(int task, String trialId, SlurmState state, String detail, Path log) {
}
