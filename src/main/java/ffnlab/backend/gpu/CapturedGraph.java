package ffnlab.backend.gpu;

import java.lang.foreign.MemorySegment;

/**
 * A CUDA graph recorded from a stream (one training step's ~20 launches) and instantiated: replaying it
 * costs one {@code cuGraphLaunch} instead of one launch per kernel, which is what limits small batches.
 */
final class CapturedGraph implements AutoCloseable {
    private final CudaDriver driver;
    private MemorySegment graph;
    private MemorySegment exec;

    CapturedGraph(CudaDriver driver, MemorySegment graph, MemorySegment exec) {
        this.driver = driver;
        this.graph = graph;
        this.exec = exec;
    }

    void launch(MemorySegment stream) {
        driver.launchGraph(exec, stream);
    }

    @Override
    public void close() {
        if (exec != null || graph != null) {
            MemorySegment e = exec;
            MemorySegment g = graph;
            exec = null;
            graph = null;
            driver.destroyGraph(e, g);
        }
    }
}
