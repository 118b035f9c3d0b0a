package ffnlab.run.slurm;

/**
 * A SLURM command failed or printed what was not expected. {@link #getMessage()} is the one-line user error
 * (the command, its exit status and its first error line); the CLI prints it and exits 2.
 */
public class SlurmException extends RuntimeException {
    public SlurmException(String message) {
        super(message);
    }

    public SlurmException(String message, Throwable cause) {
        super(message, cause);
    }
}
