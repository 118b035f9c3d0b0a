package ffnlab.run.slurm;

import ffnlab.UserError;

/**
 * A SLURM command failed or printed what was not expected. {@link #getMessage()} is the one-line user error
 * (the command, its exit status and its first error line).
 */
public class SlurmException extends UserError {
    public SlurmException(String message) {
        this(message, null);
    }

    public SlurmException(String message, Throwable cause) {
        super(null, 0, 0, message, cause);
    }

    /**
     * {@code sbatch} answered and refused the job (non-zero exit): nothing was queued. Any other failure of a
     * submission (no answer in time, an unreadable answer) leaves open whether the job was queued.
     */
    public static final class SbatchRefused extends SlurmException {
        public SbatchRefused(String message) {
            super(message);
        }
    }
}
