package ffnlab.backend.gpu;

import ffnlab.backend.EngineSpec;
import ffnlab.backend.Evaluation;
import ffnlab.backend.MiniBatchEngine;
import ffnlab.backend.gpu.KernelSource.Kernel;
import ffnlab.data.Examples;
import ffnlab.nn.Parameters;
import ffnlab.nn.optim.OptimiserMoments;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Trains one network with the whole epoch on the GPU: the {@link MiniBatchEngine}'s loop with every operation
 * a device kernel. The training set is uploaded once; per epoch only the loop's permutation (P ints) goes up and
 * one number (the summed loss) comes back. A step gathers the batch by the permutation on the device (a device
 * cursor says where the batch starts), runs the layers ({@link DeviceLayers}: cuBLAS SGEMM, fused bias +
 * activation, the output layer's fused loss and gradient), one optimiser kernel over all parameters, and
 * advances the cursor. Each row's loss is stored on the device and summed in a fixed order at the epoch's end.
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
final class GpuTrainingEngine extends MiniBatchEngine {
    private static final Logger LOG = LogManager.getLogger();
    private static final int EVALUATION_CHUNK = 4096;

    private final CudaRuntime runtime;
    private final ParameterLayout layout;
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
    /** Whether this epoch replays its full-size steps from a graph. */
    private boolean replaysSteps;
    /** The evaluation in progress: its data on the device and per-row loss and hit buffers. */
    private DeviceData evaluated;
    private long evaluationLoss;
    private long evaluationCorrect;
    /** The prediction in progress: its input buffer and size. */
    private long predictionInputs;
    private long predictionBytes;

    GpuTrainingEngine(CudaRuntime runtime, EngineSpec spec, Examples train) {
        super(spec, train);
        this.runtime = runtime;
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

    /**
     * Uploads the permutation and resets the cursor. Full-size steps are replayed from a captured graph when
     * the epoch has more than two of them.
     */
    @Override
    protected void beginEpoch(int[] permutation, int batchSize) {
        layers(batchSize);
        s.upload(permutation, 0, permutation.length, order);
        s.fill32(cursor, 0, 1);
        replaysSteps = permutation.length / batchSize > 2 && useGraphs;
    }

    /**
     * A full-size step after the epoch's first replays the captured graph (the first runs directly, so cuBLAS
     * has chosen its kernels before capture); any other step runs directly.
     */
    @Override
    protected double trainBatch(int start, int rows, int batchSize) {
        if (replaysSteps && !graphsFailed && start > 0 && rows == batchSize) {
            CapturedGraph graph = graphs.get(rows);
            if (graph == null) {
                graph = capture(rows);
            }
            if (graph != null) {
                graph.launch(s.stream);
                return 0;
            }
        }
        return step(start, rows);
    }

    /** The batch at the device cursor (a graph replays it at any position). */
    @Override
    protected void gather(int start, int rows) {
        gather.pointer(0, trainData.x()).int32(1, arch.inputs()).pointer(2, trainData.targets())
                .pointer(3, trainData.labels()).int32(4, arch.outputs()).pointer(5, order).pointer(6, cursor)
                .int32(7, rows).pointer(8, buffers.x).pointer(9, buffers.targets)
                .pointer(10, buffers.labels).threads((long) rows * arch.inputs(), DeviceLayers.BLOCK).launch(s.stream);
        layers.input(buffers.x);
    }

    @Override
    protected void forwardLayer(int l, int rows) {
        layers.forwardLayer(l, rows);
    }

    /** Leaves each row's loss on the device; {@link #endEpoch} sums them. */
    @Override
    protected double trainingOutput(int rows) {
        layers.trainingOutput(rows, spec.loss(), buffers.targets, buffers.labels, gradientScale(rows), lossRows, cursor);
        return 0;
    }

    @Override
    protected void propagate(int l, int rows) {
        layers.propagate(l, rows);
    }

    @Override
    protected void layerGradients(int l, int rows) {
        layers.layerGradients(l, rows);
    }

    /** The optimiser kernel, then the cursor moves on by the batch. */
    @Override
    protected void update(int rows) {
        optimiser.step(s);
        advance.int32(1, rows).launch(s.stream);
    }

    @Override
    protected double endEpoch(double batchLosses) {
        sumRows.pointer(0, lossRows).pointer(1, 0).int64(2, train.rows()).pointer(3, sums).launch(s.stream);
        return s.downloadDoubles(sums, 1, "training epoch")[0];
    }

    /**
     * Records one full step into a graph; when the device refuses, logs once and falls back to direct launches.
     * Any other failure propagates, the stream out of capture mode either way ({@link GraphRecording}).
     */
    private CapturedGraph capture(int rows) {
        CapturedGraph graph;
        try {
            graph = GraphRecording.record(s, () -> step(0, rows));
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

    /** The data stays on the device ({@link EvaluationSets}); each row's loss and hit is summed at the end. */
    @Override
    protected int beginEvaluation(Examples data) {
        evaluated = evaluationSets.get(data);
        int chunk = layers(Math.min(data.rows(), EVALUATION_CHUNK)).capacity;
        evaluationLoss = evaluationSets.lossRows(data.rows());
        evaluationCorrect = data.isClassification() ? evaluationSets.correctRows(data.rows()) : 0;
        return chunk;
    }

    @Override
    protected void evaluationInputs(Examples data, int start, int rows) {
        layers.input(evaluated.x() + (long) start * arch.inputs() * Float.BYTES);
    }

    @Override
    protected void evaluationOutput(Examples data, int start, int rows) {
        long d = evaluated.targets() == 0 ? 0 : evaluated.targets() + (long) start * arch.outputs() * Float.BYTES;
        long labels = evaluated.labels() == 0 ? 0 : evaluated.labels() + (long) start * Integer.BYTES;
        layers.evaluationOutput(rows, spec.loss(), d, labels, evaluationLoss, evaluationCorrect, start);
    }

    @Override
    protected Evaluation endEvaluation(Examples data) {
        sumRows.pointer(0, evaluationLoss).pointer(1, evaluationCorrect).int64(2, data.rows()).pointer(3, sums)
                .launch(s.stream);
        double[] total = s.downloadDoubles(sums, 2, "evaluation");
        return new Evaluation(data.rows(), arch.outputs(), total[0], Math.round(total[1]));
    }

    /** Inputs go up chunk by chunk through one buffer, freed by {@link #endPrediction}. */
    @Override
    protected int beginPrediction(int rows) {
        int chunk = layers(Math.min(rows, EVALUATION_CHUNK)).capacity;
        predictionInputs = s.memory.floats((long) chunk * arch.inputs(), "prediction inputs");
        predictionBytes = (long) chunk * arch.inputs() * Float.BYTES;
        return chunk;
    }

    @Override
    protected void predictionInputs(float[] x, int start, int rows) {
        int n = arch.inputs();
        s.upload(x, start * n, rows * n, predictionInputs);
        layers.input(predictionInputs);
    }

    @Override
    protected void predictionOutput(float[] y, int start, int rows) {
        int k = arch.outputs();
        layers.predictionOutput(rows);
        s.download(layers.h[arch.depth()], y, start * k, rows * k, "prediction");
    }

    @Override
    protected void endPrediction() {
        if (predictionInputs != 0) {
            s.memory.free(predictionInputs, predictionBytes);
            predictionInputs = 0;
        }
    }

    @Override
    public Parameters parameters() {
        enter();
        float[] flat = new float[layout.size()];
        s.download(theta, flat, 0, flat.length, "reading the parameters");
        return layout.unpack(flat);
    }

    /** The state's buffers read back from the device; the step count is the batches trained. */
    @Override
    public OptimiserMoments optimiserMoments() {
        enter();
        List<Parameters> copies = new ArrayList<>();
        for (long buffer : optimiser.buffers) {
            float[] flat = new float[layout.size()];
            s.download(buffer, flat, 0, flat.length, "reading the optimiser state");
            copies.add(layout.unpack(flat));
        }
        return new OptimiserMoments(steps(), copies);
    }

    /** Uploads the buffers and sets the device's step count, waiting for each copy (the staging buffer is reused). */
    @Override
    public void restoreOptimiser(OptimiserMoments moments) {
        enter();
        if (moments.buffers().size() != optimiser.buffers.length) {
            throw new IllegalArgumentException(spec.optimiser().key() + " keeps " + optimiser.buffers.length
                    + " buffers, the moments have " + moments.buffers().size());
        }
        for (int i = 0; i < optimiser.buffers.length; i++) {
            Parameters buffer = moments.buffers().get(i);
            if (!buffer.architecture().equals(arch)) {
                throw new IllegalArgumentException("moments for " + buffer.architecture() + ", not " + arch);
            }
            s.upload(layout.pack(buffer), 0, layout.size(), optimiser.buffers[i]);
            s.synchronize("restoring the optimiser state");
        }
        optimiser.steps(s, moments.steps());
        s.synchronize("restoring the optimiser's step count");
        steps(moments.steps());
    }

    /** Every entry point: refuses a closed engine, makes the context current on the calling thread. */
    @Override
    protected void enter() {
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
