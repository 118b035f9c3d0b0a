package ffnlab.backend.gpu;

import ffnlab.backend.EngineSpec;
import ffnlab.backend.TrainingEngine;
import ffnlab.data.Examples;
import ffnlab.nn.Activation;
import ffnlab.nn.Architecture;
import ffnlab.nn.Initialiser;
import ffnlab.nn.Loss;
import ffnlab.nn.Reduction;
import ffnlab.nn.optim.Optimiser;
import ffnlab.train.TrainingLoop;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seconds per epoch of the chapter's Fashion-MNIST network [784, 512, 512, 10] (ReLU, softmax +
 * cross-entropy, mean reduction, SGD lr 0.001) on 60000 synthetic patterns, on the GPU, for each batch size:
 * one warm-up epoch, then the median of the timed epochs. Each epoch is timed from the permutation's upload
 * to the loss read back (the loop's own timing). Run with and without CUDA graphs.
 *
 * <p>The peer columns (PyTorch eager and PyTorch with CUDA graphs on the same network and data sizes) come only
 * from {@code peer-file}: the output of {@code src/bench/python/torch_peer_gpu.py} run in the same check
 * ({@code src/test/gpu/check.sh} does); without it they say "not measured".
 *
 * <p>A bench source: {@code src/test/gpu/pack.sh} compiles it into the packed classes, and {@code check.sh} runs
 * <pre>java --enable-native-access=ALL-UNNAMED -cp ... ffnlab.backend.gpu.GpuBenchmark [batches=16,32,64,128,256] [epochs=3] [patterns=60000] [peer-file]</pre>
 */
public final class GpuBenchmark {
    private GpuBenchmark() {
    }

    public static void main(String[] args) {
        int[] batches = args.length > 0 ? Arrays.stream(args[0].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {16, 32, 64, 128, 256};
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int patterns = args.length > 2 ? Integer.parseInt(args[2]) : 60000;
        PeerTimings peer = PeerTimings.read(args.length > 3 ? java.nio.file.Path.of(args[3]) : null);
        var reason = GpuBackend.unavailableReason();
        if (reason.isPresent()) {
            System.err.println("GpuBenchmark: GPU backend unavailable: " + reason.get());
            System.exit(2);
        }
        GpuBackend gpu = new GpuBackend();
        System.out.println("device: " + gpu.deviceName() + ", CUDA driver " + CudaRuntime.get().driverVersion);
        Architecture arch = Architecture.of(Activation.RELU, Activation.SOFTMAX, 784, 512, 512, 10);
        Examples data = synthetic(patterns, 784, 10, 1);
        System.out.println("network " + arch + ", " + patterns + " synthetic patterns, SGD lr 0.001, "
                + epochs + " timed epochs after 1 warm-up");
        peer.notes().forEach(n -> System.out.println("peer: " + n));
        System.out.println(BenchmarkTable.header());
        for (int b : batches) {
            double withGraphs = secondsPerEpoch(gpu, arch, data, b, epochs, true);
            double direct = secondsPerEpoch(gpu, arch, data, b, epochs, false);
            long updates = (patterns + b - 1) / b;
            System.out.println(BenchmarkTable.row(b, withGraphs, direct, updates, peer));
        }
        gpu.close();
    }

    /** Median seconds of {@code epochs} timed epochs after one warm-up. */
    static double secondsPerEpoch(GpuBackend gpu, Architecture arch, Examples data, int batch, int epochs, boolean graphs) {
        System.setProperty("ffnlab.gpu.graphs", Boolean.toString(graphs));
        EngineSpec spec = new EngineSpec(arch, new Initialiser.PyTorchDefault().create(arch, 42), Loss.CROSS_ENTROPY,
                Reduction.MEAN, new Optimiser.Sgd(0.001), 1);
        SplittableRandom shuffle = new SplittableRandom(7);
        int[] order = new int[data.rows()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        List<Double> times = new ArrayList<>();
        try (TrainingEngine engine = gpu.open(spec, data)) {
            for (int e = 0; e <= epochs; e++) {
                TrainingLoop.shuffle(order, shuffle);
                long start = System.nanoTime();
                double loss = engine.trainEpoch(order, batch);
                double seconds = (System.nanoTime() - start) / 1e9;
                if (!Double.isFinite(loss)) {
                    throw new IllegalStateException("loss became " + loss + " at batch " + batch);
                }
                if (e > 0) {
                    times.add(seconds);
                }
            }
        } finally {
            System.clearProperty("ffnlab.gpu.graphs");
        }
        times.sort(null);
        return times.get(times.size() / 2);
    }

    /** Pixels uniform in [0, 1], labels uniform over the classes. */
    static Examples synthetic(int rows, int features, int classes, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[rows * features];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextDouble();
        }
        int[] labels = new int[rows];
        for (int p = 0; p < rows; p++) {
            labels[p] = r.nextInt(classes);
        }
        return Examples.classification(rows, features, x, classes, labels);
    }
}
