package ffnlab.backend.gpu;

/**
 * Runs every step of a release sequence even when earlier steps fail, and keeps the first failure (later ones are
 * added to it as suppressed): {@code close()} methods use it so that one failed release (a context that cannot be
 * made current, a failed free) does not leave the rest unreleased. Confined to the thread that uses it.
 */
final class Cleanup {
    private Throwable first;

    /** Runs {@code step}; a failure is remembered, not thrown. */
    void run(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException | Error e) {
            if (first == null) {
                first = e;
            } else if (first != e) {
                first.addSuppressed(e);
            }
        }
    }

    /** Throws the first failure, if any, with the later ones suppressed in it. */
    void rethrow() {
        if (first instanceof RuntimeException e) {
            throw e;
        }
        if (first instanceof Error e) {
            throw e;
        }
    }

    /** Adds every failure to {@code cause} as suppressed (when a failure is already on its way). */
    void suppressInto(Throwable cause) {
        if (first != null && first != cause) {
            cause.addSuppressed(first);
        }
    }

    /** Runs each step as {@link #run} does, then throws the first failure. */
    static void all(Runnable... steps) {
        Cleanup c = new Cleanup();
        for (Runnable step : steps) {
            c.run(step);
        }
        c.rethrow();
    }
}
