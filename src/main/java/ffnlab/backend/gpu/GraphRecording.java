package ffnlab.backend.gpu;

/**
 * Records work into a graph with a stream's capture: begin, the work, end. Whatever the work throws (a CUDA error,
 * any other exception or error), the capture is ended before the failure goes on, and a graph ended after a
 * failure is closed, never returned: after {@link #record} the stream is out of capture mode and no partial graph
 * survives. Confined to the stream's thread.
 */
final class GraphRecording {
    /** A stream that can record its work into a graph. */
    interface Capture<G extends AutoCloseable> {
        void begin();

        /** Ends the recording; the instantiated graph, or an exception when the capture failed. */
        G end();
    }

    private GraphRecording() {
    }

    /**
     * The graph of {@code work} as recorded on {@code stream}.
     *
     * @throws RuntimeException the first failure of the work, ending the capture or closing a partial graph;
     *                          a {@link CudaException} when the device refused
     */
    static <G extends AutoCloseable> G record(Capture<G> stream, Runnable work) {
        stream.begin();
        Throwable failure = null;
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        G graph = null;
        try {
            graph = stream.end();
        } catch (RuntimeException | Error e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure == null) {
            return graph;
        }
        if (graph != null) {
            try {
                graph.close();   // a partial recording must never be replayed
            } catch (Exception closing) {
                failure.addSuppressed(closing);
            }
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        throw (Error) failure;
    }
}
