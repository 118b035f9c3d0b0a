package ffnlab.backend.gpu;

import ffnlab.backend.EngineSpec;
import ffnlab.backend.Evaluation;
import ffnlab.backend.TrainingEngine;
import ffnlab.backend.gpu.KernelSource.Kernel;
import ffnlab.data.Examples;
import ffnlab.nn.Architecture;
import ffnlab.nn.Parameters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Trains one network with the whole epoch on the GPU. The training set is uploaded once; per epoch only the
 * loop's permutation (P ints) goes up and one number (the summed loss) comes back. A step is: gather the
 * batch by the permutation (a device cursor says where the batch starts), forward with cuBLAS SGEMM and fused
 * bias + activation, fused output + loss + gradient, backward, one optimiser kernel over all parameters,
 * advance the cursor. Each row's loss is stored on the device and summed in a fixed order at the epoch's end.
 *
 * <p>Full-size steps are captured once into a CUDA graph and replayed (one launch per step instead of ~20);
 * {@code -Dffnlab.gpu.graphs=false} turns that off. Device memory is freed by {@link #close()}, which frees all it
 * can even when the context cannot be made current and throws the first failure.
 *
 * <p>Invariant: the row buffers in use ({@link RowBuffers}, seen through {@link DeviceLayers}) are always live
 * allocations. Growing them allocates the new set first (all or nothing), closes the graphs that refer to the old
 * set, publishes the new set in one step, and only then frees the old; when allocating fails, the old set stays in
 * use. An engine is used by one thread at a time (the training loop's).
 */
final class GpuTrainingEngine implements TrainingEngine {
    private static final Logger LOG = LogManager.getLogger();
    private static final int EVALUATION_CHUNK = 4096;

    private final CudaRuntime runtime;
    private final EngineSpec spec;
    private final Architecture arch;
    private final ParameterLayout layout;
    private final Examples train;
    private final DeviceStream s;
    private final DeviceData trainData;
    private final EvaluationSets evaluationSets;
    private final long order;
    private final long cursor;
    private final long lossRows;
    private final long sums;
    private final long theta;
    private final DeviceOptimiser optimiser;
    private final KernelLaunch gather;
    private final KernelLaunch advance;
    private final KernelLaunch sumRows;
    private final boolean useGraphs;
    private final Map<Integer, CapturedGraph> graphs = new HashMap<>();
    private boolean graphsFailed;
    private DeviceLayers layers;
    private RowBuffers buffers;
    private final long grad;
    private boolean closed;

    GpuTrainingEngine(CudaRuntime runtime, EngineSpec spec, Examples train) {
        this.arch = spec.architecture();
        if (train.features() != arch.inputs() || train.outputs() != arch.outputs()) {
            throw new IllegalArgumentException("data has " + train.features() + " inputs and " + train.outputs()
                    + " outputs, the network " + arch);
        }
        if (train.isClassification() != (spec.loss() == ffnlab.nn.Loss.CROSS_ENTROPY)) {
            throw new IllegalArgumentException(spec.loss().key() + " does not fit " + (train.isClassification()
                    ? "classification" : "regression") + " data");
        }
        this.runtime = runtime;
        this.spec = spec;
        this.train = train;
        this.layout = new ParameterLayout(arch);
        this.useGraphs = !"false".equalsIgnoreCase(System.getProperty("ffnlab.gpu.graphs", "true"));
        this.s = new DeviceStream(runtime);
        try {
            int p = Math.max(train.rows(), 1);
            trainData = DeviceData.upload(s, train, "training set");
            evaluationSets = new EvaluationSets(s, train, trainData);
            order = s.memory.ints(p, "permutation");
            cursor = s.memory.ints(1, "batch cursor");
            lossRows = s.memory.doubles(p, "per-pattern losses");
            sums = s.memory.doubles(2, "loss sum");
            theta = s.memory.floats(layout.size(), "parameters");
            grad = s.memory.floats(layout.size(), "gradients");
            s.upload(layout.pack(spec.initial()), 0, layout.size(), theta);
            optimiser = new DeviceOptimiser(s, spec.optimiser(), theta, grad, layout.size());
            gather = s.kernel(Kernel.GATHER_BATCH);
            advance = s.kernel(Kernel.ADVANCE).pointer(0, cursor).pointer(2, optimiser.steps).threads(1, 1);
            sumRows = s.kernel(Kernel.SUM_ROWS).threads(1024, 1024);
            s.synchronize("uploading the training set");
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
        LOG.debug("GPU engine on {}: {} training patterns, {} parameters, {} of device memory", runtime.describe(),
                train.rows(), layout.size(), Bytes.format(s.memory.bytes()));
    }

    /** Passes over buffers for at least {@code rows} rows; growing them drops the captured graphs. */
    private DeviceLayers layers(int rows) {
        if (layers == null || layers.capacity < rows) {
            RowBuffers next = RowBuffers.allocate(s.memory, arch, train.isClassification(), Math.max(rows, EVALUATION_CHUNK));
            DeviceLayers nextLayers;
            try {
                nextLayers = new DeviceLayers(s, arch, layout, theta, grad, next);
            } catch (RuntimeException e) {
                Cleanup release = new Cleanup();
                release.run(next::free);
                release.suppressInto(e);
                throw e;
            }
            Cleanup release = new Cleanup();
            release.run(this::closeGraphs);   // they replay the old buffers' pointers
            RowBuffers old = buffers;
            buffers = next;
            layers = nextLayers;
            if (old != null) {
                release.run(old::free);
            }
            release.rethrow();
        }
        return layers;
    }

    @Override
    public double trainEpoch(int[] permutation, int batchSize) {
        enter();
        int total = permutation.length;
        if (total != train.rows()) {
            throw new IllegalArgumentException("permutation has " + total + " entries for " + train.rows() + " patterns");
        }
        if (total == 0) {
            return 0;
        }
        int b = Math.min(Math.max(batchSize, 1), total);
        DeviceLayers net = layers(b);
        s.upload(permutation, 0, total, order);
        s.fill32(cursor, 0, 1);
        int full = total / b;
        int rest = total - full * b;
        int done = 0;
        if (full > 2 && useGraphs && !graphsFailed) {
            step(net, b);   // the first step runs directly, so cuBLAS has chosen its kernels before capture
            done = 1;
            CapturedGraph graph = graphs.get(b);
            if (graph == null) {
                graph = capture(net, b);
            }
            if (graph != null) {
                for (; done < full; done++) {
                    graph.launch(s.stream);
                }
            }
        }
        for (; done < full; done++) {
            step(net, b);
        }
        if (rest > 0) {
            step(net, rest);
        }
        sumRows.pointer(0, lossRows).pointer(1, 0).int64(2, total).pointer(3, sums).launch(s.stream);
        return s.downloadDoubles(sums, 1, "training epoch")[0];
    }

    /** One mini-batch update of {@code rows} patterns starting at the device cursor. */
    private void step(DeviceLayers net, int rows) {
        gather.pointer(0, trainData.x()).int32(1, arch.inputs()).pointer(2, trainData.targets())
                .pointer(3, trainData.labels()).int32(4, arch.outputs()).pointer(5, order).pointer(6, cursor)
                .int32(7, rows).pointer(8, buffers.x).pointer(9, buffers.targets)
                .pointer(10, buffers.labels).threads((long) rows * arch.inputs(), DeviceLayers.BLOCK).launch(s.stream);
        net.forward(buffers.x, rows);
        float scale = (float) spec.reduction().gradientScale(spec.loss(), rows, arch.outputs());
        net.output(rows, spec.loss(), buffers.targets, buffers.labels, scale, true, lossRows, 0, cursor, 0);
        net.backward(rows);
        optimiser.step(s);
        advance.int32(1, rows).launch(s.stream);
    }


    /**
     * Records one full step into a graph; when the device refuses, logs once and falls back to direct launches.
     * Any other failure propagates, the stream out of capture mode either way ({@link GraphRecording}).
     */
    private CapturedGraph capture(DeviceLayers net, int rows) {
        CapturedGraph graph;
        try {
            graph = GraphRecording.record(s, () -> step(net, rows));
        } catch (CudaException e) {
            LOG.warn("CUDA graph capture failed ({}); launching kernels one by one", e.getMessage());
            graphsFailed = true;
            return null;
        }
        graphs.put(rows, graph);
        return graph;
    }

    /** Forgets every captured graph and destroys each, even when destroying one fails. */
    private void closeGraphs() {
        List<CapturedGraph> all = List.copyOf(graphs.values());
        graphs.clear();
        Cleanup release = new Cleanup();
        for (CapturedGraph g : all) {
            release.run(g::close);
        }
        release.rethrow();
    }

    @Override
    public Evaluation evaluate(Examples data) {
        enter();
        if (data.features() != arch.inputs() || data.outputs() != arch.outputs()) {
            throw new IllegalArgumentException("data has " + data.features() + " inputs and " + data.outputs()
                    + " outputs, the network " + arch);
        }
        if (data.rows() == 0) {
            return new Evaluation(0, arch.outputs(), 0, 0);
        }
        DeviceData d = evaluationSets.get(data);
        DeviceLayers net = layers(Math.min(data.rows(), EVALUATION_CHUNK));
        int chunk = net.capacity;
        long loss = evaluationSets.lossRows(data.rows());
        long correct = data.isClassification() ? evaluationSets.correctRows(data.rows()) : 0;
        int n = arch.inputs();
        int k = arch.outputs();
        for (int start = 0; start < data.rows(); start += chunk) {
            int rows = Math.min(chunk, data.rows() - start);
            net.forward(d.x() + (long) start * n * Float.BYTES, rows);
            net.output(rows, spec.loss(), d.targets() == 0 ? 0 : d.targets() + (long) start * k * Float.BYTES,
                    d.labels() == 0 ? 0 : d.labels() + (long) start * Integer.BYTES, 0f, false, loss, correct, 0, start);
        }
        sumRows.pointer(0, loss).pointer(1, correct).int64(2, data.rows()).pointer(3, sums).launch(s.stream);
        double[] total = s.downloadDoubles(sums, 2, "evaluation");
        return new Evaluation(data.rows(), k, total[0], Math.round(total[1]));
    }

    @Override
    public float[] predict(float[] x, int rows) {
        enter();
        int n = arch.inputs();
        int k = arch.outputs();
        if (x.length < (long) rows * n) {
            throw new IllegalArgumentException("X has " + x.length + " values, expected " + rows + " x " + n);
        }
        float[] y = new float[rows * k];
        if (rows == 0) {
            return y;
        }
        DeviceLayers net = layers(Math.min(rows, EVALUATION_CHUNK));
        int chunk = net.capacity;
        long input = s.memory.floats((long) chunk * n, "prediction inputs");
        try {
            for (int start = 0; start < rows; start += chunk) {
                int r = Math.min(chunk, rows - start);
                s.upload(x, start * n, r * n, input);
                net.forward(input, r);
                net.output(r, null, 0, 0, 0f, false, 0, 0, 0, 0);
                s.download(net.h[arch.depth()], y, start * k, r * k, "prediction");
            }
        } finally {
            s.memory.free(input, (long) chunk * n * Float.BYTES);
        }
        return y;
    }

    @Override
    public Parameters parameters() {
        enter();
        float[] flat = new float[layout.size()];
        s.download(theta, flat, 0, flat.length, "reading the parameters");
        return layout.unpack(flat);
    }

    /** Every entry point: refuses a closed engine, makes the context current on the calling thread. */
    private void enter() {
        if (closed) {
            throw new IllegalStateException("the GPU engine was closed");
        }
        runtime.makeCurrent();
    }

    @Override
    public String device() {
        return "gpu, " + runtime.describe();
    }

    /** Destroys the graphs and frees the stream's memory, each even when an earlier step fails; the first failure is thrown. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Cleanup.all(runtime::makeCurrent, this::closeGraphs, s::close);
    }
}
