package ffnlab.bench;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ffnlab.data.Examples;

/**
 * The peer: the same workload trained with PyTorch through DJL, run by {@link PeerRunner} in a fresh JVM
 * (offline, libtorch from the pytorch-native-cpu jar). Arguments: workload, threads, warm-up updates,
 * epochs, batch sizes. Prints one line per batch size: {@code peer <batch> <seconds> <seconds> ...}.
 */
public final class TorchPeer {
    private TorchPeer() {
    }

    public static void main(String[] args) {
        Workload w = Workload.named(args[0]);
        int threads = Integer.parseInt(args[1]);
        int warmupUpdates = Integer.parseInt(args[2]);
        int epochs = Integer.parseInt(args[3]);
        Examples data = w.examples(1);
        Engine engine = Engine.getEngine("PyTorch");
        System.out.println("engine " + engine.getEngineName() + " " + engine.getVersion() + " threads " + threads);
        for (int a = 4; a < args.length; a++) {
            int batch = Integer.parseInt(args[a]);
            StringBuilder line = new StringBuilder("peer ").append(batch);
            for (double s : epochSeconds(w, data, batch, warmupUpdates, epochs)) {
                line.append(' ').append(s);
            }
            System.out.println(line);
        }
    }

    private static double[] epochSeconds(Workload w, Examples data, int batch, int warmupUpdates, int epochs) {
        SequentialBlock net = new SequentialBlock();
        int[] widths = w.widths();
        for (int l = 1; l < widths.length; l++) {
            net.add(Linear.builder().setUnits(widths[l]).build());
            if (l < widths.length - 1) {
                net.add(Activation::relu);
            }
        }
        try (Model model = Model.newInstance(w.name())) {
            model.setBlock(net);
            Loss loss = w.classification() ? Loss.softmaxCrossEntropyLoss() : Loss.l2Loss();
            DefaultTrainingConfig config = new DefaultTrainingConfig(loss)
                    .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.001f)).build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(batch, w.inputs()));
                float[] xb = new float[batch * w.inputs()];
                float[] yb = new float[batch * (w.classification() ? 1 : w.outputs())];
                int[] warm = w.shuffledOrder(100);
                runUpdates(trainer, w, data, warm, Math.min(warm.length, warmupUpdates * batch), batch, xb, yb);
                double[] s = new double[epochs];
                for (int e = 0; e < epochs; e++) {
                    int[] order = w.shuffledOrder(e);
                    long t0 = System.nanoTime();
                    runUpdates(trainer, w, data, order, order.length, batch, xb, yb);
                    s[e] = (System.nanoTime() - t0) * 1e-9;
                }
                return s;
            }
        }
    }

    private static void runUpdates(Trainer trainer, Workload w, Examples data, int[] order, int length, int batch,
                                   float[] xb, float[] yb) {
        int n = w.inputs();
        int k = w.outputs();
        for (int start = 0; start < length; start += batch) {
            int rows = Math.min(batch, length - start);
            for (int i = 0; i < rows; i++) {
                int r = order[start + i];
                System.arraycopy(data.x(), r * n, xb, i * n, n);
                if (w.classification()) {
                    yb[i] = data.labels()[r];
                } else {
                    System.arraycopy(data.targets(), r * k, yb, i * k, k);
                }
            }
            try (NDManager sub = trainer.getManager().newSubManager()) {
                NDArray x = sub.create(java.nio.FloatBuffer.wrap(xb, 0, rows * n), new Shape(rows, n));
                NDArray y = w.classification()
                        ? sub.create(java.nio.FloatBuffer.wrap(yb, 0, rows), new Shape(rows))
                        : sub.create(java.nio.FloatBuffer.wrap(yb, 0, rows * k), new Shape(rows, k));
                try (GradientCollector gc = trainer.newGradientCollector()) {
                    NDArray prediction = trainer.forward(new NDList(x)).singletonOrThrow();
                    NDArray value = trainer.getLoss().evaluate(new NDList(y), new NDList(prediction));
                    gc.backward(value);
                }
                trainer.step();
            }
        }
    }
}
