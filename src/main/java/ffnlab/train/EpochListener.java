package ffnlab.train;

/** Told about every finished epoch, in order (progress bars, metrics writers, tests). */
@FunctionalInterface
public interface EpochListener {
    void epochFinished(EpochRecord record);
}
