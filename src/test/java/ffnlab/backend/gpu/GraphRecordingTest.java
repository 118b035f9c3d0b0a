package ffnlab.backend.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Graph recording through a stand-in stream: whatever the work throws, the capture ends and no partial graph survives. */
class GraphRecordingTest {
    /** A stream that records whether it is capturing and the graphs it handed out. */
    private static final class Stream implements GraphRecording.Capture<Graph> {
        boolean capturing;
        RuntimeException endFailure;
        final List<Graph> graphs = new ArrayList<>();

        @Override
        public void begin() {
            capturing = true;
        }

        @Override
        public Graph end() {
            capturing = false;
            if (endFailure != null) {
                throw endFailure;
            }
            Graph g = new Graph();
            graphs.add(g);
            return g;
        }
    }

    private static final class Graph implements AutoCloseable {
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void aRecordedStepIsReturnedOpen() {
        Stream s = new Stream();
        Graph g = GraphRecording.record(s, () -> assertTrue(s.capturing));
        assertFalse(s.capturing);
        assertFalse(g.closed);
    }

    @Test
    void aNonCudaFailureEndsTheCaptureClosesThePartialGraphAndPropagates() {
        Stream s = new Stream();
        IllegalArgumentException bug = new IllegalArgumentException("kernel argument 3 not set");

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> GraphRecording.record(s, () -> {
            throw bug;
        }));

        assertSame(bug, thrown);
        assertFalse(s.capturing, "the stream is out of capture mode");
        assertEquals(1, s.graphs.size());
        assertTrue(s.graphs.getFirst().closed, "a partial recording is never kept");
    }

    @Test
    void anErrorInTheWorkAlsoEndsTheCapture() {
        Stream s = new Stream();
        assertThrows(OutOfMemoryError.class, () -> GraphRecording.record(s, () -> {
            throw new OutOfMemoryError("Java heap space");
        }));
        assertFalse(s.capturing);
        assertTrue(s.graphs.getFirst().closed);
    }

    @Test
    void whenEndingFailsAfterTheWorkFailedTheWorksFailureIsThrownWithTheOtherSuppressed() {
        Stream s = new Stream();
        CudaException launch = new CudaException("cuLaunchKernel", 901, "CUDA_ERROR_STREAM_CAPTURE_INVALIDATED");
        s.endFailure = new CudaException("cuStreamEndCapture", 901, "CUDA_ERROR_STREAM_CAPTURE_INVALIDATED");

        CudaException thrown = assertThrows(CudaException.class, () -> GraphRecording.record(s, () -> {
            throw launch;
        }));

        assertSame(launch, thrown);
        assertEquals(List.of(s.endFailure), List.of(thrown.getSuppressed()));
        assertFalse(s.capturing);
    }
}
