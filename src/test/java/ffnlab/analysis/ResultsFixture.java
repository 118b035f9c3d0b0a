package ffnlab.analysis;

import ffnlab.results.TrialSchema.Column;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Small fake results folders that follow the results layout exactly (contracts: results/&lt;experiment&gt;/ with
 * experiment.yaml and trials/&lt;id&gt;/{trial.yaml, metrics.csv, predictions.csv, parameters.csv, provenance.yaml,
 * summary.yaml}); the numbers come from closed-form curves plus seeded noise, so tests know what to expect.
 */
public final class ResultsFixture {
    static final String HEADER = String.join(",", Column.KEYS);
    public static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat");

    private ResultsFixture() {
    }

    /**
     * Regression width sweep: model.hidden 4, 16, 64, 256 x seeds 1, 2, 3, 10 epochs. The test m.s.e. is lowest at 64;
     * seed 3 of width 256 diverged at epoch 4; one trial folder is unfinished (no summary.yaml).
     */
    public static Path widthSweep(Path resultsRoot) {
        return widthSweep(resultsRoot, 3);
    }

    /** {@link #widthSweep(Path)} with seeds 1..{@code seeds}. */
    public static Path widthSweep(Path resultsRoot, int seeds) {
        Path dir = experiment(resultsRoot, "width-sweep", """
                name: width-sweep
                dataset: {source: california-housing, test_fraction: 0.3}
                model: {hidden: 10, activation: relu}
                training: {epochs: 10, batch_size: 32, optimiser: {kind: sgd, learning_rate: 0.01}}
                sweep:
                  grid: {model.hidden: [4, 16, 64, 256]}
                  seeds: [1, 2, 3]
                report:
                  x: model.hidden
                  log_x: true
                  chapter:
                    optimum: 64
                    note: "Example 3b: optimum number of hidden neurons 64"
                """);
        for (int width : new int[] {4, 16, 64, 256}) {
            for (int seed = 1; seed <= seeds; seed++) {
                double floor = 0.25 + 0.02 * Math.pow(Math.log(width / 64.0), 2);
                boolean diverged = width == 256 && seed == 3;
                Map<String, Object> coordinates = new LinkedHashMap<>();
                coordinates.put("model.hidden", width);
                regressionTrial(dir, "w" + width + "s" + seed, seed, coordinates, floor, diverged);
            }
        }
        try {
            Files.createDirectories(dir.resolve("trials").resolve("ffffffffffffffff"));
            Files.writeString(dir.resolve("trials").resolve("ffffffffffffffff").resolve("trial.yaml"), "id: ffffffffffffffff\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /**
     * A one-key regression sweep of one epoch per trial whose final test m.s.e. per seed are given: {@code finals} maps each
     * value of {@code key} to its seeds' values (seed 1, 2, ...).
     */
    public static Path finalTestMse(Path resultsRoot, String name, String key, Map<Object, double[]> finals) {
        Path dir = experiment(resultsRoot, name, "name: " + name + "\n");
        finals.forEach((value, mse) -> {
            for (int seed = 1; seed <= mse.length; seed++) {
                String id = id(name + value + "s" + seed);
                Path trial = dir.resolve("trials").resolve(id);
                double test = mse[seed - 1];
                write(trial, "metrics.csv", HEADER + "\n" + row(1, test, test, test, test, Double.NaN, Double.NaN, 0.05, 452));
                finish(trial, id, name, seed, new LinkedHashMap<>(Map.of(key, value)), 1, "finished", test, test, test, Double.NaN,
                        Double.NaN, test, 1);
            }
        });
        return dir;
    }

    /**
     * Two-key regression sweep: training.lr 0.005, 0.02, 0.08 x model.hidden 4, 16, 64, 256 x seeds 1, 2, 3. The test
     * m.s.e. is lowest at lr 0.02 and width 64; every seed of lr 0.08 with width 256 diverged.
     */
    public static Path lrWidthGrid(Path resultsRoot) {
        Path dir = experiment(resultsRoot, "lr-width-grid", """
                name: lr-width-grid
                dataset: {source: california-housing, test_fraction: 0.3}
                sweep:
                  grid: {training.lr: [0.005, 0.02, 0.08], model.hidden: [4, 16, 64, 256]}
                  seeds: [1, 2, 3]
                report: {x: model.hidden}
                """);
        for (double lr : new double[] {0.005, 0.02, 0.08}) {
            for (int width : new int[] {4, 16, 64, 256}) {
                for (int seed = 1; seed <= 3; seed++) {
                    double floor = 0.25 + 0.02 * Math.pow(Math.log(width / 64.0), 2) + 0.05 * Math.pow(Math.log(lr / 0.02), 2);
                    Map<String, Object> coordinates = new LinkedHashMap<>();
                    coordinates.put("training.lr", lr);
                    coordinates.put("model.hidden", width);
                    regressionTrial(dir, "lr" + lr + "w" + width + "s" + seed, seed, coordinates, floor, lr == 0.08 && width == 256);
                }
            }
        }
        return dir;
    }

    /**
     * Three-key regression sweep: training.lr 0.01, 0.04 x model.hidden 8, 32 x training.batch_size 16, 128 x seeds
     * 1, 2; lowest test m.s.e. at lr 0.01, width 32, batch 16; every seed of lr 0.04, width 32, batch 128 diverged.
     */
    public static Path lrWidthBatchGrid(Path resultsRoot) {
        Path dir = experiment(resultsRoot, "lr-width-batch-grid", """
                name: lr-width-batch-grid
                dataset: {source: california-housing, test_fraction: 0.3}
                sweep:
                  grid: {training.lr: [0.01, 0.04], model.hidden: [8, 32], training.batch_size: [16, 128]}
                  seeds: [1, 2]
                """);
        for (double lr : new double[] {0.01, 0.04}) {
            for (int width : new int[] {8, 32}) {
                for (int batch : new int[] {16, 128}) {
                    for (int seed = 1; seed <= 2; seed++) {
                        double floor = 0.25 + (lr == 0.01 ? 0 : 0.04) + (width == 32 ? 0 : 0.03) + (batch == 16 ? 0 : 0.02);
                        Map<String, Object> coordinates = new LinkedHashMap<>();
                        coordinates.put("training.lr", lr);
                        coordinates.put("model.hidden", width);
                        coordinates.put("training.batch_size", batch);
                        regressionTrial(dir, "lr" + lr + "w" + width + "b" + batch + "s" + seed, seed, coordinates, floor,
                                lr == 0.04 && width == 32 && batch == 128);
                    }
                }
            }
        }
        return dir;
    }

    /** Depth sweep: model.hidden [5], [5, 5], [5, 5, 5], [5, 5, 5, 5] x seeds 1, 2; optimum at depth 3. */
    public static Path depthSweep(Path resultsRoot) {
        Path dir = experiment(resultsRoot, "depth-sweep", """
                name: depth-sweep
                sweep: {grid: {model.hidden: [[5], [5, 5], [5, 5, 5], [5, 5, 5, 5]]}, seeds: [1, 2]}
                report: {chapter: {optimum: 4, note: "Example 4b: optimum number of hidden layers = 4"}}
                """);
        for (int depth = 1; depth <= 4; depth++) {
            for (int seed = 1; seed <= 2; seed++) {
                List<Integer> hidden = new ArrayList<>(java.util.Collections.nCopies(depth, 5));
                Map<String, Object> coordinates = new LinkedHashMap<>();
                coordinates.put("model.hidden", hidden);
                regressionTrial(dir, "d" + depth + "s" + seed, seed, coordinates, 0.3 + 0.03 * Math.abs(depth - 3), false);
            }
        }
        return dir;
    }

    /** Classification batch-size sweep: training.batch_size 16, 64, 256 x seeds 1, 2; time per update is a U over B. */
    public static Path batchSweep(Path resultsRoot) {
        Path dir = experiment(resultsRoot, "batch-size-sweep", """
                name: batch-size-sweep
                dataset: {source: fashion-mnist}
                sweep: {grid: {training.batch_size: [16, 64, 256]}, seeds: [1, 2]}
                report:
                  plots: [learning_curves, accuracy_curves, error_vs_swept, time_vs_batch, confusion_matrix]
                  chapter: {note: "Example 5b: the time per weight update against batch size is U-shaped"}
                """);
        for (int b : new int[] {16, 64, 256}) {
            for (int seed = 1; seed <= 2; seed++) {
                Map<String, Object> coordinates = new LinkedHashMap<>();
                coordinates.put("training.batch_size", b);
                classificationTrial(dir, "b" + b + "s" + seed, seed, coordinates, b);
            }
        }
        return dir;
    }

    /** Example 2: one configuration, one seed, the m.s.e. falling to 0.107, parameters.csv beside the chapter's. */
    public static Path toyMapping(Path resultsRoot) {
        Path dir = experiment(resultsRoot, "toy-mapping", """
                name: toy-mapping
                dataset: {source: toy-mapping}
                report:
                  plots: [learning_curves, weights]
                  chapter:
                    mse_after_40_epochs: 0.107
                    note: "Example 2: m.s.e. 0.107 after 1000 epochs"
                    parameters:
                      - {layer: 1, kind: W, values: [[-2.01, -0.52, -1.87], [3.56, -2.61, 2.43]]}
                      - {layer: 1, kind: b, values: [0.23, -0.93, 0.16]}
                      - {layer: 2, kind: W, values: [[2.14, -1.14], [-2.92, -1.78], [-3.57, 2.30]]}
                      - {layer: 2, kind: b, values: [1.24, -0.44]}
                """);
        Path trial = dir.resolve("trials").resolve("0123456789abcdef");
        StringBuilder m = new StringBuilder(HEADER).append('\n');
        for (int e = 1; e <= 50; e++) {
            double mse = 0.1069 + 1.2 * Math.exp(-e / 3.0);
            m.append(row(e, mse, Double.NaN, mse, Double.NaN, Double.NaN, Double.NaN, 1e-5, 1));
        }
        double[] values = {-2.02, -0.52, -1.87, 3.56, -2.61, 2.43, 0.23, -0.93, 0.16, 2.14, -1.14, -2.92, -1.78, -3.57, 2.30, 1.24, -0.44};
        StringBuilder p = new StringBuilder("layer,kind,row,col,value\n");
        int k = 0;
        int[][] shapes = {{2, 3}, {1, 3}, {3, 2}, {1, 2}};
        for (int s = 0; s < 4; s++) {
            for (int r = 0; r < shapes[s][0]; r++) {
                for (int c = 0; c < shapes[s][1]; c++) {
                    p.append(s / 2 + 1).append(',').append(s % 2 == 0 ? "W" : "b").append(',').append(r).append(',')
                            .append(c).append(',').append(values[k++]).append('\n');
                }
            }
        }
        write(trial, "metrics.csv", m.toString());
        write(trial, "parameters.csv", p.toString());
        write(trial, "predictions.csv", "actual,predicted\n0.44,0.41\n0.84,0.80\n0.09,0.15\n-0.25,-0.20\n");
        finish(trial, "0123456789abcdef", "toy-mapping", 1, new LinkedHashMap<>(), 50, "finished", 0.1071, Double.NaN, 0.1071,
                Double.NaN, Double.NaN, 0.1071, 50);
        return dir;
    }

    private static void regressionTrial(Path dir, String name, int seed, Map<String, Object> coordinates, double floor,
                                        boolean diverged) {
        String id = id(name);
        Path trial = dir.resolve("trials").resolve(id);
        SplittableRandom noise = new SplittableRandom(name.hashCode());
        StringBuilder m = new StringBuilder(HEADER).append('\n');
        double lastTrain = 0;
        double lastTest = 0;
        double best = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        int epochs = diverged ? 4 : 10;
        for (int e = 1; e <= epochs; e++) {
            double test = floor + 0.8 * Math.exp(-e / 2.5) + 0.01 * noise.nextDouble();
            double train = test - 0.03;
            if (diverged && e == epochs) {
                train = Double.NaN;
                test = Double.NaN;
            }
            m.append(row(e, train, test, train, test, Double.NaN, Double.NaN, 0.05 + 0.001 * noise.nextDouble(), 452));
            lastTrain = train;
            lastTest = test;
            if (test < best) {
                best = test;
                bestEpoch = e;
            }
        }
        write(trial, "metrics.csv", m.toString());
        StringBuilder p = new StringBuilder("actual,predicted\n");
        for (int i = 0; i < 40; i++) {
            double actual = 50000 + 10000 * i;
            p.append(actual).append(',').append(actual * (1 + 0.1 * (noise.nextDouble() - 0.5))).append('\n');
        }
        write(trial, "predictions.csv", p.toString());
        finish(trial, id, dir.getFileName().toString(), seed, coordinates, epochs, diverged ? "diverged" : "finished",
                lastTrain, lastTest, lastTrain, Double.NaN, Double.NaN, best, bestEpoch);
    }

    private static void classificationTrial(Path dir, String name, int seed, Map<String, Object> coordinates, int batch) {
        String id = id(name);
        Path trial = dir.resolve("trials").resolve(id);
        SplittableRandom noise = new SplittableRandom(name.hashCode());
        StringBuilder m = new StringBuilder(HEADER).append('\n');
        double lastTrain = 0;
        double lastTest = 0;
        double best = 0;
        int bestEpoch = 0;
        double updateUs = 100 * (1 + Math.pow(Math.log(batch / 64.0), 2)) * (1 + 0.02 * noise.nextDouble());
        int updates = 60000 / batch;
        for (int e = 1; e <= 6; e++) {
            double test = 0.88 - 0.3 * Math.exp(-e * batch / 200.0) - 0.02 * Math.log(batch / 16.0) + 0.005 * noise.nextDouble();
            double train = test + 0.01;
            m.append(row(e, 1 - train, 1 - test, Double.NaN, Double.NaN, train, test, updateUs * updates / 1e6, updates));
            lastTrain = train;
            lastTest = test;
            if (test > best) {
                best = test;
                bestEpoch = e;
            }
        }
        write(trial, "metrics.csv", m.toString());
        StringBuilder p = new StringBuilder("actual,predicted\n");
        for (int i = 0; i < 200; i++) {
            String actual = CLASSES.get(i % CLASSES.size());
            String predicted = noise.nextDouble() < 0.85 ? actual : CLASSES.get(noise.nextInt(CLASSES.size()));
            p.append('"').append(actual).append("\",\"").append(predicted).append("\"\n");
        }
        write(trial, "predictions.csv", p.toString());
        finish(trial, id, dir.getFileName().toString(), seed, coordinates, 6, "finished", 1 - lastTrain, 1 - lastTest,
                Double.NaN, lastTrain, lastTest, best, bestEpoch, updateUs, updateUs * updates / 1e6);
    }

    private static String row(int epoch, double trainLoss, double testLoss, double trainMse, double testMse, double trainAcc,
                              double testAcc, double epochTime, long updates) {
        double orig = 1.3e10;
        return String.format(Locale.ROOT, "%d,%s,%s,%s,%s,%s,%s,%s,%s,%s,%d,%s%n", epoch, num(trainLoss), num(testLoss),
                num(trainMse), num(testMse), num(trainMse * orig), num(testMse * orig), num(trainAcc), num(testAcc),
                num(epochTime), updates, num(epochTime / updates * 1e6));
    }

    private static void finish(Path trial, String id, String experiment, int seed, Map<String, Object> coordinates, int epochs,
                               String status, double trainLoss, double testLoss, double trainMse, double trainAcc,
                               double testAcc, double best, int bestEpoch) {
        finish(trial, id, experiment, seed, coordinates, epochs, status, trainLoss, testLoss, trainMse, trainAcc, testAcc,
                best, bestEpoch, 110.0 + seed, 0.05);
    }

    private static void finish(Path trial, String id, String experiment, int seed, Map<String, Object> coordinates, int epochs,
                               String status, double trainLoss, double testLoss, double trainMse, double trainAcc,
                               double testAcc, double best, int bestEpoch, double updateUs, double epochS) {
        StringBuilder c = new StringBuilder();
        coordinates.forEach((k, v) -> c.append("  ").append(k).append(": ").append(v).append('\n'));
        write(trial, "trial.yaml", "id: " + id + "\nexperiment: " + experiment + "\nseed: " + seed + "\ncoordinates:"
                + (coordinates.isEmpty() ? " {}\n" : "\n" + c) + "config:\n  dataset: {source: x}\n  model: {hidden: 10}\n"
                + "  training: {epochs: " + epochs + "}\n  backend: {kind: cpu, threads: 1}\n");
        write(trial, "provenance.yaml", """
                engine_fingerprint: e1e2e3e4e5e6e7e8
                git_commit: 0cb58dd
                git_dirty: false
                jdk: 25.0.1
                os: Linux amd64
                cpu_model: Test CPU
                cores: 2
                threads: 1
                backend: cpu
                device: cpu
                data_sha256: abc123
                started_at: 2026-11-26T05:00:00Z
                ended_at: 2026-11-26T05:0%dZ
                """.formatted(seed));
        double testMse = Double.isNaN(trainAcc) ? testLoss : Double.NaN;
        write(trial, "summary.yaml", String.format(Locale.ROOT, """
                status: %s
                diverged_epoch: %s
                epochs_run: %d
                final_epoch: %d
                final_train_loss: %s
                final_test_loss: %s
                final_train_mse: %s
                final_test_mse: %s
                final_train_mse_orig: %s
                final_test_mse_orig: %s
                final_train_accuracy: %s
                final_test_accuracy: %s
                best_test_mse: %s
                best_test_accuracy: %s
                best_test_epoch: %d
                mean_epoch_time_s: %s
                mean_update_time_us: %s
                wall_time_s: 1.5
                parameters_sha256: 00ff
                """, status, status.equals("diverged") ? Integer.toString(epochs) : ".nan", epochs, epochs, yaml(trainLoss),
                yaml(testLoss), yaml(trainMse), yaml(testMse), yaml(trainMse * 1.3e10), yaml(testMse * 1.3e10),
                yaml(trainAcc), yaml(testAcc), yaml(Double.isNaN(trainAcc) ? best : Double.NaN),
                yaml(Double.isNaN(trainAcc) ? Double.NaN : best), bestEpoch, yaml(epochS), yaml(updateUs)));
    }

    private static Path experiment(Path resultsRoot, String name, String yaml) {
        Path dir = resultsRoot.resolve(name);
        write(dir, "experiment.yaml", yaml);
        return dir;
    }

    public static String id(String name) {
        return String.format(Locale.ROOT, "%016x", (long) name.hashCode() * 2654435761L);
    }

    private static String num(double x) {
        return Double.isNaN(x) ? "NaN" : Double.toString(x);
    }

    private static String yaml(double x) {
        return Double.isNaN(x) ? ".nan" : Double.toString(x);
    }

    static void write(Path dir, String file, String text) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(file), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
