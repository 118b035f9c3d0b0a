package ffnlab.bench;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import ffnlab.backend.cpu.CpuBackend;
import ffnlab.data.DataRequest;
import ffnlab.data.Datasets;
import ffnlab.data.Examples;
import ffnlab.data.PreparedData;
import ffnlab.nn.Architecture;
import ffnlab.nn.Initialiser;
import ffnlab.nn.Parameters;
import ffnlab.nn.Reduction;
import ffnlab.nn.optim.Optimiser;
import ffnlab.train.EpochRecord;
import ffnlab.train.TrainingConfig;
import ffnlab.train.TrainingLoop;
import java.nio.FloatBuffer;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Example 5 at the chapter's settings ([784, 512, 512, 10] ReLU, SGD B = 64, alpha = 0.001, mean cross-entropy,
 * pixels / 255, PyTorch's nn.Linear initialisation, a reshuffle every epoch) trained by PyTorch through DJL, an
 * implementation independent of ffnlab's, and by ffnlab's cpu backend. Prints the test accuracy after each epoch.
 *
 * <p>Arguments: {@code loss draw epochs seed...}. {@code loss} is ffnlab's training.loss: cross_entropy (PyTorch's
 * model without the final softmax) or double_softmax_cross_entropy (the chapter's printed model, nn.Softmax before
 * CrossEntropyLoss). {@code draw}: "shared" gives PyTorch ffnlab's initial parameters and batch order of the seed
 * (so the two must agree to float rounding) and also trains ffnlab; "own" draws the initial parameters (same
 * distribution) and the orders from another generator, as an independent PyTorch run does.
 *
 * <pre>
 * mvn -o -q -Pbench compile exec:java -Dexec.mainClass=ffnlab.bench.Example5Peer \
 *     -Dexec.args="cross_entropy shared 1 1 2 3" -Dai.djl.offline=true
 * </pre>
 */
public final class Example5Peer {
    private static final int[] WIDTHS = {784, 512, 512, 10};
    private static final int BATCH = 64;
    private static final float ALPHA = 0.001f;

    private Example5Peer() {
    }

    public static void main(String[] args) {
        ffnlab.nn.Loss loss = ffnlab.nn.Loss.parse(args[0]);
        boolean shared = args[1].equals("shared");
        int epochs = Integer.parseInt(args[2]);
        PreparedData data = Datasets.load(DataRequest.fashionMnist());
        for (int a = 3; a < args.length; a++) {
            long seed = Long.parseLong(args[a]);
            TrainingConfig config = new TrainingConfig(Architecture.of(ffnlab.nn.Activation.RELU,
                    ffnlab.nn.Activation.SOFTMAX, WIDTHS), new Initialiser.PyTorchDefault(), loss, Reduction.MEAN,
                    new Optimiser.Sgd(ALPHA), BATCH, epochs, seed, 0);
            Parameters initial = shared ? new TrainingLoop(config, new CpuBackend(2), 2).initialParameters()
                    : ownDraw(config.architecture(), seed);
            double[] torch = torch(loss, initial, data, epochs, shared ? ffnlabOrders(seed, epochs, data.train().rows())
                    : ownOrders(seed, epochs, data.train().rows()));
            System.out.println(loss.key() + " " + args[1] + " seed " + seed + " pytorch " + join(torch));
            if (shared) {
                double[] ours = new TrainingLoop(config, new CpuBackend(2), 2).run(data.train(), data.test(), null)
                        .epochs().stream().mapToDouble(EpochRecord::testAccuracy).toArray();
                System.out.println(loss.key() + " " + args[1] + " seed " + seed + " ffnlab  " + join(ours));
            }
        }
    }

    /** The orders TrainingLoop takes for this seed: the second split of the seed's generator, reshuffled in place. */
    private static int[][] ffnlabOrders(long seed, int epochs, int rows) {
        SplittableRandom root = new SplittableRandom(seed);
        root.split();
        return orders(epochs, rows, root.split()::nextInt);
    }

    private static int[][] ownOrders(long seed, int epochs, int rows) {
        return orders(epochs, rows, new Random(1_000_003L * seed + 17)::nextInt);
    }

    private static int[][] orders(int epochs, int rows, java.util.function.IntUnaryOperator below) {
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        int[][] all = new int[epochs][];
        for (int e = 0; e < epochs; e++) {
            for (int i = rows - 1; i > 0; i--) {
                int j = below.applyAsInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            all[e] = order.clone();
        }
        return all;
    }

    /** PyTorch's nn.Linear default, W and b ~ U(+-1/sqrt(fan_in)), from java.util.Random instead of ffnlab's generator. */
    private static Parameters ownDraw(Architecture arch, long seed) {
        Random r = new Random(7_919L * seed + 3);
        Parameters p = new Parameters(arch);
        for (int l = 1; l <= arch.depth(); l++) {
            double bound = 1 / Math.sqrt(arch.width(l - 1));
            for (float[] values : new float[][] {p.weights(l), p.biases(l)}) {
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) (bound * (2 * r.nextDouble() - 1));
                }
            }
        }
        return p;
    }

    private static double[] torch(ffnlab.nn.Loss loss, Parameters initial, PreparedData data, int epochs, int[][] orders) {
        SequentialBlock net = new SequentialBlock();
        for (int l = 1; l < WIDTHS.length; l++) {
            net.add(Linear.builder().setUnits(WIDTHS[l]).build());
            if (l < WIDTHS.length - 1) {
                net.add(Activation::relu);
            }
        }
        if (loss == ffnlab.nn.Loss.DOUBLE_SOFTMAX_CROSS_ENTROPY) {
            net.add(list -> new NDList(list.singletonOrThrow().softmax(1)));
        }
        try (Model model = Model.newInstance("example5")) {
            model.setBlock(net);
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(ALPHA)).build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(BATCH, WIDTHS[0]));
                load(net, initial);
                Examples train = data.train();
                double[] accuracy = new double[epochs];
                for (int e = 0; e < epochs; e++) {
                    for (int start = 0; start < train.rows(); start += BATCH) {
                        int rows = Math.min(BATCH, train.rows() - start);
                        try (NDManager sub = trainer.getManager().newSubManager()) {
                            NDList x = new NDList(batch(sub, train, orders[e], start, rows));
                            NDArray labels = labels(sub, train, orders[e], start, rows);
                            try (GradientCollector gc = trainer.newGradientCollector()) {
                                NDArray prediction = trainer.forward(x).singletonOrThrow();
                                gc.backward(trainer.getLoss().evaluate(new NDList(labels), new NDList(prediction)));
                            }
                            trainer.step();
                        }
                    }
                    accuracy[e] = accuracy(trainer, data.test());
                }
                return accuracy;
            }
        }
    }

    /** Copies theta into the block: DJL's Linear holds W as out x in, ffnlab's W^l is n_{l-1} x n_l. */
    private static void load(SequentialBlock net, Parameters theta) {
        int l = 0;
        for (Pair<String, Parameter> named : net.getParameters()) {
            Parameter p = named.getValue();
            if (p.getType() == Parameter.Type.WEIGHT) {
                l++;
                int in = WIDTHS[l - 1];
                int out = WIDTHS[l];
                float[] w = theta.weights(l);
                float[] transposed = new float[w.length];
                for (int i = 0; i < in; i++) {
                    for (int j = 0; j < out; j++) {
                        transposed[j * in + i] = w[i * out + j];
                    }
                }
                p.getArray().set(FloatBuffer.wrap(transposed));
            } else {
                p.getArray().set(FloatBuffer.wrap(theta.biases(l)));
            }
        }
    }

    private static NDArray batch(NDManager m, Examples data, int[] order, int start, int rows) {
        int n = data.features();
        float[] x = new float[rows * n];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(data.x(), order[start + i] * n, x, i * n, n);
        }
        return m.create(FloatBuffer.wrap(x), new Shape(rows, n));
    }

    private static NDArray labels(NDManager m, Examples data, int[] order, int start, int rows) {
        float[] y = new float[rows];
        for (int i = 0; i < rows; i++) {
            y[i] = data.labels()[order[start + i]];
        }
        return m.create(FloatBuffer.wrap(y), new Shape(rows));
    }

    private static double accuracy(Trainer trainer, Examples test) {
        int[] identity = new int[test.rows()];
        for (int i = 0; i < identity.length; i++) {
            identity[i] = i;
        }
        long correct = 0;
        for (int start = 0; start < test.rows(); start += 1000) {
            int rows = Math.min(1000, test.rows() - start);
            try (NDManager sub = trainer.getManager().newSubManager()) {
                NDArray predicted = trainer.forward(new NDList(batch(sub, test, identity, start, rows)))
                        .singletonOrThrow().argMax(1);
                long[] classes = predicted.toLongArray();
                for (int i = 0; i < rows; i++) {
                    if (classes[i] == test.labels()[start + i]) {
                        correct++;
                    }
                }
            }
        }
        return (double) correct / test.rows();
    }

    private static String join(double[] values) {
        StringBuilder s = new StringBuilder();
        for (double v : values) {
            s.append(String.format(java.util.Locale.ROOT, " %.4f", v));
        }
        return s.toString().trim();
    }
}
