package ffnlab.run.slurm;

/**
 * {@code sbatch} answered and refused the job (non-zero exit): nothing was queued. Any other failure of a submission
 * (no answer in time, an unreadable answer) leaves open whether the job was queued.
 */
public final class SbatchRefused extends SlurmException {
    public SbatchRefused(String message) {
        super(message);
    }
}
