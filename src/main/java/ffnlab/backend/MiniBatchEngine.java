package ffnlab.backend;

import ffnlab.data.Examples;
import ffnlab.nn.Architecture;
import java.util.function.IntConsumer;

/**
 * The chapter's mini-batch loop, written once for every engine. An epoch takes the given order B patterns at a
 * time; each {@link #step} gathers the batch, runs the forward pass U^l = H^{l-1} W^l + B^l, H^l = f^l(U^l)
 * for l = 1..L, the output layer's training call (grad_{U^L} J and the raw loss), backpropagation by
 * equation (D) for l = L..1 and the optimiser's update. Evaluation and prediction run the same forward pass in
 * chunks, each ending in its own output-layer call. The shapes of the data are checked here.
 *
 * <p>An engine supplies the operations: the host engines on float arrays ({@link HostTrainingEngine}), the
 * gpu engine as device kernels on one stream. For the output layer l = L, {@link #forwardLayer} may leave
 * the bias and f^L to the output-layer calls, which then apply them.
 */
public abstract class MiniBatchEngine implements TrainingEngine {
    protected final EngineSpec spec;
    protected final Architecture arch;
    protected final Examples train;
    /** Optimiser steps taken: one per batch, from the count a restored state brought. */
    private long steps;

    protected MiniBatchEngine(EngineSpec spec, Examples train) {
        this.spec = spec;
        this.arch = spec.architecture();
        requireShape(train);
        if (train.isClassification() != spec.loss().isClassification()) {
            throw new IllegalArgumentException(spec.loss().key() + " does not fit " + (train.isClassification()
                    ? "classification" : "regression") + " data");
        }
        this.train = train;
    }

    private void requireShape(Examples data) {
        if (data.features() != arch.inputs() || data.outputs() != arch.outputs()) {
            throw new IllegalArgumentException("data has " + data.features() + " inputs and " + data.outputs()
                    + " outputs, the network " + arch);
        }
    }

    /** Called first by every public entry point: an engine may refuse (closed) or bind its device here. */
    protected void enter() {
    }

    /** Prepares an epoch over {@code order} (a permutation of 0..P-1) in batches of up to {@code batchSize}. */
    protected abstract void beginEpoch(int[] order, int batchSize);

    /** Loads patterns order[start .. start + rows - 1] as the batch X (= H^0) with their targets. */
    protected abstract void gather(int start, int rows);

    /** U^l = H^{l-1} W^l + B^l and H^l = f^l(U^l) of the current {@code rows} inputs. */
    protected abstract void forwardLayer(int l, int rows);

    /**
     * The output layer's training call after the forward pass: grad_{U^L} J scaled by {@link #gradientScale};
     * returns the batch's raw loss, or 0 when the engine sums the losses itself ({@link #endEpoch}).
     */
    protected abstract double trainingOutput(int rows);

    /** Equation (D): grad_{U^{l-1}} J = (grad_{U^l} J) (W^l)^T . f^{l-1}'(U^{l-1}), for l &gt; 1. */
    protected abstract void propagate(int l, int rows);

    /** grad_{W^l} J = (H^{l-1})^T grad_{U^l} J and grad_{b^l} J = (grad_{U^l} J)^T 1_P (or, fused, their step). */
    protected abstract void layerGradients(int l, int rows);

    /** The optimiser's step on theta from the batch's gradients. */
    protected abstract void update(int rows);

    /** The epoch's summed raw loss, given the sum of the values {@link #trainingOutput} returned. */
    protected double endEpoch(double batchLosses) {
        return batchLosses;
    }

    /** Prepares a chunked forward pass over {@code data}; returns the chunk size in rows. */
    protected abstract int beginEvaluation(Examples data);

    /** Loads rows start .. start + rows - 1 of {@code data} as the inputs X. */
    protected abstract void evaluationInputs(Examples data, int start, int rows);

    /** The output layer's evaluation call: the raw loss and arg-max hits of the chunk's rows. */
    protected abstract void evaluationOutput(Examples data, int start, int rows);

    protected abstract Evaluation endEvaluation(Examples data);

    /** Prepares a chunked prediction of {@code rows} rows; returns the chunk size in rows. */
    protected abstract int beginPrediction(int rows);

    /** Loads rows start .. start + rows - 1 of the row-major {@code x} as the inputs X. */
    protected abstract void predictionInputs(float[] x, int start, int rows);

    /** The output layer's prediction call: Y = f^L(U^L) of the chunk into {@code y} from row {@code start}. */
    protected abstract void predictionOutput(float[] y, int start, int rows);

    /** Releases what {@link #beginPrediction} took; runs even when the prediction fails. */
    protected void endPrediction() {
    }

    /** The reduction's factor for a batch of {@code rows} patterns (see {@link ffnlab.nn.Reduction}). */
    protected final float gradientScale(int rows) {
        return (float) spec.reduction().gradientScale(spec.loss(), rows, arch.outputs());
    }

    @Override
    public final double trainEpoch(int[] order, int batchSize) {
        return trainEpoch(order, batchSize, null);
    }

    @Override
    public final double trainEpoch(int[] order, int batchSize, IntConsumer betweenBatches) {
        enter();
        int total = order.length;
        if (total != train.rows()) {
            throw new IllegalArgumentException("permutation has " + total + " entries for " + train.rows() + " patterns");
        }
        if (total == 0) {
            return 0;
        }
        int b = Math.min(Math.max(batchSize, 1), total);
        beginEpoch(order, b);
        double raw = 0;
        int batches = 0;
        for (int start = 0; start < total; start += b) {
            raw += trainBatch(start, Math.min(b, total - start), b);
            steps++;
            batches++;
            if (betweenBatches != null && start + b < total) {
                betweenBatches.accept(batches);
            }
        }
        return endEpoch(raw);
    }

    /** Optimiser steps taken so far (batches trained, counting those of a restored state). */
    protected final long steps() {
        return steps;
    }

    /** Sets the step count, when an optimiser state is restored. */
    protected final void steps(long taken) {
        if (taken < 0) {
            throw new IllegalArgumentException("steps must not be negative, got " + taken);
        }
        steps = taken;
    }

    /** One batch of the epoch; an engine may replay a recorded {@link #step} instead. Returns its raw loss. */
    protected double trainBatch(int start, int rows, int batchSize) {
        return step(start, rows);
    }

    /** One mini-batch update: gather, forward, output gradient, backpropagation, the optimiser's step. */
    protected final double step(int start, int rows) {
        gather(start, rows);
        forward(rows);
        double raw = trainingOutput(rows);
        for (int l = arch.depth(); l >= 1; l--) {
            if (l > 1) {
                propagate(l, rows);
            }
            layerGradients(l, rows);
        }
        update(rows);
        return raw;
    }

    private void forward(int rows) {
        for (int l = 1; l <= arch.depth(); l++) {
            forwardLayer(l, rows);
        }
    }

    @Override
    public final Evaluation evaluate(Examples data) {
        enter();
        requireShape(data);
        if (data.rows() == 0) {
            return new Evaluation(0, arch.outputs(), 0, 0);
        }
        int chunk = beginEvaluation(data);
        for (int start = 0; start < data.rows(); start += chunk) {
            int rows = Math.min(chunk, data.rows() - start);
            evaluationInputs(data, start, rows);
            forward(rows);
            evaluationOutput(data, start, rows);
        }
        return endEvaluation(data);
    }

    @Override
    public final float[] predict(float[] x, int rows) {
        enter();
        int n = arch.inputs();
        if (x.length < (long) rows * n) {
            throw new IllegalArgumentException("X has " + x.length + " values, expected " + rows + " x " + n);
        }
        float[] y = new float[rows * arch.outputs()];
        if (rows == 0) {
            return y;
        }
        int chunk = beginPrediction(rows);
        try {
            for (int start = 0; start < rows; start += chunk) {
                int r = Math.min(chunk, rows - start);
                predictionInputs(x, start, r);
                forward(r);
                predictionOutput(y, start, r);
            }
        } finally {
            endPrediction();
        }
        return y;
    }
}
