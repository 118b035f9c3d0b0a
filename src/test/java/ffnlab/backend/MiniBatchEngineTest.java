package ffnlab.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.data.Examples;
import ffnlab.nn.Activation;
import ffnlab.nn.Architecture;
import ffnlab.nn.Loss;
import ffnlab.nn.Parameters;
import ffnlab.nn.Reduction;
import ffnlab.nn.optim.Optimiser;
import ffnlab.nn.optim.OptimiserMoments;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The loop skeleton driven by a fake engine that records each operation it is asked for. */
class MiniBatchEngineTest {
    private static final Architecture ARCH = Architecture.of(Activation.TANH, Activation.LINEAR, 2, 4, 3, 1);

    /** Records the calls; the training output of a batch is its number of rows, the epoch adds 0.5. */
    private static final class Recorder extends MiniBatchEngine {
        final List<String> calls = new ArrayList<>();
        final int chunk;
        boolean failPrediction;

        Recorder(Examples train, int chunk) {
            super(new EngineSpec(ARCH, new Parameters(ARCH), Loss.SQUARED_ERROR, Reduction.SUM, new Optimiser.Sgd(0.1), 1),
                    train);
            this.chunk = chunk;
        }

        @Override
        protected void beginEpoch(int[] order, int batchSize) {
            calls.add("epoch " + order.length + " by " + batchSize);
        }

        @Override
        protected void gather(int start, int rows) {
            calls.add("gather " + start + "+" + rows);
        }

        @Override
        protected void forwardLayer(int l, int rows) {
            calls.add("forward " + l);
        }

        @Override
        protected double trainingOutput(int rows) {
            calls.add("training output");
            return rows;
        }

        @Override
        protected void propagate(int l, int rows) {
            calls.add("propagate " + l);
        }

        @Override
        protected void layerGradients(int l, int rows) {
            calls.add("gradients " + l);
        }

        @Override
        protected void update(int rows) {
            calls.add("update");
        }

        @Override
        protected double endEpoch(double batchLosses) {
            return batchLosses + 0.5;
        }

        @Override
        protected int beginEvaluation(Examples data) {
            calls.add("evaluation");
            return chunk;
        }

        @Override
        protected void evaluationInputs(Examples data, int start, int rows) {
            calls.add("inputs " + start + "+" + rows);
        }

        @Override
        protected void evaluationOutput(Examples data, int start, int rows) {
            calls.add("evaluation output");
        }

        @Override
        protected Evaluation endEvaluation(Examples data) {
            return new Evaluation(data.rows(), data.outputs(), 1, 0);
        }

        @Override
        protected int beginPrediction(int rows) {
            calls.add("prediction");
            return chunk;
        }

        @Override
        protected void predictionInputs(float[] x, int start, int rows) {
            calls.add("inputs " + start + "+" + rows);
        }

        @Override
        protected void predictionOutput(float[] y, int start, int rows) {
            if (failPrediction) {
                throw new IllegalStateException("device lost");
            }
            for (int p = 0; p < rows; p++) {
                y[start + p] = start + p;
            }
        }

        @Override
        protected void endPrediction() {
            calls.add("end prediction");
        }

        @Override
        public Parameters parameters() {
            return new Parameters(ARCH);
        }

        /** The recorder keeps no optimiser buffers: its state is the step count the loop keeps. */
        @Override
        public OptimiserMoments optimiserMoments() {
            return new OptimiserMoments(steps(), List.of());
        }

        @Override
        public void restoreOptimiser(OptimiserMoments moments) {
            steps(moments.steps());
        }

        @Override
        public String device() {
            return "recorder";
        }

        @Override
        public void close() {
        }
    }

    private static Examples regression(int rows, int features) {
        return Examples.regression(rows, features, new float[rows * features], 1, new float[rows]);
    }

    @Test
    void aStepIsForwardOutputThenEquationDFromTheTopAndOneUpdate() {
        Recorder r = new Recorder(regression(5, 2), 2);
        double raw = r.trainEpoch(new int[] {4, 3, 2, 1, 0}, 3);
        List<String> step = List.of("forward 1", "forward 2", "forward 3", "training output",
                "propagate 3", "gradients 3", "propagate 2", "gradients 2", "gradients 1", "update");
        List<String> expected = new ArrayList<>();
        expected.add("epoch 5 by 3");
        expected.add("gather 0+3");
        expected.addAll(step);
        expected.add("gather 3+2");
        expected.addAll(step);
        assertEquals(expected, r.calls);
        assertEquals(3 + 2 + 0.5, raw, 0.0, "the batches' losses, then the engine's end of epoch");
    }

    @Test
    void aBatchLargerThanTheDataIsFullBatchAndEmptyDataTrainsNothing() {
        Recorder r = new Recorder(regression(4, 2), 2);
        r.trainEpoch(new int[] {0, 1, 2, 3}, 100);
        assertEquals(List.of("epoch 4 by 4", "gather 0+4"), r.calls.subList(0, 2));
        Recorder empty = new Recorder(regression(0, 2), 2);
        assertEquals(0.0, empty.trainEpoch(new int[0], 8), 0.0);
        assertEquals(List.of(), empty.calls);
    }

    @Test
    void evaluationAndPredictionRunInChunks() {
        Recorder r = new Recorder(regression(5, 2), 2);
        r.evaluate(regression(5, 2));
        assertEquals(List.of("evaluation", "inputs 0+2", "forward 1", "forward 2", "forward 3", "evaluation output",
                "inputs 2+2", "forward 1", "forward 2", "forward 3", "evaluation output",
                "inputs 4+1", "forward 1", "forward 2", "forward 3", "evaluation output"), r.calls);
        r.calls.clear();
        float[] y = r.predict(new float[10], 5);
        assertArrayEquals(new float[] {0, 1, 2, 3, 4}, y);
        assertEquals("prediction", r.calls.getFirst());
        assertEquals("end prediction", r.calls.getLast());
        assertEquals(0, new Recorder(regression(5, 2), 2).evaluate(regression(0, 2)).rows());
    }

    @Test
    void aFailedPredictionStillReleasesItsBuffers() {
        Recorder r = new Recorder(regression(5, 2), 2);
        r.failPrediction = true;
        assertThrows(IllegalStateException.class, () -> r.predict(new float[10], 5));
        assertEquals("end prediction", r.calls.getLast());
    }

    @Test
    void shapesAreCheckedOnceForEveryEngine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Recorder(regression(5, 3), 2));
        assertTrue(e.getMessage().contains("3 inputs"), e.getMessage());
        Recorder r = new Recorder(regression(5, 2), 2);
        assertThrows(IllegalArgumentException.class, () -> r.evaluate(regression(5, 3)));
        assertThrows(IllegalArgumentException.class, () -> r.predict(new float[9], 5));
        assertThrows(IllegalArgumentException.class, () -> r.trainEpoch(new int[] {0, 1, 2}, 2));
        Examples labelled = Examples.classification(5, 2, new float[10], 1, new int[5]);
        assertThrows(IllegalArgumentException.class, () -> new Recorder(labelled, 2), "squared error on class labels");
        assertEquals(List.of(), r.calls);
    }
}
